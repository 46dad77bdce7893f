import { describe, expect, it } from 'vitest';
import { ItemSchema } from '../../worker/curriculum/pack-schema.ts';
import { codeExerciseProblems } from './code-exercises.ts';
import { createQuickJsSandbox } from '../../worker/evaluation/quickjs-sandbox.ts';
import type { LocatedItem } from './read-pack.ts';

const TESTS = `test('an empty graph has no nodes', () => {
  expect(countNodes({})).toBe(0);
});
test('counts each node once', () => {
  expect(countNodes({ a: ['b'], b: [] })).toBe(2);
});`;
const SOLUTION = 'export function countNodes(graph) {\n  return Object.keys(graph).length;\n}';
const COUNTS_EDGES = 'export function countNodes(graph) {\n  return Object.values(graph).flat().length;\n}';

function located(id: string, line: number, fields: Record<string, unknown>): LocatedItem {
  const item = ItemSchema.parse({
    id,
    concept: 'graphs',
    type: 'code-exercise',
    difficulty: 'easy',
    prompt: 'Write `countNodes(graph)`.',
    explanation: 'One key per node.',
    language: 'javascript',
    starter: 'export function countNodes(graph) {\n}',
    tests: TESTS,
    solution: SOLUTION,
    wrongSolutions: [{ why: 'counts edges instead of nodes', code: COUNTS_EDGES }],
    ...fields,
  });
  return { item, file: 'content/js-graphs/items/basics.yaml', line };
}

describe('codeExerciseProblems', () => {
  const sandbox = createQuickJsSandbox();

  it('happy: an exercise whose solution passes and whose wrong solutions fail has no problems', async () => {
    expect(await codeExerciseProblems([located('count-nodes', 1, {})], sandbox)).toEqual([]);
  });

  it('error: a failing reference solution is reported at its item, naming the failing test', async () => {
    const offByOne = 'export function countNodes(graph) {\n  return Object.keys(graph).length + 1;\n}';
    expect(await codeExerciseProblems([located('count-nodes', 12, { solution: offByOne })], sandbox)).toEqual([
      {
        file: 'content/js-graphs/items/basics.yaml',
        line: 12,
        message:
          'item count-nodes: the solution fails 2 of 2 tests: "an empty graph has no nodes": expected 1 to be 0; ' +
          '"counts each node once": expected 3 to be 2',
      },
    ]);
  });

  it('error: a wrong solution that passes every test is reported at its item', async () => {
    const alsoRight = 'export function countNodes(graph) {\n  return Object.entries(graph).length;\n}';
    const item = located('count-nodes', 30, {
      wrongSolutions: [
        { why: 'counts edges instead of nodes', code: COUNTS_EDGES },
        { why: 'uses entries', code: alsoRight },
      ],
    });
    expect(await codeExerciseProblems([item], sandbox)).toEqual([
      {
        file: 'content/js-graphs/items/basics.yaml',
        line: 30,
        message: 'item count-nodes: wrong solution 2 (uses entries) passes every test: add a test that it fails',
      },
    ]);
  });

  it('a wrong solution that never returns counts as caught, by the time limit', async () => {
    const loops = 'export function countNodes(graph) {\n  while (true) {}\n}';
    const item = located('count-nodes', 1, { wrongSolutions: [{ why: 'loops', code: loops }] });
    expect(await codeExerciseProblems([item], sandbox)).toEqual([]);
  });

  it('skips items that are not code exercises', async () => {
    const trueFalse = ItemSchema.parse({
      id: 'tf',
      concept: 'graphs',
      type: 'true-false',
      difficulty: 'easy',
      prompt: 'Graphs have nodes.',
      explanation: 'They do.',
      answer: true,
    });
    expect(await codeExerciseProblems([{ item: trueFalse, file: 'x.yaml', line: 1 }], sandbox)).toEqual([]);
  });
});
