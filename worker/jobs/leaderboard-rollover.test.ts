import { describe, expect, it } from 'vitest';
import { finishedWeeks } from './leaderboard-rollover';

describe('finishedWeeks', () => {
  it('on Monday just after the turn: the week that just ended first, then the ones before', () => {
    expect(finishedWeeks(new Date('2026-11-23T00:07:00Z'), 3)).toEqual(['2026-11-16', '2026-11-09', '2026-11-02']);
  });

  it('later in the week it is still the last finished week (a rerun on Wednesday archives the same one)', () => {
    expect(finishedWeeks(new Date('2026-11-25T15:00:00Z'), 1)).toEqual(['2026-11-16']);
  });
});
