import { describe, expect, it } from 'vitest';
import { announcement, clockOffset, fractionLeft, remainingMs, wholeSeconds } from './countdown';

describe('clockOffset', () => {
  it('splits the round trip evenly, or uses the arrival alone', () => {
    expect(clockOffset(10_500, 1_000, 800)).toBe(9_600);
    expect(clockOffset(10_500, 1_000)).toBe(9_500);
  });
});

describe('remainingMs', () => {
  it('counts to the server deadline on the server clock', () => {
    // The server is 2 s ahead: its deadline of 30 000 is 28 000 here.
    expect(remainingMs({ deadline: 30_000, remainingMs: null }, 20_000, 2_000)).toBe(8_000);
    expect(remainingMs({ deadline: 30_000, remainingMs: null }, 29_000, 2_000)).toBe(0);
  });

  it('holds the time left while paused', () => {
    expect(remainingMs({ deadline: null, remainingMs: 7_250 }, 99_999, 5)).toBe(7_250);
    expect(remainingMs({ deadline: null, remainingMs: null }, 0, 0)).toBe(0);
  });
});

describe('wholeSeconds and fractionLeft', () => {
  it('rounds the display up and keeps the bar within 0..1', () => {
    expect(wholeSeconds(200)).toBe(1);
    expect(wholeSeconds(10_000)).toBe(10);
    expect(wholeSeconds(-5)).toBe(0);
    expect(fractionLeft(5_000, 20_000)).toBe(0.25);
    expect(fractionLeft(25_000, 20_000)).toBe(1);
    expect(fractionLeft(1, 0)).toBe(0);
  });
});

describe('announcement', () => {
  it('speaks when 10 s, 5 s and the end are crossed', () => {
    expect(announcement(11, 10)).toBe('10 seconds left.');
    expect(announcement(6, 5)).toBe('5 seconds left.');
    expect(announcement(1, 0)).toBe('Time is up.');
  });

  it('announces a threshold a slow tick jumped over, the nearest one', () => {
    expect(announcement(12, 9)).toBe('10 seconds left.');
    expect(announcement(11, 4)).toBe('5 seconds left.');
  });

  it('stays quiet on first sight, between thresholds and when time goes back up', () => {
    expect(announcement(null, 7)).toBeNull();
    expect(announcement(9, 8)).toBeNull();
    expect(announcement(4, 10)).toBeNull();
    expect(announcement(5, 5)).toBeNull();
  });
});
