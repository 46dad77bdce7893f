/**
 * The admin's view of recent traffic, from the per-minute counters: totals over the
 * window (requests, 5xx, error rate, 429s, p95 latency) and one point per minute for the
 * chart, minutes without traffic included as zeros so the time axis has no gaps.
 */
import { addBuckets, emptyBuckets, quantile } from './histogram';
import type { MinuteCounts } from './records';

export interface MinutePoint {
  /** The minute's start, ISO 8601. */
  at: string;
  requests: number;
  errors: number;
  rateLimited: number;
  /** Null for a minute without requests. */
  p95Ms: number | null;
}

export interface TrafficWindow {
  minutes: number;
  from: string;
  to: string;
  requests: number;
  errors: number;
  /** 5xx share of requests (0–1), null without requests. */
  errorRate: number | null;
  rateLimited: number;
  requestsPerMinute: number;
  p95Ms: number | null;
  averageMs: number | null;
  series: MinutePoint[];
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

const p95Ms = (buckets: readonly number[]) => {
  const seconds = quantile(0.95, buckets);
  return seconds === null ? null : round(seconds * 1000, 1);
};

/** The epoch minutes of a window that ends with (and includes) `lastMinute`, oldest first. */
export function windowMinutes(lastMinute: number, minutes: number): number[] {
  return Array.from({ length: minutes }, (_, i) => lastMinute - minutes + 1 + i);
}

export function summarizeWindow(rows: readonly MinuteCounts[], lastMinute: number, minutes: number): TrafficWindow {
  const byMinute = new Map(rows.map((row) => [row.minute, row]));
  const buckets = emptyBuckets();
  let requests = 0;
  let errors = 0;
  let rateLimited = 0;
  let sumMs = 0;
  const series = windowMinutes(lastMinute, minutes).map((minute): MinutePoint => {
    const row = byMinute.get(minute);
    const at = new Date(minute * 60_000).toISOString();
    if (!row) return { at, requests: 0, errors: 0, rateLimited: 0, p95Ms: null };
    requests += row.requests;
    errors += row.errors;
    rateLimited += row.rateLimited;
    sumMs += row.sumMs;
    addBuckets(buckets, row.buckets);
    return { at, requests: row.requests, errors: row.errors, rateLimited: row.rateLimited, p95Ms: p95Ms(row.buckets) };
  });
  return {
    minutes,
    from: new Date((lastMinute - minutes + 1) * 60_000).toISOString(),
    to: new Date((lastMinute + 1) * 60_000).toISOString(),
    requests,
    errors,
    errorRate: requests ? round(errors / requests, 4) : null,
    rateLimited,
    requestsPerMinute: round(requests / minutes, 2),
    p95Ms: p95Ms(buckets),
    averageMs: requests ? round(sumMs / requests, 1) : null,
    series,
  };
}
