/**
 * Per-account sign-in throttle, on top of the per-IP limit: 10 failed sign-ins for one
 * account within 15 minutes lock it for the rest of that window, whichever addresses the
 * attempts come from (OWASP Authentication guidance against credential stuffing). Counts
 * live in Redis under a hash of the email, so no address is stored in the clear.
 */
import type { RedisClient } from '../redis/client';
import { sha256Hex } from './digest';

export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;

async function keyFor(redis: RedisClient, email: string): Promise<string> {
  return redis.key('login-failures', await sha256Hex(email.trim().toLowerCase()));
}

/** Seconds until the account may try again, or 0 when it is not locked. */
export async function lockedForSeconds(redis: RedisClient, email: string): Promise<number> {
  const key = await keyFor(redis, email);
  const [failures, ttl] = await Promise.all([redis.raw.get<number>(key), redis.raw.ttl(key)]);
  if ((failures ?? 0) < LOGIN_FAILURE_LIMIT) return 0;
  return ttl > 0 ? ttl : LOGIN_FAILURE_WINDOW_SECONDS;
}

export async function recordFailure(redis: RedisClient, email: string): Promise<void> {
  const key = await keyFor(redis, email);
  const failures = await redis.raw.incr(key);
  // The window starts at the first failure; later failures do not extend it.
  if (failures === 1) await redis.raw.expire(key, LOGIN_FAILURE_WINDOW_SECONDS);
}

export async function clearFailures(redis: RedisClient, email: string): Promise<void> {
  await redis.raw.del(await keyFor(redis, email));
}
