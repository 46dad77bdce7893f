/**
 * The operations spec's limits through the real Worker and Redis: 10 req/s per client IP
 * for the API and 5 req/s for /api/auth/*, each with a burst of twice that (a token
 * bucket), RateLimit-* headers, and 429 + Retry-After.
 */
import createClient from 'openapi-fetch';
import { describe, expect, inject, it } from 'vitest';
import { rateLimitWait } from '../frontend/src/api/client.ts';
import type { paths } from '../frontend/src/api/schema';
import { signUp, type TestAccount } from './support/accounts.ts';
import { api, freshClientIp, type ErrorBodyShape } from './support/http.ts';
import { stackRedis } from './support/redis.ts';

function burst(path: string, count: number, ip: string, init: RequestInit = {}): Promise<Response[]> {
  return Promise.all(Array.from({ length: count }, () => api(path, { ...init, ip })));
}

const bearer = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

const statuses = (responses: Response[]) => responses.map((r) => r.status);
const count = (responses: Response[], status: number) => responses.filter((r) => r.status === status).length;

/**
 * Each answer's RateLimit-Remaining, lowest first. One without the header was let through
 * uncounted (the limiter gave up waiting for Redis), which must fail as that, not as a zero.
 */
const remainingOf = (responses: Response[]) =>
  responses
    .map((r) => r.headers.get('ratelimit-remaining'))
    .map((header) => (header === null ? 'uncounted' : Number(header)))
    .sort((x, y) => Number(x) - Number(y));
const counted20 = Array.from({ length: 20 }, (_, i) => i);

describe('API limit: 10 requests per second per client IP, bursts of 20', () => {
  it('lets a burst of 20 through at once, with RateLimit headers counting down', async () => {
    const responses = await burst('/api/version', 20, freshClientIp());
    expect(statuses(responses)).toEqual(Array(20).fill(200));
    for (const res of responses) {
      expect(res.headers.get('ratelimit-limit')).toBe('20');
      expect(res.headers.get('ratelimit-policy')).toBe('10;w=1;burst=20');
      expect(Number(res.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    }
    expect(remainingOf(responses)).toEqual(counted20);
  });

  it('answers 429 with Retry-After to the requests above the burst', async () => {
    const responses = await burst('/api/version', 25, freshClientIp());
    const limited = responses.filter((r) => r.status === 429);
    expect(count(responses, 200)).toBe(20);
    expect(limited).toHaveLength(5);
    for (const res of limited) {
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(2);
      expect(res.headers.get('ratelimit-remaining')).toBe('0');
      const { error } = (await res.json()) as ErrorBodyShape;
      expect(error.code).toBe('rate_limited');
      expect(error.message).toMatch(/try again in \d+ s/);
      expect(error.details).toMatchObject({ limit: 10, burst: 20, windowSeconds: 1 });
      expect(error.requestId).toBe(res.headers.get('x-request-id'));
    }
  });

  it('counts each client IP on its own', async () => {
    const busy = freshClientIp();
    await burst('/api/version', 22, busy);
    const other = await api('/api/version', { ip: freshClientIp() });
    expect(other.status).toBe(200);
  });

  it('refills 10 a second once the burst is spent, not the whole burst', async () => {
    const ip = freshClientIp();
    const first = await burst('/api/version', 22, ip);
    expect(count(first, 429)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // One second later the bucket holds one second's refill, 10 — not the whole burst of 20.
    const after = await api('/api/version', { ip });
    expect(after.status).toBe(200);
    expect(after.headers.get('ratelimit-remaining')).toBe('9');
  });
});

describe('auth limit: 5 requests per second per client IP, bursts of 10', () => {
  it('limits /api/auth/* at a burst of 10, separately from the API limit', async () => {
    const ip = freshClientIp();
    const responses = await burst('/api/auth/login', 13, ip, { method: 'POST' });
    expect(count(responses, 429)).toBe(3);
    expect(responses.find((r) => r.status !== 429)?.headers.get('ratelimit-policy')).toBe('5;w=1;burst=10');
    // The same client still has its API allowance.
    expect((await api('/api/version', { ip })).status).toBe(200);
  });
});

describe('a class signing in at once from one address, through the app’s own client', () => {
  it('gets thirty sign-ins in: each refusal is waited out and sent again, not shown', async () => {
    // Six pupils on five devices each: thirty sign-ins against a burst of 10 and 5 a second.
    const pupils = await Promise.all(Array.from({ length: 6 }, () => signUp()));
    const signIns = pupils.flatMap((pupil) => Array<TestAccount>(5).fill(pupil));
    const school = freshClientIp();
    const client = createClient<paths>({ baseUrl: inject('stack').workerUrl, headers: { 'cf-connecting-ip': school } });
    client.use(rateLimitWait);
    const answers = await Promise.all(
      signIns.map((pupil) =>
        client.POST('/api/auth/login', { body: { email: pupil.email, password: pupil.password } }),
      ),
    );
    expect(answers.map((answer) => answer.response.status)).toEqual(Array(30).fill(200));
    expect(answers.map((answer) => answer.data?.user.id)).toEqual(signIns.map((pupil) => pupil.userId));
  }, 30_000);
});

describe('signed-in learners behind one address (a classroom)', () => {
  it('counts each session on its own, and apart from the address’s anonymous requests', async () => {
    const school = freshClientIp();
    const [ada, bo] = await Promise.all([signUp(), signUp()]);
    const [adaBurst, boBurst, anonymous] = await Promise.all([
      burst('/api/me', 20, school, bearer(ada.token)),
      burst('/api/me', 20, school, bearer(bo.token)),
      burst('/api/version', 20, school),
    ]);
    // Sixty requests from one address, all answered, each client counting down its own 20.
    for (const responses of [adaBurst, boBurst, anonymous]) {
      expect(statuses(responses)).toEqual(Array(20).fill(200));
      expect(remainingOf(responses)).toEqual(counted20);
      expect(responses[0]?.headers.get('ratelimit-policy')).toBe('10;w=1;burst=20');
    }
  });

  it('makes every token from an address spend that address’s ceiling, 200 at once', async () => {
    const { redis, prefix } = stackRedis();
    const ip = freshClientIp();
    const ceiling = `${prefix}ratelimit:network:${ip}`;
    await burst('/api/version', 30, ip, bearer(`made-up-${ip}`));
    expect(Number(await redis.hget(ceiling, 'tokens'))).toBe(170);

    // Spent (as thirty learners opening their dashboards at once would spend it): made-up
    // tokens buy nothing more, while the address's anonymous allowance and other addresses
    // are untouched.
    await redis.hset(ceiling, { refilledAt: Date.now(), tokens: 0 });
    for (const token of [`made-up-${ip}`, `another-${ip}`]) {
      const refused = await api('/api/version', { ip, ...bearer(token) });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('ratelimit-policy')).toBe('100;w=1;burst=200');
      expect(((await refused.json()) as ErrorBodyShape).error.details).toMatchObject({ limit: 100, burst: 200 });
    }
    expect((await api('/api/version', { ip })).status).toBe(200);
    expect((await api('/api/version', { ip: freshClientIp(), ...bearer(`elsewhere-${ip}`) })).status).toBe(200);
  });
});
