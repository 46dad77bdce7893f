import { describe, expect, it } from 'vitest';
import { endedStreaks, streakEndedOn } from './streak-bookkeeping';

const days = (...list: string[]) => new Set(list);

describe('streakEndedOn', () => {
  it('a running streak that misses a day with the week’s freeze already spent ends on that day', () => {
    // Mon 2026-11-16 missed (freeze spent), Tue–Thu met, Fri 20th missed: the streak ends.
    const met = days('2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15', '2026-11-17', '2026-11-18', '2026-11-19');
    expect(streakEndedOn(met, '2026-11-20')).toEqual({ lastDay: '2026-11-19', brokenOn: '2026-11-20', length: 7 });
  });

  it('a missed day the week’s freeze covers does not end the streak', () => {
    const met = days('2026-11-17', '2026-11-18', '2026-11-19');
    expect(streakEndedOn(met, '2026-11-20')).toBeNull();
  });

  it('Sunday and Monday missed: each week’s freeze covers one, and the streak ends on Tuesday', () => {
    const met = days('2026-11-20', '2026-11-21'); // Fri, Sat
    expect(streakEndedOn(met, '2026-11-22')).toBeNull(); // Sun: week 1's freeze
    expect(streakEndedOn(met, '2026-11-23')).toBeNull(); // Mon: week 2's freeze
    expect(streakEndedOn(met, '2026-11-24')).toEqual({ lastDay: '2026-11-21', brokenOn: '2026-11-24', length: 2 });
  });

  it('a day the goal was met, or a day with no streak running into it, ends nothing', () => {
    const met = days('2026-11-17', '2026-11-18');
    expect(streakEndedOn(met, '2026-11-18')).toBeNull();
    expect(streakEndedOn(days(), '2026-11-18')).toBeNull();
  });

  it('starting a new streak the next day does not hide the break', () => {
    const met = days('2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-21');
    // Mon–Thu met, Fri 20 missed: the week's freeze covers it, Saturday carries on.
    expect(streakEndedOn(met, '2026-11-20')).toBeNull();
    // Tue 17 missed and used the freeze: Fri 20 ends the streak, whatever Saturday brings.
    const withoutFreeze = days('2026-11-16', '2026-11-18', '2026-11-19', '2026-11-21');
    expect(streakEndedOn(withoutFreeze, '2026-11-20')).toEqual({
      lastDay: '2026-11-19',
      brokenOn: '2026-11-20',
      length: 3,
    });
  });
});

describe('endedStreaks', () => {
  it('re-judges the last few days, so a missed run is caught up, and finds each break once', () => {
    const met = days('2026-11-16', '2026-11-18', '2026-11-19');
    // Today Sunday 22nd: Friday 20th broke the streak (the week's freeze went on Tuesday 17th).
    expect(endedStreaks(met, '2026-11-22', 3)).toEqual([{ lastDay: '2026-11-19', brokenOn: '2026-11-20', length: 3 }]);
    expect(endedStreaks(met, '2026-11-25', 3)).toEqual([]);
  });
});
