/**
 * Request metrics per hour, rolled up by the hourly job (worker/jobs/metrics-rollup.ts)
 * from the per-minute counters in Redis, which expire after two hours: the long-term
 * record of traffic, errors and latency that survives a Redis flush.
 */
import { doublePrecision, integer, jsonb, pgTable, real, timestamp } from 'drizzle-orm/pg-core';

export const metricsHourly = pgTable('metrics_hourly', {
  /** The hour's start (UTC). */
  hour: timestamp('hour', { withTimezone: true }).primaryKey(),
  requests: integer('requests').notNull(),
  /** 5xx answers. */
  errors: integer('errors').notNull(),
  /** 429 answers. */
  rateLimited: integer('rate_limited').notNull(),
  sumMs: doublePrecision('sum_ms').notNull(),
  /** Request-duration histogram, per bucket (not cumulative), bounds as in worker/metrics/histogram.ts. */
  buckets: jsonb('buckets').$type<number[]>().notNull(),
  /** Null for an hour without requests. */
  p95Ms: real('p95_ms'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});
