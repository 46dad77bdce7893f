import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT, DURATION_BUCKETS, bucketIndex, emptyBuckets, quantile } from './histogram';

describe('bucketIndex', () => {
  it('puts a duration in the first bucket whose bound it does not exceed (bounds are inclusive)', () => {
    expect(bucketIndex(0)).toBe(0);
    expect(bucketIndex(0.005)).toBe(0);
    expect(bucketIndex(0.0051)).toBe(1);
    expect(bucketIndex(0.3)).toBe(DURATION_BUCKETS.indexOf(0.5));
    expect(bucketIndex(10)).toBe(DURATION_BUCKETS.length - 1);
  });

  it('puts anything above the last bound in +Inf', () => {
    expect(bucketIndex(10.01)).toBe(DURATION_BUCKETS.length);
    expect(bucketIndex(3600)).toBe(BUCKET_COUNT - 1);
  });
});

describe('quantile', () => {
  const bounds = [0.1, 0.2, 0.4];

  it('interpolates inside the bucket the rank falls in, as histogram_quantile does', () => {
    // 10 in (0, 0.1], 10 in (0.1, 0.2]: the median is the top of the first, p75 halfway up the second.
    expect(quantile(0.5, [10, 10, 0, 0], bounds)).toBeCloseTo(0.1);
    expect(quantile(0.75, [10, 10, 0, 0], bounds)).toBeCloseTo(0.15);
    expect(quantile(0.95, [0, 0, 20, 0], bounds)).toBeCloseTo(0.2 + 0.2 * 0.95);
  });

  it('answers the highest finite bound when the rank falls in +Inf', () => {
    expect(quantile(0.95, [1, 0, 0, 99], bounds)).toBe(0.4);
  });

  it('is null without observations and refuses a q outside 0–1', () => {
    expect(quantile(0.95, emptyBuckets())).toBeNull();
    expect(() => quantile(1.5, [1, 0, 0, 0], bounds)).toThrow(/q must/);
  });

  it('skips empty buckets below the rank', () => {
    expect(quantile(0.5, [0, 0, 4, 0], bounds)).toBeCloseTo(0.3);
  });
});
