import { describe, expect, it } from 'vitest';
import { addDays, canonicalTimeZone, dayNumber, isoWeekStart, localTime, startOfLocalDay } from './local-time';

describe('local-time', () => {
  it('reads the hour on the local clock, including the repeated hour when London leaves BST', () => {
    expect(localTime(new Date('2026-10-25T00:30:00Z'), 'Europe/London')).toEqual({
      day: '2026-10-25',
      hour: 1,
      minute: 30,
    });
    expect(localTime(new Date('2026-10-25T01:30:00Z'), 'Europe/London')).toEqual({
      day: '2026-10-25',
      hour: 1,
      minute: 30,
    });
    expect(localTime(new Date('2026-03-09T04:00:00Z'), 'America/New_York')).toEqual({
      day: '2026-03-09',
      hour: 0,
      minute: 0,
    });
  });

  it('finds the Monday that starts the ISO week, across month and year ends', () => {
    expect(isoWeekStart('2026-03-02')).toBe('2026-03-02'); // Monday
    expect(isoWeekStart('2026-03-08')).toBe('2026-03-02'); // Sunday
    expect(isoWeekStart('2026-03-09')).toBe('2026-03-09');
    expect(isoWeekStart('2027-01-01')).toBe('2026-12-28'); // Friday of ISO week 2026-W53
  });

  it('adds calendar days without DST drift', () => {
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2026-3-4', '2026-02-29', '2026-13-01', 'yesterday']) {
      expect(() => dayNumber(bad)).toThrow(/YYYY-MM-DD/);
    }
  });
});

describe('canonicalTimeZone', () => {
  it('names known zones canonically and refuses unknown ones', () => {
    expect(canonicalTimeZone('Europe/London')).toBe('Europe/London');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight as an instant, in any zone', () => {
    expect(startOfLocalDay(new Date('2026-11-26T13:00:00Z'), 'UTC').toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-11-26T13:00:00Z'), 'Europe/Paris').toISOString()).toBe(
      '2026-11-25T23:00:00.000Z',
    );
    expect(startOfLocalDay(new Date('2026-11-26T13:00:00Z'), 'Asia/Kolkata').toISOString()).toBe(
      '2026-11-25T18:30:00.000Z',
    );
    // 01:00 local on the 26th in Kiritimati (UTC+14) is still the 26th there.
    expect(startOfLocalDay(new Date('2026-11-25T11:00:00Z'), 'Pacific/Kiritimati').toISOString()).toBe(
      '2026-11-25T10:00:00.000Z',
    );
  });

  it('handles DST change days, whose midnight is not 24 hours from the next', () => {
    // Europe/Paris springs forward on 2026-03-29 at 02:00; the day began at 00:00 CET.
    expect(startOfLocalDay(new Date('2026-03-29T20:00:00Z'), 'Europe/Paris').toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    // America/Sao_Paulo has no DST now; America/Havana springs forward at midnight (00:00 → 01:00).
    expect(startOfLocalDay(new Date('2026-03-08T12:00:00Z'), 'America/Havana').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
  });
});
