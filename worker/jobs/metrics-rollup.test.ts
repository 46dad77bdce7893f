import { describe, expect, it } from 'vitest';
import { emptyBuckets } from '../metrics/histogram';
import type { MinuteCounts } from '../metrics/records';
import { previousHour, rollUpHour } from './metrics-rollup';

const minute = (at: string, fields: Partial<MinuteCounts> = {}): MinuteCounts => ({
  minute: new Date(at).getTime() / 60_000,
  requests: 0,
  errors: 0,
  rateLimited: 0,
  buckets: emptyBuckets(),
  sumMs: 0,
  ...fields,
});

describe('previousHour', () => {
  it('is the start of the hour before the one the trigger fires in', () => {
    expect(previousHour(new Date('2026-11-26T10:05:00Z')).toISOString()).toBe('2026-11-26T09:00:00.000Z');
    expect(previousHour(new Date('2026-11-26T00:05:00Z')).toISOString()).toBe('2026-11-25T23:00:00.000Z');
  });
});

describe('rollUpHour', () => {
  it('sums the hour’s minutes, ignores minutes outside it, and estimates p95 from the summed buckets', () => {
    const fast = emptyBuckets();
    fast[1] = 90; // ≤ 10 ms
    const slow = emptyBuckets();
    slow[7] = 10; // 0.5–1 s
    const hour = new Date('2026-11-26T09:00:00Z');
    const rollup = rollUpHour(hour, [
      minute('2026-11-26T09:00:00Z', { requests: 90, buckets: fast, sumMs: 450 }),
      minute('2026-11-26T09:59:00Z', { requests: 10, errors: 2, rateLimited: 1, buckets: slow, sumMs: 8000 }),
      minute('2026-11-26T10:00:00Z', { requests: 1000 }),
    ]);
    expect(rollup).toMatchObject({ hour, requests: 100, errors: 2, rateLimited: 1, sumMs: 8450 });
    expect(rollup.buckets[1]).toBe(90);
    expect(rollup.buckets[7]).toBe(10);
    // Rank 95 of 100 falls halfway into the 0.5–1 s bucket.
    expect(rollup.p95Ms).toBe(750);
  });

  it('an hour without traffic is zeros with no p95', () => {
    const rollup = rollUpHour(new Date('2026-11-26T09:00:00Z'), []);
    expect(rollup).toMatchObject({ requests: 0, errors: 0, p95Ms: null });
  });
});
