import { describe, expect, it } from 'vitest';
import { filterTimeZones, timeZoneChoices, timeZoneLabel, utcOffset, visibleTimeZones } from './time-zones';

const WINTER = new Date('2025-01-15T12:00:00Z');
const SUMMER = new Date('2025-07-15T12:00:00Z');

describe('timeZoneChoices', () => {
  it('adds UTC and the account’s zone once each, sorted', () => {
    expect(timeZoneChoices(['Europe/Paris', 'America/New_York'], 'Asia/Kolkata', 'Europe/Paris')).toEqual([
      'America/New_York',
      'Asia/Kolkata',
      'Europe/Paris',
      'UTC',
    ]);
    expect(timeZoneChoices([], '')).toEqual(['UTC']);
  });
});

describe('utcOffset / timeZoneLabel', () => {
  it('gives the offset at the instant, daylight saving time included', () => {
    expect(utcOffset('Europe/Paris', WINTER)).toBe('UTC+01:00');
    expect(utcOffset('Europe/Paris', SUMMER)).toBe('UTC+02:00');
    expect(utcOffset('America/New_York', WINTER)).toBe('UTC−05:00');
    expect(utcOffset('Asia/Kolkata', WINTER)).toBe('UTC+05:30');
    expect(utcOffset('UTC', WINTER)).toBe('UTC');
    expect(utcOffset('Europe/London', WINTER)).toBe('UTC');
    expect(utcOffset('Not/A_Zone', WINTER)).toBe('');
  });

  it('reads underscores as spaces and does not repeat UTC', () => {
    expect(timeZoneLabel('America/New_York', SUMMER)).toBe('America/New York (UTC−04:00)');
    expect(timeZoneLabel('UTC', SUMMER)).toBe('UTC');
    expect(timeZoneLabel('Europe/London', WINTER)).toBe('Europe/London (UTC)');
  });
});

describe('filterTimeZones / visibleTimeZones', () => {
  const choices = ['America/New_York', 'Asia/Kolkata', 'Europe/Paris', 'UTC'].map((zone) => ({
    zone,
    label: timeZoneLabel(zone, WINTER),
  }));
  const zones = (query: string) => filterTimeZones(choices, query).map((choice) => choice.zone);
  const shown = (query: string, current: string) =>
    visibleTimeZones(filterTimeZones(choices, query), choices, current).map((choice) => choice.zone);

  it('matches every word, in any case, with spaces for underscores', () => {
    expect(zones('new york')).toEqual(['America/New_York']);
    expect(zones('NEW_YORK')).toEqual(['America/New_York']);
    expect(zones('europe par')).toEqual(['Europe/Paris']);
    expect(zones('europe york')).toEqual([]);
  });

  it('matches offsets typed with an ordinary minus', () => {
    expect(zones('-05:00')).toEqual(['America/New_York']);
    expect(zones('+05:30')).toEqual(['Asia/Kolkata']);
  });

  it('keeps every choice for an empty query', () => {
    expect(zones('  ')).toHaveLength(4);
  });

  it('shows the current choice first when the filter hides it, once when it matches', () => {
    expect(shown('atlantis', 'Europe/Paris')).toEqual(['Europe/Paris']);
    expect(shown('york', 'Europe/Paris')).toEqual(['Europe/Paris', 'America/New_York']);
    expect(shown('paris', 'Europe/Paris')).toEqual(['Europe/Paris']);
    expect(shown('', 'UTC')).toEqual(['America/New_York', 'Asia/Kolkata', 'Europe/Paris', 'UTC']);
  });
});
