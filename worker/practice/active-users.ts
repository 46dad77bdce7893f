/**
 * Active users (the operations spec's `jeseci_active_users`): distinct signed-in users seen
 * in the last five minutes, as a Redis sorted set scored by last-seen time. Marking costs one
 * ZADD per request, done after the response; counting trims the set first.
 */
import type { RedisClient } from '../redis/types';

export const ACTIVE_WINDOW_MS = 5 * 60_000;
/**
 * Marking is on every authenticated request's path, so each isolate marks a user at most
 * once a minute: the set stays right to within a minute of a 5-minute window, at a sliver
 * of the Redis writes.
 */
export const MARK_EVERY_MS = 60_000;
const MAX_REMEMBERED = 10_000;
const lastMarked = new Map<string, number>();

/** Whether this isolate should mark `userId` now (and remembers that it did). */
export function shouldMarkActive(userId: string, now: number): boolean {
  const last = lastMarked.get(userId);
  if (last !== undefined && now - last < MARK_EVERY_MS) return false;
  // A bound on the isolate's memory; forgetting only means one extra mark.
  if (lastMarked.size >= MAX_REMEMBERED) lastMarked.clear();
  lastMarked.set(userId, now);
  return true;
}

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
