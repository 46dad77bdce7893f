import { describe, expect, it } from 'vitest';
import { splitItem } from '../curriculum/item-parts';
import { ItemSchema } from '../curriculum/pack-schema';
import { revealAnswer } from './item-view';

describe('revealAnswer', () => {
  it('security: a code exercise reveals its reference solution, never its tests or wrong solutions', () => {
    const item = ItemSchema.parse({
      id: 'count-nodes',
      concept: 'graphs',
      type: 'code-exercise',
      difficulty: 'easy',
      prompt: 'Count the nodes.',
      explanation: 'One key per node.',
      language: 'javascript',
      starter: 'export function countNodes(graph) {}',
      tests: "test('hidden', () => { expect(countNodes({ a: [] })).toBe(1); });",
      solution: 'export function countNodes(graph) { return Object.keys(graph).length; }',
      wrongSolutions: [{ why: 'counts edges', code: 'export function countNodes(graph) { return 0; }' }],
    });
    const { answer } = splitItem(item);
    expect(revealAnswer('code-exercise', answer)).toEqual({
      solution: 'export function countNodes(graph) { return Object.keys(graph).length; }',
    });
  });

  it('reveals the first accepted form of an open answer', () => {
    expect(revealAnswer('short-answer', { accepted: ['edge list', 'edgelist'] })).toBe('edge list');
    expect(revealAnswer('essay', {})).toBeUndefined();
  });
});
