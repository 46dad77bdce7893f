/**
 * Hourly metrics rollup: the per-minute request counters in Redis (worker/metrics/, kept
 * two hours) summed into one `metrics_hourly` row per hour, the long-term record. Runs a
 * few minutes past each hour and rolls up the hour before.
 *
 * Idempotent: counts only grow while an hour's minutes are in Redis, so a rerun replaces
 * the row only with larger counts; once the minutes have expired, a rerun (reading
 * nothing) leaves the row alone.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/types';
import { metricsHourly } from '../db/schema';
import { addBuckets, emptyBuckets, quantile } from '../metrics/histogram';
import type { MinuteCounts } from '../metrics/records';
import { readMinutes } from '../metrics/store';
import type { RedisClient } from '../redis/types';

export interface HourRollup {
  hour: Date;
  requests: number;
  errors: number;
  rateLimited: number;
  sumMs: number;
  buckets: number[];
  p95Ms: number | null;
}

/** The start of the hour before the one `now` falls in. */
export function previousHour(now: Date): Date {
  const hour = new Date(now);
  hour.setUTCMinutes(0, 0, 0);
  return new Date(hour.getTime() - 3_600_000);
}

/** Sums the minutes of the hour starting at `hour` (minutes outside it are ignored). */
export function rollUpHour(hour: Date, minutes: readonly MinuteCounts[]): HourRollup {
  const first = hour.getTime() / 60_000;
  const inHour = minutes.filter((m) => m.minute >= first && m.minute < first + 60);
  const buckets = emptyBuckets();
  let requests = 0;
  let errors = 0;
  let rateLimited = 0;
  let sumMs = 0;
  for (const m of inHour) {
    requests += m.requests;
    errors += m.errors;
    rateLimited += m.rateLimited;
    sumMs += m.sumMs;
    addBuckets(buckets, m.buckets);
  }
  const p95 = quantile(0.95, buckets);
  return {
    hour,
    requests,
    errors,
    rateLimited,
    sumMs,
    buckets,
    p95Ms: p95 === null ? null : Math.round(p95 * 10_000) / 10,
  };
}

export async function rollUpMetrics(db: Database, redis: RedisClient, now: Date): Promise<HourRollup> {
  const hour = previousHour(now);
  const minutes = await readMinutes(redis, hour.getTime() / 60_000 + 59, 60);
  const rollup = rollUpHour(hour, minutes);
  await db
    .insert(metricsHourly)
    .values({ ...rollup, recordedAt: now })
    .onConflictDoUpdate({
      target: metricsHourly.hour,
      set: {
        requests: sql`excluded.requests`,
        errors: sql`excluded.errors`,
        rateLimited: sql`excluded.rate_limited`,
        sumMs: sql`excluded.sum_ms`,
        buckets: sql`excluded.buckets`,
        p95Ms: sql`excluded.p95_ms`,
        recordedAt: sql`excluded.recorded_at`,
      },
      setWhere: sql`excluded.requests > ${metricsHourly.requests}`,
    });
  return rollup;
}
