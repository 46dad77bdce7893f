import { describe, expect, it } from 'vitest';
import { tierFor } from './tiers';

describe('tierFor', () => {
  it.each([
    [0, 'Bronze', 1],
    [249, 'Bronze', 1],
    [250, 'Silver', 2],
    [499, 'Silver', 2],
    [500, 'Gold', 3],
    [999, 'Gold', 3],
    [1000, 'Platinum', 4],
    [1999, 'Platinum', 4],
    [2000, 'Platinum 2', 5],
    [2999, 'Platinum 2', 5],
    [3000, 'Platinum 3', 6],
    [10_500, 'Platinum 10', 13],
  ])('%i XP is %s (level %i)', (xp, name, level) => {
    const result = tierFor(xp);
    expect(result.name).toBe(name);
    expect(result.level).toBe(level);
  });

  it('reports the floor, next threshold and fraction within fixed tiers', () => {
    expect(tierFor(0)).toMatchObject({ tier: 'Bronze', floor: 0, next: 250, fraction: 0 });
    expect(tierFor(125)).toMatchObject({ floor: 0, next: 250, fraction: 0.5 });
    expect(tierFor(375)).toMatchObject({ tier: 'Silver', floor: 250, next: 500, fraction: 0.5 });
    expect(tierFor(999)).toMatchObject({ tier: 'Gold', floor: 500, next: 1000, fraction: 0.998 });
  });

  it('keeps counting Platinum ranks every 1000 XP', () => {
    expect(tierFor(1000)).toMatchObject({ tier: 'Platinum', rank: 1, floor: 1000, next: 2000, fraction: 0 });
    expect(tierFor(2500)).toMatchObject({ tier: 'Platinum', rank: 2, floor: 2000, next: 3000, fraction: 0.5 });
  });

  it('never reports a fraction of 1: reaching a threshold starts the next tier at 0', () => {
    for (const xp of [249, 250, 499, 500, 999, 1000, 1999, 2000]) {
      const { fraction } = tierFor(xp);
      expect(fraction).toBeGreaterThanOrEqual(0);
      expect(fraction).toBeLessThan(1);
    }
  });

  it('rejects negative, fractional, NaN and infinite totals with a clear error', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => tierFor(bad)).toThrow(/Total XP must be a non-negative integer/);
    }
  });
});
