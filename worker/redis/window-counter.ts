/**
 * Fixed-window counters in Redis, for per-account limits (failed sign-ins, reset emails).
 * INCR and the window's EXPIRE go in one MULTI/EXEC, so a counter can never be left
 * without its expiry (which would lock an account for good) and each count costs one
 * round trip. `EXPIRE … NX` starts the window at the first count; later counts do not
 * extend it.
 */
import type { RedisClient } from './client';

export async function countInWindow(redis: RedisClient, key: string, windowSeconds: number): Promise<number> {
  const [count] = await redis.raw.multi().incr(key).expire(key, windowSeconds, 'NX').exec<[number, number]>();
  return count;
}

/** The current count and the seconds left in its window (0 when there is no window). */
export async function readWindow(redis: RedisClient, key: string): Promise<{ count: number; secondsLeft: number }> {
  const [count, ttl] = await redis.raw.pipeline().get<number>(key).ttl(key).exec<[number | null, number]>();
  return { count: count ?? 0, secondsLeft: Math.max(0, ttl) };
}
