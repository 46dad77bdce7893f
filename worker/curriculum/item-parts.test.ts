import { describe, expect, it } from 'vitest';
import { ItemSchema, type Item } from './pack-schema';
import { splitItem } from './item-parts';

const base = { concept: 'walkers', difficulty: 'easy', prompt: 'Q?', explanation: 'Because.' } as const;
const items: Item[] = [
  ItemSchema.parse({
    ...base,
    id: 'mc',
    type: 'multiple-choice',
    options: [
      { id: 'a', text: 'SECRET-A', correct: true },
      { id: 'b', text: 'other' },
    ],
  }),
  ItemSchema.parse({
    ...base,
    id: 'ms',
    type: 'multi-select',
    options: [
      { id: 'a', text: 'x', correct: true },
      { id: 'b', text: 'y', correct: true },
    ],
  }),
  ItemSchema.parse({ ...base, id: 'tf', type: 'true-false', answer: true }),
  ItemSchema.parse({ ...base, id: 'sa', type: 'short-answer', accepted: ['SECRET-WORD'] }),
  ItemSchema.parse({
    ...base,
    id: 'fb',
    type: 'fill-blanks',
    code: 'x = {{v}};',
    blanks: [{ id: 'v', accepted: ['SECRET-42'] }],
  }),
  ItemSchema.parse({ ...base, id: 'po', type: 'predict-output', code: 'print(1)', output: 'SECRET-OUT' }),
  ItemSchema.parse({ ...base, id: 'pa', type: 'parsons', lines: ['c', 'a', 'b'] }),
  ItemSchema.parse({
    ...base,
    id: 'ce',
    type: 'code-exercise',
    language: 'javascript',
    starter: 'fn',
    tests: 'SECRET-TESTS',
    solution: 'SECRET-SOLUTION',
    wrongSolutions: [{ why: 'off by one', code: 'SECRET-WRONG' }],
  }),
];

describe('splitItem', () => {
  it('never puts an answer key in what a learner sees', () => {
    for (const item of items) {
      const { content } = splitItem(item);
      const text = JSON.stringify(content);
      expect(text, item.id).not.toMatch(/SECRET-(WORD|42|OUT|TESTS|SOLUTION|WRONG)/);
      expect(text, item.id).not.toMatch(/"correct"|"accepted"|"answer"/);
    }
  });

  it('keeps everything the grader needs', () => {
    const [mc, ms, tf, sa, fb, po, pa, ce] = items.map(splitItem);
    expect(mc?.answer).toEqual({ correct: ['a'] });
    expect(ms?.answer).toEqual({ correct: ['a', 'b'] });
    expect(tf?.answer).toEqual({ value: true });
    expect(sa?.answer).toEqual({ accepted: ['SECRET-WORD'] });
    expect(fb?.answer).toEqual({ blanks: { v: ['SECRET-42'] } });
    expect(po?.answer).toEqual({ output: 'SECRET-OUT' });
    expect(pa?.answer).toEqual({ order: ['c', 'a', 'b'] });
    expect(ce?.answer).toEqual({
      tests: 'SECRET-TESTS',
      solution: 'SECRET-SOLUTION',
      wrongSolutions: [{ why: 'off by one', code: 'SECRET-WRONG' }],
    });
  });

  it('hands out parsons lines in an order that does not give the answer away', () => {
    expect(splitItem(items[6] as Item).content).toEqual({ lines: ['a', 'b', 'c'] });
  });
});
