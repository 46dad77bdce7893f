/**
 * The operations spec's limits through the real Worker and Redis: 10 req/s per client IP
 * for the API, 5 req/s for /api/auth/*, with RateLimit-* headers and 429 + Retry-After.
 */
import { describe, expect, it } from 'vitest';
import { api, freshClientIp, type ErrorBodyShape } from './support/http.ts';

/** Waits for the start of a wall-clock second so a burst lands in one limiter window. */
async function atStartOfSecond(): Promise<void> {
  const wait = 1000 - (Date.now() % 1000);
  await new Promise((resolve) => setTimeout(resolve, wait + 10));
}

async function burst(path: string, count: number, ip: string, init: RequestInit = {}): Promise<Response[]> {
  await atStartOfSecond();
  return Promise.all(Array.from({ length: count }, () => api(path, { ...init, ip })));
}

describe('API limit: 10 requests per second per client IP', () => {
  it('lets a burst at the limit through, with RateLimit headers counting down', async () => {
    const responses = await burst('/api/version', 10, freshClientIp());
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const res of responses) {
      expect(res.headers.get('ratelimit-limit')).toBe('10');
      expect(res.headers.get('ratelimit-policy')).toBe('10;w=1');
      expect(Number(res.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    }
    const remaining = responses.map((r) => Number(r.headers.get('ratelimit-remaining'))).sort((a, b) => a - b);
    expect(remaining).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('answers 429 with Retry-After to the requests above the limit', async () => {
    const responses = await burst('/api/version', 15, freshClientIp());
    const limited = responses.filter((r) => r.status === 429);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(10);
    expect(limited).toHaveLength(5);
    for (const res of limited) {
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(2);
      expect(res.headers.get('ratelimit-remaining')).toBe('0');
      const { error } = (await res.json()) as ErrorBodyShape;
      expect(error.code).toBe('rate_limited');
      expect(error.message).toMatch(/try again in \d+ s/);
      expect(error.requestId).toBe(res.headers.get('x-request-id'));
    }
  });

  it('counts each client IP on its own', async () => {
    const busy = freshClientIp();
    await burst('/api/version', 12, busy);
    const other = await api('/api/version', { ip: freshClientIp() });
    expect(other.status).toBe(200);
  });

  it('lets a client through again once its window has passed', async () => {
    const ip = freshClientIp();
    const first = await burst('/api/version', 12, ip);
    expect(first.some((r) => r.status === 429)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await api('/api/version', { ip })).status).toBe(200);
  });
});

describe('auth limit: 5 requests per second per client IP', () => {
  it('limits /api/auth/* at 5, separately from the API limit', async () => {
    const ip = freshClientIp();
    const responses = await burst('/api/auth/login', 8, ip, { method: 'POST' });
    expect(responses.filter((r) => r.status === 429)).toHaveLength(3);
    expect(responses.find((r) => r.status !== 429)?.headers.get('ratelimit-limit')).toBe('5');
    // The same client still has its API allowance.
    expect((await api('/api/version', { ip })).status).toBe(200);
  });
});
