/** `npm run leaderboard:rebuild` against the test stack's Postgres and Redis. */
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { useTestDatabase } from '../../test/support/db.ts';
import { stackRedis } from '../../test/support/redis.ts';
import { leaderboardWeek } from '../../worker/practice/leaderboards.ts';
import { rebuildLeaderboards } from './rebuild.ts';

const database = useTestDatabase();

describe('leaderboard:rebuild', () => {
  it('sums the XP ledger into the weekly and all-time boards', async () => {
    const now = new Date();
    const userId = randomUUID();
    await database.query(
      `insert into users (id, email, display_name, password_hash) values ($1, $2, 'Ledger Learner', 'x')`,
      [userId, `${userId}@example.test`],
    );
    // 40 XP this week, 25 long ago: weekly 40, all-time 65.
    await database.query(
      `insert into xp_events (user_id, amount, reason, created_at) values
         ($1, 30, 'answer', now()), ($1, 10, 'answer', now()), ($1, 25, 'lesson', now() - interval '60 days')`,
      [userId],
    );
    const { redis, prefix } = stackRedis();
    const bindings = inject('stack').workerBindings;
    const counts = await rebuildLeaderboards(
      {
        databaseUrl: inject('stack').databaseUrl,
        redisUrl: bindings.UPSTASH_REDIS_REST_URL ?? '',
        redisToken: bindings.UPSTASH_REDIS_REST_TOKEN ?? '',
        redisPrefix: prefix,
      },
      now,
    );
    expect(counts.weekly).toBeGreaterThanOrEqual(1);
    expect(counts['all-time']).toBeGreaterThanOrEqual(counts.weekly);
    expect(await redis.zscore(`${prefix}lb:week:${leaderboardWeek(now)}`, userId)).toBe(40);
    expect(await redis.zscore(`${prefix}lb:all`, userId)).toBe(65);
    expect(await redis.get(`${prefix}lb:all:built`)).toBe(1);
    expect(await redis.ttl(`${prefix}lb:week:${leaderboardWeek(now)}`)).toBeGreaterThan(7 * 24 * 3600);
  });
});
