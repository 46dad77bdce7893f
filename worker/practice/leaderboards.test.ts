import { describe, expect, it } from 'vitest';
import { leaderboardWeek } from './leaderboards';

describe('leaderboardWeek', () => {
  it('starts on Monday 00:00 UTC', () => {
    expect(leaderboardWeek(new Date('2026-11-26T13:00:00Z'))).toBe('2026-11-23'); // Thursday
    expect(leaderboardWeek(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23'); // Monday, first instant
    expect(leaderboardWeek(new Date('2026-11-22T23:59:59Z'))).toBe('2026-11-16'); // Sunday, last second
    expect(leaderboardWeek(new Date('2027-01-01T08:00:00Z'))).toBe('2026-12-28'); // across a year
  });
});
