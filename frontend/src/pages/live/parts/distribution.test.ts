import { describe, expect, it } from 'vitest';
import { distributionOf, wholePercents } from './distribution';

describe('wholePercents', () => {
  it('adds up to 100 where plain rounding would not', () => {
    expect(wholePercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholePercents([2, 1, 0])).toEqual([67, 33, 0]);
    expect(wholePercents([1, 1, 1, 1, 1, 1, 1])).toEqual([15, 15, 14, 14, 14, 14, 14]);
  });

  it('gives nothing to anyone when nobody answered', () => {
    expect(wholePercents([0, 0])).toEqual([0, 0]);
  });
});

describe('distributionOf', () => {
  const options = [
    { id: 'a', text: 'Depth first' },
    { id: 'b', text: 'Breadth first' },
    { id: 'c', text: 'Neither' },
  ];

  it('keeps the question’s order, marks the right option and counts the silent', () => {
    const distribution = distributionOf(options, { b: 2, a: 1 }, 1, ['a']);
    expect(distribution.bars).toEqual([
      { id: 'a', text: 'Depth first', count: 1, percent: 25, correct: true },
      { id: 'b', text: 'Breadth first', count: 2, percent: 50, correct: false },
      { id: 'c', text: 'Neither', count: 0, percent: 0, correct: false },
    ]);
    expect(distribution.noAnswer).toEqual({ count: 1, percent: 25 });
    expect(distribution.total).toBe(4);
  });

  it('ignores counts for options the question does not have', () => {
    expect(distributionOf(options, { z: 5, a: 1 }, 0, ['a']).total).toBe(1);
  });
});
