import { describe, expect, it } from 'vitest';
import { computeStreak, goalMetDays, localDay, weekCalendar } from './streak';
import { type LocalDay, addDays } from './local-time';

// March 2026: Monday 2nd starts an ISO week, Sunday 8th ends it (and is New York's DST night).
function run(from: LocalDay, count: number): LocalDay[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}
const streakOf = (days: LocalDay[], today: LocalDay) => computeStreak({ goalMetDays: new Set(days), today });

describe('localDay: the learner’s own calendar date', () => {
  it('follows New York onto daylight time on the night of 2026-03-08', () => {
    expect(localDay(new Date('2026-03-08T04:30:00Z'), 'America/New_York')).toBe('2026-03-07'); // 23:30 EST
    expect(localDay(new Date('2026-03-09T03:30:00Z'), 'America/New_York')).toBe('2026-03-08'); // 23:30 EDT
    // 00:30 EDT on the 9th; a fixed EST offset would wrongly say 23:30 on the 8th.
    expect(localDay(new Date('2026-03-09T04:30:00Z'), 'America/New_York')).toBe('2026-03-09');
  });

  it('puts 23:59 local on one day and 00:01 local on the next', () => {
    expect(localDay(new Date('2026-03-09T03:59:00Z'), 'America/New_York')).toBe('2026-03-08');
    expect(localDay(new Date('2026-03-09T04:01:00Z'), 'America/New_York')).toBe('2026-03-09');
    expect(localDay(new Date('2026-01-15T23:59:00Z'), 'Europe/London')).toBe('2026-01-15');
    expect(localDay(new Date('2026-01-16T00:01:00Z'), 'Europe/London')).toBe('2026-01-16');
  });

  it('follows London onto summer time on the last Sunday of March', () => {
    expect(localDay(new Date('2026-03-28T23:30:00Z'), 'Europe/London')).toBe('2026-03-28'); // 23:30 GMT
    expect(localDay(new Date('2026-03-29T22:59:00Z'), 'Europe/London')).toBe('2026-03-29'); // 23:59 BST
    expect(localDay(new Date('2026-03-29T23:01:00Z'), 'Europe/London')).toBe('2026-03-30'); // 00:01 BST
  });

  it('follows London back to GMT on the last Sunday of October', () => {
    expect(localDay(new Date('2026-10-24T22:59:00Z'), 'Europe/London')).toBe('2026-10-24'); // 23:59 BST
    expect(localDay(new Date('2026-10-24T23:30:00Z'), 'Europe/London')).toBe('2026-10-25'); // 00:30 BST
    expect(localDay(new Date('2026-10-25T23:59:00Z'), 'Europe/London')).toBe('2026-10-25'); // 23:59 GMT
    expect(localDay(new Date('2026-10-26T00:01:00Z'), 'Europe/London')).toBe('2026-10-26');
  });

  it('gives Auckland and Los Angeles different dates for the same instant', () => {
    const instant = Date.parse('2026-06-15T20:00:00Z');
    expect(localDay(instant, 'Pacific/Auckland')).toBe('2026-06-16'); // 08:00 NZST
    expect(localDay(instant, 'America/Los_Angeles')).toBe('2026-06-15'); // 13:00 PDT
  });

  it('rejects an unknown time zone and an invalid instant with a clear error', () => {
    expect(() => localDay(Date.now(), 'Mars/Olympus_Mons')).toThrow(/Unknown IANA time zone/);
    expect(() => localDay(Date.now(), '')).toThrow(/Unknown IANA time zone/);
    expect(() => localDay(new Date('not a date'), 'UTC')).toThrow(/Invalid instant/);
  });
});

describe('goalMetDays: totals per local day against the daily goal', () => {
  it('splits activity at local midnight, not UTC midnight, across the DST change', () => {
    const activities = [
      { at: new Date('2026-03-09T03:30:00Z'), amount: 10 }, // 23:30 EDT on the 8th
      { at: new Date('2026-03-09T04:30:00Z'), amount: 10 }, // 00:30 EDT on the 9th
    ];
    // Both are 2026-03-09 in UTC, where the goal of 20 would be met.
    expect(goalMetDays(activities, { dailyGoal: 20, timeZone: 'America/New_York' })).toEqual(new Set());
    expect(goalMetDays(activities, { dailyGoal: 20, timeZone: 'UTC' })).toEqual(new Set(['2026-03-09']));
    expect(goalMetDays(activities, { dailyGoal: 10, timeZone: 'America/New_York' })).toEqual(
      new Set(['2026-03-08', '2026-03-09']),
    );
  });

  it('credits the same instants to different days for Auckland and Los Angeles learners', () => {
    const activities = [{ at: Date.parse('2026-06-15T20:00:00Z'), amount: 30 }];
    expect(goalMetDays(activities, { dailyGoal: 30, timeZone: 'Pacific/Auckland' })).toEqual(new Set(['2026-06-16']));
    expect(goalMetDays(activities, { dailyGoal: 30, timeZone: 'America/Los_Angeles' })).toEqual(
      new Set(['2026-06-15']),
    );
  });

  it('rejects a non-positive goal, a negative amount and an unknown zone', () => {
    const one = [{ at: 0, amount: 1 }];
    expect(() => goalMetDays(one, { dailyGoal: 0, timeZone: 'UTC' })).toThrow(/dailyGoal/);
    expect(() => goalMetDays([{ at: 0, amount: -1 }], { dailyGoal: 1, timeZone: 'UTC' })).toThrow(/amount/);
    expect(() => goalMetDays(one, { dailyGoal: 1, timeZone: 'Nowhere/City' })).toThrow(/Unknown IANA time zone/);
  });
});

describe('computeStreak', () => {
  it('is empty with no goal-met days', () => {
    expect(streakOf([], '2026-03-04')).toEqual({
      current: 0,
      longest: 0,
      frozenDays: [],
      freezeAvailable: true,
      atRisk: false,
      milestonesReached: [],
      nextMilestone: 3,
    });
  });

  it('counts consecutive goal-met days through today', () => {
    const s = streakOf(run('2026-03-02', 3), '2026-03-04');
    expect(s).toMatchObject({ current: 3, longest: 3, atRisk: false, milestonesReached: [3], nextMilestone: 7 });
  });

  it('keeps the streak but marks it at risk while today’s goal is not met yet', () => {
    const s = streakOf(run('2026-03-02', 2), '2026-03-04');
    expect(s).toMatchObject({ current: 2, atRisk: true, frozenDays: [] });
  });

  it('counts calendar days straight across the DST change', () => {
    expect(streakOf(['2026-03-07', '2026-03-08', '2026-03-09'], '2026-03-09').current).toBe(3);
    expect(streakOf(['2026-10-24', '2026-10-25', '2026-10-26'], '2026-10-26').current).toBe(3);
  });

  it('covers one missed day with the week’s freeze, without counting it', () => {
    const s = streakOf(['2026-03-02', '2026-03-03', '2026-03-05'], '2026-03-05');
    expect(s).toMatchObject({ current: 3, frozenDays: ['2026-03-04'], freezeAvailable: false, atRisk: false });
  });

  it('freezes a missed yesterday at once, leaving today at risk', () => {
    const s = streakOf(['2026-03-02', '2026-03-03'], '2026-03-05');
    expect(s).toMatchObject({ current: 2, frozenDays: ['2026-03-04'], atRisk: true });
  });

  it('breaks on two missed days in the same ISO week', () => {
    const s = streakOf(['2026-03-02', '2026-03-03', '2026-03-06'], '2026-03-06');
    expect(s).toMatchObject({ current: 1, longest: 2, frozenDays: ['2026-03-04'] });
  });

  it('bridges a missed Sunday and Monday with two weeks’ freezes', () => {
    const s = streakOf(['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-10'], '2026-03-10');
    expect(s).toMatchObject({ current: 4, frozenDays: ['2026-03-08', '2026-03-09'], freezeAvailable: false });
  });

  it('allows only one freeze per week even for separate gaps', () => {
    // Tue 3rd is frozen; Fri 6th falls in the same week and breaks the streak.
    const s = streakOf(['2026-03-02', '2026-03-04', '2026-03-05', '2026-03-07'], '2026-03-07');
    expect(s).toMatchObject({ current: 1, longest: 3, frozenDays: ['2026-03-03'] });
  });

  it('is broken when yesterday was missed and its week’s freeze is spent', () => {
    const s = streakOf(['2026-03-02', '2026-03-04'], '2026-03-06');
    expect(s).toMatchObject({ current: 0, longest: 2, atRisk: false, frozenDays: ['2026-03-03'] });
  });

  it('spends no freeze while there is no streak to protect', () => {
    // Broken on Wed 4th; Thu–Sun are misses with nothing running, so next week's freeze stays.
    const s = streakOf(['2026-03-02', '2026-03-09', '2026-03-10'], '2026-03-11');
    expect(s).toMatchObject({ current: 2, frozenDays: ['2026-03-03'], freezeAvailable: true, atRisk: true });
  });

  it('reports the milestones of the current streak and the longest ever', () => {
    const long = run('2026-01-01', 30);
    const s = streakOf([...long, ...run('2026-03-01', 7)], '2026-03-07');
    expect(s).toMatchObject({ current: 7, longest: 30, milestonesReached: [3, 7], nextMilestone: 14 });
    const century = streakOf(run('2026-01-01', 100), '2026-04-10');
    expect(century).toMatchObject({ current: 100, milestonesReached: [3, 7, 14, 30, 60, 100], nextMilestone: null });
  });

  it('ignores goal-met days after today', () => {
    expect(streakOf(['2026-03-02', '2026-03-05'], '2026-03-02').current).toBe(1);
  });

  it('rejects malformed or impossible dates', () => {
    expect(() => streakOf([], '2026-3-4')).toThrow(/YYYY-MM-DD/);
    expect(() => streakOf(['2026-02-30'], '2026-03-04')).toThrow(/YYYY-MM-DD/);
  });
});

describe('weekCalendar', () => {
  it('lays out the ISO week of today: met, frozen, missed, today and future days', () => {
    // 2026-11-26 is a Thursday; its week starts on Monday 2026-11-23.
    const week = weekCalendar(new Set(['2026-11-23', '2026-11-26', '2026-11-20']), ['2026-11-24'], '2026-11-26');
    expect(week).toEqual([
      { day: '2026-11-23', state: 'met' },
      { day: '2026-11-24', state: 'frozen' },
      { day: '2026-11-25', state: 'missed' },
      { day: '2026-11-26', state: 'met' },
      { day: '2026-11-27', state: 'future' },
      { day: '2026-11-28', state: 'future' },
      { day: '2026-11-29', state: 'future' },
    ]);
    expect(weekCalendar(new Set(), [], '2026-11-29').at(-1)).toEqual({ day: '2026-11-29', state: 'today' });
  });
});
