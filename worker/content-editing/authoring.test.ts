import { describe, expect, it } from 'vitest';
import { splitItem } from '../curriculum/item-parts';
import { ItemSchema, type Item } from '../curriculum/pack-schema';
import { createQuickJsSandbox } from '../evaluation/quickjs-sandbox';
import {
  exerciseProblems,
  ItemCreateSchema,
  ItemEditSchema,
  itemProblems,
  joinItem,
  LessonEditSchema,
  typeChangeIssue,
} from './authoring';

const base = { concept: 'graphs', difficulty: 'medium', prompt: 'Which?', explanation: 'Because.', hints: ['Look.'] };

const authored: Item[] = [
  {
    ...base,
    id: 'mc',
    type: 'multiple-choice',
    options: [
      { id: 'a', text: 'A', correct: false },
      { id: 'b', text: 'B', correct: true },
    ],
  },
  {
    ...base,
    id: 'ms',
    type: 'multi-select',
    options: [
      { id: 'a', text: 'A', correct: true },
      { id: 'b', text: 'B', correct: false },
      { id: 'c', text: 'C', correct: true },
    ],
  },
  { ...base, id: 'tf', type: 'true-false', answer: false },
  { ...base, id: 'sa', type: 'short-answer', accepted: ['walker', 'a walker'] },
  {
    ...base,
    id: 'fb',
    type: 'fill-blanks',
    code: 'walker {{kw}} { {{body}} }',
    blanks: [
      { id: 'kw', accepted: ['W'] },
      { id: 'body', accepted: ['visit', 'visit -->'] },
    ],
  },
  { ...base, id: 'po', type: 'predict-output', code: 'print(1)', output: '1\n' },
  { ...base, id: 'pa', type: 'parsons', lines: ['b = 2', 'a = 1', 'print(a)'], distractors: ['a == 1', 'zz'] },
  {
    ...base,
    id: 'ce',
    type: 'code-exercise',
    language: 'javascript',
    starter: 'export function f() {}',
    tests: "test('one', () => expect(f()).toBe(1));",
    solution: 'export function f() { return 1; }',
    wrongSolutions: [{ why: 'returns zero', code: 'export function f() { return 0; }' }],
  },
].map((item) => ItemSchema.parse(item));

const stored = (item: Item) => ({
  slug: item.id,
  type: item.type,
  difficulty: item.difficulty,
  prompt: item.prompt,
  explanation: item.explanation,
  hints: item.hints,
  ...splitItem(item),
});

describe('joinItem', () => {
  it.each(authored.map((item) => [item.type, item] as const))(
    'rebuilds a %s item as authored from its stored halves',
    (_type, item) => {
      const { id: _id, concept: _concept, ...fields } = item;
      const joined = joinItem(stored(item));
      if (item.type === 'parsons' && joined.type === 'parsons') {
        // The distractors come back in the order learners see them (by text), not as written.
        expect(joined.lines).toEqual(item.lines);
        expect([...joined.distractors].sort()).toEqual([...item.distractors].sort());
        return;
      }
      expect(joined).toEqual(fields);
    },
  );

  it('keeps a parsons distractor that repeats a solution line apart from it', () => {
    const item = ItemSchema.parse({ ...base, id: 'p', type: 'parsons', lines: ['x', 'y'], distractors: ['x'] });
    const joined = joinItem(stored(item));
    expect(joined).toMatchObject({ lines: ['x', 'y'], distractors: ['x'] });
  });

  it('refuses a stored row that does not fit the pack format, naming it', () => {
    expect(() => joinItem({ ...stored(authored[2] as Item), answer: {} })).toThrow(/stored item tf/);
  });
});

describe('the edit schemas', () => {
  it('accept an authored item without its id and concept, and refuse them or unknown keys', () => {
    const [mc] = authored;
    const { id: _id, concept: _concept, ...fields } = mc as Item;
    expect(ItemEditSchema.safeParse(fields).success).toBe(true);
    expect(ItemEditSchema.safeParse({ ...fields, id: 'mc' }).success).toBe(false);
    expect(ItemEditSchema.safeParse({ ...fields, answer: true }).success).toBe(false);
    expect(ItemCreateSchema.safeParse({ ...fields, slug: 'new-one' }).success).toBe(true);
    expect(ItemCreateSchema.safeParse({ ...fields, slug: 'Not A Slug' }).success).toBe(false);
  });

  it('puts schema issues on the fields an author fixes', () => {
    const result = ItemEditSchema.safeParse({
      type: 'multiple-choice',
      difficulty: 'easy',
      prompt: '',
      explanation: 'Why.',
      options: [{ id: 'a', text: 'A', correct: true }],
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['options', 'prompt']);
  });

  it('holds lessons to the pack rules: a title, 1–120 minutes, a body', () => {
    expect(LessonEditSchema.safeParse({ title: 'T', minutes: 5, body: 'B' }).success).toBe(true);
    const bad = LessonEditSchema.safeParse({ title: '', minutes: 0, body: '', concept: 'x' });
    expect(bad.error?.issues.map((issue) => issue.path.join('.') || issue.code).sort()).toEqual([
      'body',
      'minutes',
      'title',
      'unrecognized_keys',
    ]);
  });
});

describe('itemProblems', () => {
  it('finds nothing wrong with well-formed items', () => {
    for (const item of authored) expect(itemProblems(item)).toEqual([]);
  });

  it('demands exactly one correct option of a multiple-choice item, on its options', () => {
    const item = ItemSchema.parse({
      ...base,
      id: 'mc',
      type: 'multiple-choice',
      options: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B', correct: true },
      ],
    });
    expect(itemProblems(item)).toEqual([
      {
        path: 'options',
        message: 'A multiple-choice item needs exactly one correct option, it has 2.',
        code: 'custom',
      },
    ]);
  });

  it('matches blanks and their marks in the code, and refuses repeated parsons lines', () => {
    const blanks = ItemSchema.parse({
      ...base,
      id: 'fb',
      type: 'fill-blanks',
      code: 'a {{one}} b',
      blanks: [{ id: 'two', accepted: ['x'] }],
    });
    expect(itemProblems(blanks).map((issue) => [issue.path, issue.message])).toEqual([
      ['blanks', '{{one}} in the code has no blank.'],
      ['blanks', 'Blank "two" does not appear in the code.'],
    ]);
    const parsons = ItemSchema.parse({ ...base, id: 'p', type: 'parsons', lines: ['x', 'x'] });
    expect(itemProblems(parsons).map((issue) => issue.path)).toEqual(['lines']);
  });
});

describe('typeChangeIssue', () => {
  it('allows the same type and refuses another on the type field', () => {
    expect(typeChangeIssue('parsons', 'parsons')).toBeNull();
    expect(typeChangeIssue('parsons', 'true-false')).toMatchObject({ path: 'type' });
  });
});

describe('exerciseProblems (in the QuickJS sandbox learners’ code runs in)', () => {
  const sandbox = createQuickJsSandbox();
  const exercise = authored.find((item) => item.type === 'code-exercise');
  if (exercise?.type !== 'code-exercise') throw new Error('the fixture has no code exercise');

  it('passes an exercise whose solution passes and whose wrong solution fails', async () => {
    expect(await exerciseProblems(exercise, sandbox)).toEqual([]);
  });

  it('puts a failing solution on `solution` and a wrong solution that passes on its code', async () => {
    const broken = { ...exercise, solution: 'export function f() { return 2; }' };
    expect((await exerciseProblems(broken, sandbox)).map((issue) => issue.path)).toEqual(['solution']);
    const lax = { ...exercise, wrongSolutions: [{ why: 'also right', code: 'export function f() { return 1; }' }] };
    const issues = await exerciseProblems(lax, sandbox);
    expect(issues).toEqual([
      {
        path: 'wrongSolutions.0.code',
        message: 'Wrong solution 1 (also right) passes every test: add a test that it fails.',
        code: 'custom',
      },
    ]);
  });

  it('ignores items of other types', async () => {
    expect(await exerciseProblems(authored[0] as Item, sandbox)).toEqual([]);
  });
});
