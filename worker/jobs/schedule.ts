/**
 * Which jobs each Cron Trigger runs: the expressions here are the ones wrangler.toml lists
 * for every environment (ops/deploy/environments.test.ts holds the two together). Kept
 * apart from the handler so Node-side tools and tests can read it.
 */
import type { Database } from '../db/types';
import type { RedisClient } from '../redis/types';
import { rollOverLeaderboards } from './leaderboard-rollover';
import { rollUpMetrics } from './metrics-rollup';
import { purgeExpiredPasswordResets, purgeExpiredSessions } from './purge-sessions';
import { recordEndedStreaks } from './streak-bookkeeping';

/** 03:17 UTC daily: past midnight for most learners' time zones, outside peak hours. */
export const DAILY_MAINTENANCE = '17 3 * * *';
/** Five past every hour: the hour before is complete in Redis by then. */
export const HOURLY_ROLLUP = '5 * * * *';
/** Mondays 00:07 UTC, just after the leaderboard week turns. */
export const WEEKLY_ROLLOVER = '7 0 * * mon';

export interface JobContext {
  db: Database;
  redis: RedisClient;
  /** The trigger's scheduled time, so a late or repeated run does the same work. */
  now: Date;
}

export interface Job {
  name: string;
  run(context: JobContext): Promise<unknown>;
}

export const SCHEDULE: Readonly<Record<string, readonly Job[]>> = {
  [DAILY_MAINTENANCE]: [
    { name: 'purge-sessions', run: ({ db, now }) => purgeExpiredSessions(db, now) },
    { name: 'purge-password-resets', run: ({ db, now }) => purgeExpiredPasswordResets(db, now) },
    { name: 'streak-bookkeeping', run: ({ db, now }) => recordEndedStreaks(db, now) },
  ],
  [HOURLY_ROLLUP]: [{ name: 'metrics-rollup', run: ({ db, redis, now }) => rollUpMetrics(db, redis, now) }],
  [WEEKLY_ROLLOVER]: [{ name: 'leaderboard-rollover', run: ({ db, now }) => rollOverLeaderboards(db, now) }],
};
