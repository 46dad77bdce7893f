import { describe, expect, it } from 'vitest';
import {
  blankMarks,
  draftProblems,
  emptyDraft,
  fromDraft,
  newOptionId,
  sameItem,
  slugProblem,
  syncBlanks,
  toDraft,
  type ItemFields,
} from './item-draft';

const common = { difficulty: 'hard' as const, prompt: 'P', explanation: 'E', hints: ['First', 'Second'] };

const samples: ItemFields[] = [
  {
    ...common,
    type: 'multiple-choice',
    options: [
      { id: 'a', text: 'A', correct: false },
      { id: 'b', text: 'B', correct: true },
    ],
  },
  {
    ...common,
    type: 'multi-select',
    options: [
      { id: 'a', text: 'A', correct: true },
      { id: 'b', text: 'B', correct: true },
    ],
  },
  { ...common, type: 'true-false', answer: false },
  { ...common, type: 'short-answer', accepted: ['walker', 'a walker'] },
  { ...common, type: 'fill-blanks', code: 'x = {{v}};', blanks: [{ id: 'v', accepted: ['1', 'one'] }] },
  { ...common, type: 'predict-output', code: 'print(1)', output: '1\n2' },
  { ...common, type: 'parsons', lines: ['with entry {', '    print(1);', '}'], distractors: ['    print(2)'] },
  {
    ...common,
    type: 'code-exercise',
    language: 'javascript',
    starter: 'export function f() {}\n',
    tests: "test('t', () => {});",
    solution: 'export function f() { return 1; }',
    wrongSolutions: [{ why: 'zero', code: 'export function f() { return 0; }' }],
  },
];

describe('toDraft and fromDraft', () => {
  it.each(samples.map((fields) => [fields.type, fields] as const))('give back a %s item unchanged', (_type, fields) => {
    expect(fromDraft(toDraft(fields))).toEqual(fields);
  });

  it('reads lists one entry per line, dropping blank lines but keeping code indentation', () => {
    const draft = { ...toDraft(samples[6] as ItemFields), hints: '  one \n\n two\n', lines: 'a {\n\n    b\n}  \n' };
    const fields = fromDraft(draft);
    expect(fields.hints).toEqual(['one', 'two']);
    expect(fields).toMatchObject({ lines: ['a {', '    b', '}'] });
  });

  it('sends only the fields of the draft’s type', () => {
    const fields = fromDraft({ ...emptyDraft('true-false'), prompt: 'P', explanation: 'E', code: 'ignored' });
    expect(Object.keys(fields).sort()).toEqual(['answer', 'difficulty', 'explanation', 'hints', 'prompt', 'type']);
  });

  it('tells an edit from a draft that saves the same item', () => {
    const draft = toDraft(samples[3] as ItemFields);
    expect(sameItem(draft, { ...draft, accepted: `${draft.accepted}\n\n` })).toBe(true);
    expect(sameItem(draft, { ...draft, accepted: `${draft.accepted}\nthe walker` })).toBe(false);
    expect(sameItem(draft, { ...draft, code: 'not part of a short answer' })).toBe(true);
  });
});

describe('fill-in blanks follow the code', () => {
  it('finds each {{id}} once, in order', () => {
    expect(blankMarks('{{a}} + {{b-2}} = {{a}} {{Not}}')).toEqual(['a', 'b-2']);
  });

  it('adds a blank for a new mark, drops one whose mark is gone and keeps the rest', () => {
    const blanks = [
      { id: 'a', accepted: '1' },
      { id: 'gone', accepted: 'x' },
    ];
    expect(syncBlanks('{{new}} {{a}}', blanks)).toEqual([
      { id: 'new', accepted: '' },
      { id: 'a', accepted: '1' },
    ]);
  });
});

describe('draftProblems', () => {
  it('finds nothing wrong with complete items', () => {
    for (const fields of samples) expect(draftProblems(toDraft(fields))).toEqual({});
  });

  it('needs a prompt and an explanation, and exactly one correct option for multiple choice', () => {
    const draft = emptyDraft('multiple-choice');
    expect(draftProblems(draft)).toEqual({
      prompt: 'Write the prompt.',
      explanation: 'Write an explanation learners see after answering.',
      'options.0.text': 'Write the option.',
      'options.1.text': 'Write the option.',
    });
    const options = [
      { id: 'a', text: 'A', correct: true },
      { id: 'b', text: 'B', correct: true },
    ];
    expect(draftProblems({ ...draft, prompt: 'P', explanation: 'E', options })).toEqual({
      options: 'Mark exactly one option as the correct one.',
    });
    expect(draftProblems({ ...draft, type: 'multi-select', prompt: 'P', explanation: 'E', options })).toEqual({});
    expect(
      draftProblems({
        ...draft,
        type: 'multi-select',
        prompt: 'P',
        explanation: 'E',
        options: options.map((o) => ({ ...o, correct: false })),
      }),
    ).toEqual({ options: 'Mark at least one option as correct.' });
    expect(draftProblems({ ...draft, prompt: 'P', explanation: 'E', options: options.slice(0, 1) }).options).toBe(
      'Give between 2 and 8 options.',
    );
  });

  it('checks each type’s own rules on the API’s field paths', () => {
    const ok = { prompt: 'P', explanation: 'E' };
    expect(draftProblems({ ...emptyDraft('short-answer'), ...ok, accepted: ' \n' })).toEqual({
      accepted: 'Give at least one accepted answer.',
    });
    expect(draftProblems({ ...emptyDraft('fill-blanks'), ...ok, code: 'no marks' })).toEqual({
      code: 'Mark at least one blank in the code, like {{name}}.',
    });
    expect(
      draftProblems({ ...emptyDraft('fill-blanks'), ...ok, code: '{{x}}', blanks: [{ id: 'x', accepted: '' }] }),
    ).toEqual({ 'blanks.0.accepted': 'Give at least one accepted answer for {{x}}.' });
    expect(draftProblems({ ...emptyDraft('parsons'), ...ok, lines: 'a\na' }).lines).toMatch(/differ/);
    expect(draftProblems({ ...emptyDraft('parsons'), ...ok, lines: 'a' }).lines).toMatch(/two lines/);
    expect(Object.keys(draftProblems({ ...emptyDraft('code-exercise'), ...ok })).sort()).toEqual([
      'solution',
      'tests',
      'wrongSolutions.0.code',
      'wrongSolutions.0.why',
    ]);
  });
});

describe('ids', () => {
  it('makes a fresh option id and checks new ids as the pack does', () => {
    expect(
      newOptionId([
        { id: 'a', text: '', correct: false },
        { id: 'option-3', text: '', correct: false },
      ]),
    ).toBe('option-4');
    expect(slugProblem('walkers-visit')).toBeUndefined();
    expect(slugProblem('')).toMatch(/Give/);
    expect(slugProblem('Walkers Visit')).toMatch(/lower-case/);
    expect(slugProblem('a--b')).toMatch(/lower-case/);
  });
});
