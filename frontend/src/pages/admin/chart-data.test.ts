import { describe, expect, it } from 'vitest';
import {
  categoryChart,
  categorySummary,
  latencyChart,
  latencySummary,
  trafficChart,
  trafficSummary,
} from './chart-data';

const points = [
  { at: '2026-03-02T10:00:00.000Z', requests: 5, errors: 1, rateLimited: 0, p95Ms: 20 },
  { at: '2026-03-02T10:01:00.000Z', requests: 0, errors: 0, rateLimited: 0, p95Ms: null },
  { at: '2026-03-02T10:02:00.000Z', requests: 9, errors: 0, rateLimited: 3, p95Ms: 1500 },
];

describe('chart data', () => {
  it('puts minutes on a unix-seconds axis with requests, errors and 429s as series', () => {
    const data = trafficChart(points);
    expect(data.x).toEqual([1772445600, 1772445660, 1772445720]);
    expect(data.series).toEqual([
      [5, 0, 9],
      [1, 0, 0],
      [0, 0, 3],
    ]);
  });

  it('keeps minutes without latency as gaps, not zeros', () => {
    expect(latencyChart(points).series[0]).toEqual([20, null, 1500]);
  });

  it('numbers categories from 0', () => {
    expect(categoryChart([3, null, 1])).toEqual({ x: [0, 1, 2], series: [[3, null, 1]] });
  });
});

describe('summaries for screen readers', () => {
  it('say the busiest minute and the totals of errors and 429s', () => {
    expect(trafficSummary(points)).toMatch(/with 9; 1 server errors and 3 rate-limited in all\.$/);
    expect(trafficSummary(points.map((point) => ({ ...point, requests: 0 })))).toBe('No requests in the last hour.');
  });

  it('give the range of latencies', () => {
    expect(latencySummary(points)).toBe('95th percentile latency per minute over the last hour, from 20 ms to 1.5 s.');
    expect(latencySummary(points.slice(1, 2))).toBe('No latency figures in the last hour.');
  });

  it('list each category with its value', () => {
    expect(categorySummary('Users by role', ['Learners', 'Admins'], [10, 1])).toBe(
      'Users by role: Learners 10, Admins 1.',
    );
  });
});
