/**
 * Rate limiting per client (an IP, or whatever `key` names) with @upstash/ratelimit: a token bucket in Redis (so every
 * isolate and colo shares one count) that refills `limit` tokens every window and holds at
 * most `burst` — nginx's `limit_req rate=… burst=… nodelay`. The burst is what lets a page
 * that loads ten things at once be followed by a click without a 429, while the sustained
 * rate stays the operations spec's. Answers carry `RateLimit-*` headers; a rejected
 * request gets 429 with `Retry-After` in the standard error body.
 *
 * When Redis cannot be reached, or has not answered within `RATE_LIMIT_TIMEOUT_MS` (1 s
 * unless set), the rule's `whenRedisDown` decides: `allow` (fail open — an outage of the
 * limiter must not take the API down with it) or `reject` (fail closed, 503 — for sign-in,
 * where an unlimited window invites credential stuffing).
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
  /** Requests allowed per window per client, sustained. */
  limit: number;
  windowSeconds: number;
  /** Most requests a client that has been idle may send at once (the bucket's size); defaults to `limit`. */
  burst?: number;
  whenRedisDown: 'allow' | 'reject';
}

/** How long to wait for Redis before applying `whenRedisDown`: Upstash answers in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 1000;

/**
 * The wait from `RATE_LIMIT_TIMEOUT_MS`, else the default. The local stack sets it longer:
 * its stand-in Redis runs Lua in JavaScript on the thread it shares with the embedded
 * Postgres, and a burst there can take over a second, which would let requests through
 * uncounted and make the limits depend on the machine's load.
 */
export function limiterTimeoutMs(env: Pick<Env, 'RATE_LIMIT_TIMEOUT_MS'>): number {
  const configured = Number(env.RATE_LIMIT_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}

/** Cloudflare sets (and overwrites) CF-Connecting-IP at the edge, so it cannot be spoofed there. */
export function clientIp(c: Context): string {
  return c.req.header('cf-connecting-ip') ?? 'unknown';
}

export interface RateLimitOptions {
  /** Whose allowance a request spends; default the client IP. */
  key?: (c: Context<AppEnv>) => string | Promise<string>;
  /**
   * Whether an allowed request reports this rule in `RateLimit-*` headers. Off for a
   * ceiling checked alongside a per-client rule, whose headers are the ones a client can act on.
   */
  reportHeaders?: boolean;
}

type LimitResult = Awaited<ReturnType<Ratelimit['limit']>>;

/** What Redis said about one request: counted (allowed or not), or no answer in time. */
export type LimitOutcome = { counted: LimitResult } | { unavailable: unknown };

/**
 * One rule, split into asking Redis (`check`) and acting on the answer (`enforce`: throw
 * 429 or 503, or set the headers), so that several rules can ask at once (`rateLimits`).
 */
export interface RateLimiter {
  check(c: Context<AppEnv>): Promise<LimitOutcome>;
  enforce(c: Context<AppEnv>, outcome: LimitOutcome): void;
}

export function rateLimiter(rule: RateLimitRule, options: RateLimitOptions = {}): RateLimiter {
  const { key = (c: Context<AppEnv>) => clientIp(c), reportHeaders = true } = options;
  if (!/^[a-z][a-z0-9-]*$/.test(rule.name)) throw new Error(`rateLimit: invalid name "${rule.name}"`);
  if (!Number.isInteger(rule.limit) || rule.limit < 1) throw new Error('rateLimit: limit must be a positive integer');
  if (!Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1)
    throw new Error('rateLimit: windowSeconds must be a positive integer');
  const burst = rule.burst ?? rule.limit;
  if (!Number.isInteger(burst) || burst < rule.limit) throw new Error('rateLimit: burst must be an integer ≥ limit');
  const policy = `${rule.limit};w=${rule.windowSeconds};burst=${burst}`;

  // Limiters are built once per isolate (per Redis client), as @upstash/ratelimit requires
  // for its in-memory cache of blocked clients to work.
  const limiters = new WeakMap<RedisClient, Ratelimit>();
  const limiterFor = (redis: RedisClient, timeoutMs: number) => {
    let limiter = limiters.get(redis);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: redis.raw,
        limiter: Ratelimit.tokenBucket(rule.limit, `${rule.windowSeconds} s`, burst),
        prefix: redis.key('ratelimit', rule.name),
        timeout: timeoutMs,
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

  return {
    async check(c) {
      try {
        const result = await limiterFor(c.var.redis, limiterTimeoutMs(c.env)).limit(await key(c));
        c.executionCtx.waitUntil(result.pending.catch(() => {}));
        if (result.reason === 'timeout') return { unavailable: new Error('rate limit check timed out') };
        return { counted: result };
      } catch (err) {
        return { unavailable: err };
      }
    },

    enforce(c, outcome) {
      if ('unavailable' in outcome) return unavailable(c, outcome.unavailable);
      const result = outcome.counted;
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
          details: { limit: rule.limit, burst, windowSeconds: rule.windowSeconds, retryAfterSeconds: resetSeconds },
        });
      }
      if (reportHeaders) for (const [name, value] of Object.entries(headers)) c.header(name, value);
    },
  };
}

/**
 * Middleware that spends an allowance under every rule given, asking Redis for all of them
 * at once (one round trip's wait, not one per rule), then enforcing them in order: the
 * first rule that refuses answers the request.
 */
export function rateLimits(...limiters: RateLimiter[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const checked = await Promise.all(limiters.map(async (limiter) => ({ limiter, outcome: await limiter.check(c) })));
    for (const { limiter, outcome } of checked) limiter.enforce(c, outcome);
    return next();
  });
}

/** Middleware for one rule. */
export function rateLimit(rule: RateLimitRule, options: RateLimitOptions = {}) {
  return rateLimits(rateLimiter(rule, options));
}
