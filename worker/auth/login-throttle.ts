/**
 * Per-account sign-in throttle, on top of the per-IP limit: 10 failed sign-ins for one
 * account within 15 minutes lock it for the rest of that window, whichever addresses the
 * attempts come from (OWASP Authentication guidance against credential stuffing). Counts
 * live in Redis under a hash of the email, so no address is stored in the clear.
 */
import type { RedisClient } from '../redis/client';
import { countInWindow, readWindow } from '../redis/window-counter';
import { emailKey } from './digest';

export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60;

/** Seconds until the account may try again, or 0 when it is not locked. */
export async function lockedForSeconds(redis: RedisClient, email: string): Promise<number> {
  const { count, secondsLeft } = await readWindow(redis, await emailKey(redis, 'login-failures', email));
  if (count < LOGIN_FAILURE_LIMIT) return 0;
  return secondsLeft || LOGIN_FAILURE_WINDOW_SECONDS;
}

export async function recordFailure(redis: RedisClient, email: string): Promise<void> {
  await countInWindow(redis, await emailKey(redis, 'login-failures', email), LOGIN_FAILURE_WINDOW_SECONDS);
}

export async function clearFailures(redis: RedisClient, email: string): Promise<void> {
  await redis.raw.del(await emailKey(redis, 'login-failures', email));
}
