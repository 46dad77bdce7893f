/**
 * Active users (the operations spec's `jeseci_active_users`): distinct signed-in users seen
 * in the last five minutes, as a Redis sorted set scored by last-seen time. Marking costs one
 * ZADD per request, done after the response; counting trims the set first.
 */
import type { RedisClient } from '../redis/types';

export const ACTIVE_WINDOW_MS = 5 * 60_000;

const activeKey = (redis: RedisClient) => redis.key('active-users');

export async function markActive(redis: RedisClient, userId: string, now: Date): Promise<void> {
  await redis.raw.zadd(activeKey(redis), { score: now.getTime(), member: userId });
}

export async function countActive(redis: RedisClient, now: Date): Promise<number> {
  const key = activeKey(redis);
  const [, count] = await redis.raw
    .pipeline()
    .zremrangebyscore(key, 0, now.getTime() - ACTIVE_WINDOW_MS)
    .zcard(key)
    .exec<[number, number]>();
  return count;
}
