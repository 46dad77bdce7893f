import { describe, expect, it } from 'vitest';
import { emptyBuckets } from './histogram';
import type { MinuteCounts } from './records';
import { summarizeWindow, windowMinutes } from './window';

const LAST = 29_000_000; // an epoch minute

function minute(offset: number, counts: Partial<MinuteCounts> & { bucket?: number }): MinuteCounts {
  const buckets = emptyBuckets();
  const requests = counts.requests ?? 0;
  buckets[counts.bucket ?? 0] = requests;
  return { minute: LAST - offset, requests, errors: 0, rateLimited: 0, buckets, sumMs: 0, ...counts };
}

describe('summarizeWindow', () => {
  it('has one point per minute, oldest first, zeros where nothing happened', () => {
    const window = summarizeWindow([minute(0, { requests: 4 }), minute(2, { requests: 1 })], LAST, 5);
    expect(window.series.map((point) => point.requests)).toEqual([0, 0, 1, 0, 4]);
    expect(window.series[4]?.at).toBe(new Date(LAST * 60_000).toISOString());
    expect(window.series[0]?.p95Ms).toBeNull();
    expect(window.from).toBe(new Date((LAST - 4) * 60_000).toISOString());
    expect(window.to).toBe(new Date((LAST + 1) * 60_000).toISOString());
  });

  it('totals requests, 5xx, 429s and the error rate over the window', () => {
    const window = summarizeWindow(
      [
        minute(0, { requests: 30, errors: 3, rateLimited: 5, sumMs: 600 }),
        minute(1, { requests: 10, errors: 1, sumMs: 200 }),
      ],
      LAST,
      60,
    );
    expect(window).toMatchObject({
      requests: 40,
      errors: 4,
      errorRate: 0.1,
      rateLimited: 5,
      requestsPerMinute: 0.67,
      averageMs: 20,
    });
  });

  it('estimates p95 from the summed buckets, not an average of minutes', () => {
    // 95 fast requests (≤ 5 ms) in one minute, 5 slow ones (0.5–1 s) in another: p95 is at
    // the top of the fast bucket; 10 slow ones would put it among the slow.
    const fast = minute(0, { requests: 95, bucket: 0 });
    expect(summarizeWindow([fast, minute(1, { requests: 5, bucket: 7 })], LAST, 60).p95Ms).toBe(5);
    expect(summarizeWindow([fast, minute(1, { requests: 10, bucket: 7 })], LAST, 60).p95Ms).toBeGreaterThan(500);
  });

  it('has no rates without traffic, and leaves out minutes outside the window', () => {
    const window = summarizeWindow([minute(60, { requests: 9 })], LAST, 60);
    expect(window).toMatchObject({ requests: 0, errorRate: null, p95Ms: null, averageMs: null });
  });
});

describe('windowMinutes', () => {
  it('ends with the given minute', () => {
    expect(windowMinutes(10, 3)).toEqual([8, 9, 10]);
  });
});
