import { describe, expect, it } from 'vitest';
import { ItemSchema, type Item } from '../../worker/curriculum/pack-schema.ts';
import { itemPrograms, lessonPrograms } from './jac-programs.ts';

const FILE = 'content/demo/lessons/intro.md';

/** A lesson body starting at file line 8 (after front matter and a blank line). */
function lesson(...lines: string[]) {
  return { file: FILE, body: lines.join('\n'), bodyLine: 8 };
}

describe('lessonPrograms', () => {
  it('happy: a jac block is a program pointing at its fence; the text block after it is its output', () => {
    const found = lessonPrograms(
      lesson('# Hello', '', '```jac', 'with entry {', '    print("hi");', '}', '```', '', '```text', 'hi', '```'),
    );
    expect(found).toEqual({
      programs: [
        {
          file: FILE,
          line: 10,
          name: '```jac block',
          source: 'with entry {\n    print("hi");\n}',
          sourceLine: 11,
          expected: { output: 'hi', name: 'the ```text block after it', line: 17 },
        },
      ],
      fragments: 0,
      problems: [],
    });
  });

  it('happy: one short paragraph may sit between a program and its output', () => {
    const found = lessonPrograms(
      lesson('```jac', 'with entry { print(1); }', '```', '', 'Running it prints:', '', '```text', '1', '```'),
    );
    expect(found.programs[0]?.expected?.output).toBe('1');
  });

  it('happy: a jac fragment block is counted, not run, and takes no output', () => {
    const found = lessonPrograms(lesson('```jac fragment', 'visit [-->];', '```', '```text', 'x', '```'));
    expect(found).toEqual({ programs: [], fragments: 1, problems: [] });
  });

  it('happy: blocks in other languages are not programs; jac is matched whatever its case', () => {
    const found = lessonPrograms(lesson('```python', 'print(1)', '```', '```Jac', 'with entry {}', '```'));
    expect(found.programs.map((program) => program.source)).toEqual(['with entry {}']);
  });

  it('edge: a program without a text block after it is run without an output check', () => {
    const found = lessonPrograms(lesson('```jac', 'with entry {}', '```', '```jac', 'with entry {}', '```'));
    expect(found.programs).toHaveLength(2);
    expect(found.programs.every((program) => program.expected === undefined)).toBe(true);
  });

  it('edge: a text block two paragraphs, a long paragraph or a heading away belongs to something else', () => {
    const farAway = [['Para one.', '', 'Para two.'], ['Line 1', 'line 2', 'line 3', 'line 4'], ['## Output']];
    for (const between of farAway) {
      const found = lessonPrograms(lesson('```jac', 'with entry {}', '```', ...between, '```text', 'x', '```'));
      expect(found.programs[0]?.expected).toBeUndefined();
    }
  });

  it('edge: a text block after another block is not the program output', () => {
    const found = lessonPrograms(
      lesson('```jac', 'with entry {}', '```', '```python', 'print(1)', '```', '```text', '1', '```'),
    );
    expect(found.programs[0]?.expected).toBeUndefined();
  });

  it('error: an unclosed jac block is a problem at its fence, not a program', () => {
    const found = lessonPrograms(lesson('Intro', '```jac', 'with entry {}'));
    expect(found.programs).toEqual([]);
    expect(found.problems).toEqual([{ file: FILE, line: 9, message: expect.stringContaining('never closed') }]);
  });
});

const ITEMS_FILE = 'content/demo/items/walkers.yaml';

/** An item as the pack reader hands it over: parsed, defaults filled in. */
function parsed(fields: Record<string, unknown>): Item {
  return ItemSchema.parse({ concept: 'walkers', difficulty: 'easy', prompt: 'p', explanation: 'e', ...fields });
}

function located(item: Item, line: number) {
  return { item, file: ITEMS_FILE, line };
}

describe('itemPrograms', () => {
  it('happy: predict-output runs its code and expects its output', () => {
    const item = parsed({
      id: 'order',
      type: 'predict-output',
      code: 'with entry { print(1); }',
      output: '1\n',
    });
    expect(itemPrograms([located(item, 4)]).programs).toEqual([
      {
        file: ITEMS_FILE,
        line: 4,
        name: 'item order (predict-output)',
        source: 'with entry { print(1); }',
        expected: { output: '1\n', name: 'its output' },
      },
    ]);
  });

  it('happy: fill-blanks fills every blank with its first accepted answer, taken literally', () => {
    const item = parsed({
      id: 'spawn-blank',
      type: 'fill-blanks',
      code: 'with entry { root {{op}} W(); print("{{text}}", "{{op}}"); }',
      blanks: [
        { id: 'op', accepted: ['spawn', 'SPAWN'] },
        { id: 'text', accepted: ['$& and $1'] },
      ],
    });
    const [program] = itemPrograms([located(item, 1)]).programs;
    expect(program?.source).toBe('with entry { root spawn W(); print("$& and $1", "spawn"); }');
    expect(program?.expected).toBeUndefined();
  });

  it('happy: parsons lines joined in order make the program; distractors stay out', () => {
    const item = parsed({
      id: 'build',
      type: 'parsons',
      lines: ['with entry {', '    print(1);', '}'],
      distractors: ['with entry:'],
    });
    expect(itemPrograms([located(item, 1)]).programs[0]?.source).toBe('with entry {\n    print(1);\n}');
  });

  it('happy: items without code make no program', () => {
    const items = [
      parsed({ id: 'tf', type: 'true-false', answer: true }),
      parsed({ id: 'sa', type: 'short-answer', accepted: ['visit'] }),
      parsed({
        id: 'mc',
        type: 'multiple-choice',
        options: [
          { id: 'a', text: 'A', correct: true },
          { id: 'b', text: 'B' },
        ],
      }),
    ];
    expect(itemPrograms(items.map((item) => located(item, 1)))).toEqual({ programs: [], fragments: 0, problems: [] });
  });

  it('error: a blank without an answer is a problem at the item, not a program', () => {
    const item = parsed({
      id: 'gap',
      type: 'fill-blanks',
      code: '{{a}} {{b}}',
      blanks: [{ id: 'a', accepted: ['x'] }],
    });
    expect(itemPrograms([located(item, 7)])).toEqual({
      programs: [],
      fragments: 0,
      problems: [
        { file: ITEMS_FILE, line: 7, message: 'item gap (fill-blanks): cannot fill {{b}}: no blank with that id' },
      ],
    });
  });
});
