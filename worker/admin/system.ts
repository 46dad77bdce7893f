/**
 * The admin's system health: readiness of each dependency (the same checks and deadlines
 * as /api/health/ready) and the last hour of traffic from the per-minute metrics. Redis
 * being down is itself something to show, so the traffic is null then rather than an error.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { checkDependency, summarize } from '../health/check';
import type { Logger } from '../log';
import { minuteOf } from '../metrics/records';
import { readMinutes } from '../metrics/store';
import { summarizeWindow } from '../metrics/window';
import { countActive } from '../practice/active-users';
import type { RedisClient } from '../redis/types';

export const CHECK_TIMEOUT_MS = 2000;
export const WINDOW_MINUTES = 60;

export async function systemHealth(services: { db: Queryable; redis: RedisClient; log: Logger }, now: Date) {
  const { db, redis, log } = services;
  const lastMinute = minuteOf(now);
  const [postgres, redisCheck, traffic, activeUsers] = await Promise.all([
    checkDependency(() => db.execute(sql`select 1`), CHECK_TIMEOUT_MS),
    checkDependency(() => redis.raw.ping(), CHECK_TIMEOUT_MS),
    readMinutes(redis, lastMinute, WINDOW_MINUTES).then(
      (rows) => summarizeWindow(rows, lastMinute, WINDOW_MINUTES),
      (error: unknown) => {
        log.warn('traffic metrics unreadable', { error: String(error) });
        return null;
      },
    ),
    countActive(redis, now).catch(() => null),
  ]);
  const checks = { postgres, redis: redisCheck };
  const { ready, down } = summarize(checks);
  return { checkedAt: now.toISOString(), ready, down, checks, activeUsers, traffic };
}
