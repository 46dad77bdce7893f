/**
 * Per-client-IP rate limiting with @upstash/ratelimit (sliding window in Redis, so every
 * isolate and colo shares one count). Answers carry `RateLimit-*` headers; a rejected
 * request gets 429 with `Retry-After` in the standard error body.
 *
 * When Redis cannot be reached the rule's `whenRedisDown` decides: `allow` (fail open —
 * an outage of the limiter must not take the API down with it) or `reject` (fail closed,
 * 503 — for sign-in, where an unlimited window invites credential stuffing).
 */
import { Ratelimit } from '@upstash/ratelimit';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../errors';
import type { AppEnv } from '../env';
import { errorFields } from '../log';
import type { RedisClient } from '../redis/client';

export interface RateLimitRule {
  /** Names the counter in Redis and in logs, e.g. `api`. */
  name: string;
  /** Requests allowed per window per client. */
  limit: number;
  windowSeconds: number;
  whenRedisDown: 'allow' | 'reject';
  /** How long to wait for Redis before applying `whenRedisDown`. */
  timeoutMs?: number;
}

/** Cloudflare sets (and overwrites) CF-Connecting-IP at the edge, so it cannot be spoofed there. */
export function clientIp(c: Context): string {
  return c.req.header('cf-connecting-ip') ?? 'unknown';
}

export function rateLimit(rule: RateLimitRule) {
  if (!/^[a-z][a-z0-9-]*$/.test(rule.name)) throw new Error(`rateLimit: invalid name "${rule.name}"`);
  if (!Number.isInteger(rule.limit) || rule.limit < 1) throw new Error('rateLimit: limit must be a positive integer');
  if (!Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1)
    throw new Error('rateLimit: windowSeconds must be a positive integer');
  const policy = `${rule.limit};w=${rule.windowSeconds}`;

  // Limiters are built once per isolate (per Redis client), as @upstash/ratelimit requires
  // for its in-memory cache of blocked clients to work.
  const limiters = new WeakMap<RedisClient, Ratelimit>();
  const limiterFor = (redis: RedisClient) => {
    let limiter = limiters.get(redis);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: redis.raw,
        limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowSeconds} s`),
        prefix: redis.key('ratelimit', rule.name),
        timeout: rule.timeoutMs ?? 1000,
        analytics: false,
      });
      limiters.set(redis, limiter);
    }
    return limiter;
  };

  const unavailable = (c: Context<AppEnv>, cause: unknown) => {
    c.var.log.warn('rate limiter unavailable', {
      rule: rule.name,
      whenRedisDown: rule.whenRedisDown,
      ...errorFields(cause),
    });
    if (rule.whenRedisDown === 'reject') {
      throw new ApiError('service_unavailable', 'This service is briefly unavailable; try again shortly.', {
        headers: { 'Retry-After': '5' },
      });
    }
  };

  return createMiddleware<AppEnv>(async (c, next) => {
    let result: Awaited<ReturnType<Ratelimit['limit']>>;
    try {
      result = await limiterFor(c.var.redis).limit(clientIp(c));
    } catch (err) {
      unavailable(c, err);
      return next();
    }
    c.executionCtx.waitUntil(result.pending.catch(() => {}));
    if (result.reason === 'timeout') {
      unavailable(c, new Error('rate limit check timed out'));
      return next();
    }

    const resetSeconds = Math.max(1, Math.ceil((result.reset - Date.now()) / 1000));
    const headers = {
      'RateLimit-Policy': policy,
      'RateLimit-Limit': String(result.limit),
      'RateLimit-Remaining': String(Math.max(0, result.remaining)),
      'RateLimit-Reset': String(resetSeconds),
    };
    if (!result.success) {
      throw new ApiError('rate_limited', `Too many requests; try again in ${resetSeconds} s.`, {
        headers: { ...headers, 'Retry-After': String(resetSeconds) },
        details: { limit: result.limit, windowSeconds: rule.windowSeconds, retryAfterSeconds: resetSeconds },
      });
    }
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return next();
  });
}
