import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env';
import type { Logger } from '../log';
import type { RedisClient } from '../redis/types';
import { handleError } from './error-handler';
import {
  DEFAULT_TIMEOUT_MS,
  limiterTimeoutMs,
  rateLimit,
  rateLimiter,
  rateLimits,
  type RateLimitRule,
} from './rate-limit';

/** A Redis that takes every script and never answers, as one stalled behind a network fault would. */
const stalledRedis = {
  raw: { evalsha: () => new Promise(() => {}), eval: () => new Promise(() => {}) },
  prefix: 't:',
  key: (...parts: string[]) => `t:${parts.join(':')}`,
} as unknown as RedisClient;

/**
 * A Redis that answers token-bucket scripts only once `together` of them are waiting, then
 * all at once, with what `remainingFor` says each key has left (-1: refused). Checks made one
 * after another would each wait alone until the limiter gave up.
 */
function barrierRedis(together: number, remainingFor: (key: string) => number) {
  const waiting: (() => void)[] = [];
  const evalsha = (_hash: string, keys: string[], args: number[]) =>
    new Promise((resolve) => {
      const [key = ''] = keys;
      const [burst = 0, intervalMs = 0] = args;
      waiting.push(() => resolve([remainingFor(key), Date.now() + intervalMs, burst]));
      if (waiting.length === together) for (const answer of waiting.splice(0)) answer();
    });
  return {
    raw: { evalsha },
    prefix: 't:',
    key: (...parts: string[]) => `t:${parts.join(':')}`,
  } as unknown as RedisClient;
}

async function requestThrough(
  rule: RateLimitRule | ReturnType<typeof rateLimits>,
  env: Partial<Env>,
  redis: RedisClient = stalledRedis,
) {
  const warnings: string[] = [];
  const log: Logger = { debug() {}, info() {}, warn: (msg) => warnings.push(msg), error() {} };
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', 'req-1');
    c.set('log', log);
    c.set('redis', redis);
    await next();
  });
  app.use('*', typeof rule === 'function' ? rule : rateLimit(rule));
  app.get('/api/version', (c) => c.json({ ok: true }));
  app.onError(handleError);
  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} };
  const startedAt = Date.now();
  const res = await app.request('/api/version', {}, env, ctx as unknown as ExecutionContext);
  return { res, warnings, waitedMs: Date.now() - startedAt };
}

describe('rateLimit options', () => {
  it('refuses nonsense when the middleware is built, not at request time', () => {
    expect(() => rateLimit({ name: 'api', limit: 0, windowSeconds: 1, whenRedisDown: 'allow' })).toThrow(/limit/);
    expect(() => rateLimit({ name: 'api', limit: 1.5, windowSeconds: 1, whenRedisDown: 'allow' })).toThrow(/limit/);
    expect(() => rateLimit({ name: 'api', limit: 5, windowSeconds: 0, whenRedisDown: 'allow' })).toThrow(
      /windowSeconds/,
    );
    expect(() => rateLimit({ name: 'Bad Name', limit: 5, windowSeconds: 1, whenRedisDown: 'allow' })).toThrow(/name/);
    expect(() => rateLimit({ name: 'api', limit: 5, burst: 4, windowSeconds: 1, whenRedisDown: 'allow' })).toThrow(
      /burst/,
    );
    expect(() => rateLimit({ name: 'api', limit: 5, burst: 7.5, windowSeconds: 1, whenRedisDown: 'allow' })).toThrow(
      /burst/,
    );
    expect(() => rateLimit({ name: 'auth', limit: 5, windowSeconds: 1, whenRedisDown: 'reject' })).not.toThrow();
    expect(() =>
      rateLimit({ name: 'auth', limit: 5, burst: 10, windowSeconds: 1, whenRedisDown: 'reject' }),
    ).not.toThrow();
  });
});

describe('a Redis that does not answer', () => {
  it('waits RATE_LIMIT_TIMEOUT_MS, then fails open for the API: answered, uncounted, warned', async () => {
    const rule: RateLimitRule = { name: 'api', limit: 10, windowSeconds: 1, whenRedisDown: 'allow' };
    const { res, warnings, waitedMs } = await requestThrough(rule, { RATE_LIMIT_TIMEOUT_MS: '50' });
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit-remaining')).toBeNull();
    expect(warnings).toEqual(['rate limiter unavailable']);
    // Waited the configured 50 ms, not the default second.
    expect(waitedMs).toBeGreaterThanOrEqual(45);
    expect(waitedMs).toBeLessThan(DEFAULT_TIMEOUT_MS);
  });

  it('fails closed for sign-in: 503 with Retry-After and the standard error body', async () => {
    const rule: RateLimitRule = { name: 'auth', limit: 5, windowSeconds: 1, whenRedisDown: 'reject' };
    const { res } = await requestThrough(rule, { RATE_LIMIT_TIMEOUT_MS: '50' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ error: { code: 'service_unavailable', requestId: 'req-1' } });
  });

  it('waits 1 s unless configured, and ignores a wait that is not a positive whole number', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(1000);
    expect(limiterTimeoutMs({})).toBe(1000);
    expect(limiterTimeoutMs({ RATE_LIMIT_TIMEOUT_MS: '5000' })).toBe(5000);
    for (const bad of ['', '0', '-5', '2.5', 'soon'])
      expect(limiterTimeoutMs({ RATE_LIMIT_TIMEOUT_MS: bad })).toBe(1000);
  });
});

describe('several rules on one request', () => {
  const ceiling = rateLimiter(
    { name: 'network', limit: 100, burst: 200, windowSeconds: 1, whenRedisDown: 'allow' },
    { reportHeaders: false },
  );
  const perClient = rateLimiter(
    { name: 'api', limit: 10, burst: 20, windowSeconds: 1, whenRedisDown: 'allow' },
    { key: () => 'session:abc' },
  );
  // Long enough for any machine, short enough that checks made in turn fail the test quickly.
  const env = { RATE_LIMIT_TIMEOUT_MS: '2000' };

  it('asks Redis for all of them at once, and reports the rule that reports headers', async () => {
    const redis = barrierRedis(2, (key) => (key.includes('network') ? 150 : 12));
    const { res, warnings } = await requestThrough(rateLimits(ceiling, perClient), env, redis);
    expect(warnings).toEqual([]);
    expect(res.status).toBe(200);
    expect(res.headers.get('ratelimit-policy')).toBe('10;w=1;burst=20');
    expect(res.headers.get('ratelimit-remaining')).toBe('12');
  });

  it('answers with the first rule that refuses', async () => {
    const redis = barrierRedis(2, () => -1);
    const { res } = await requestThrough(rateLimits(ceiling, perClient), env, redis);
    expect(res.status).toBe(429);
    expect(res.headers.get('ratelimit-policy')).toBe('100;w=1;burst=200');
    const perClientOnly = barrierRedis(2, (key) => (key.includes('network') ? 150 : -1));
    const refused = await requestThrough(rateLimits(ceiling, perClient), env, perClientOnly);
    expect(refused.res.status).toBe(429);
    expect(refused.res.headers.get('ratelimit-policy')).toBe('10;w=1;burst=20');
  });
});
