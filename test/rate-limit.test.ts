/**
 * The operations spec's limits through the real Worker and Redis: 10 req/s per client IP
 * for the API and 5 req/s for /api/auth/*, each with a burst of twice that (a token
 * bucket), RateLimit-* headers, and 429 + Retry-After.
 */
import { createHash } from 'node:crypto';
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

/** A bucket refills once a second; a burst's exact counts hold only if Redis saw all of it within that second. */
const REFILL_MS = 1000;
const ATTEMPTS = 5;

/** The limiter's key for a session: a digest, as keys never hold a token (worker/middleware/api-limits.ts). */
const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 32);

/**
 * Makes `bucket` (e.g. `api:ip:…`) hold `tokens`, with its refill clock a minute ahead so
 * no refill lands during the test: exact counts for bursts too big to be sure of answering
 * within one second on a busy machine.
 */
async function holdBucket(bucket: string, tokens: number): Promise<void> {
  const { redis, prefix } = stackRedis();
  const key = `${prefix}ratelimit:${bucket}`;
  await redis.hset(key, { refilledAt: Date.now() + 60_000, tokens });
  await redis.pexpire(key, 120_000);
}

/**
 * Sends `count` requests at once from a fresh address, and returns the answers once Redis
 * saw them all within one refill window. On a loaded machine a burst can take over a
 * second; a refill then lands mid-burst and shifts every count, which says nothing about
 * the limiter. Such a burst is sent again from a new address; only one answered in time is
 * checked, and five slow ones in a row fail the test, saying so. (Each check reads the
 * Worker's clock after its request arrived and before its answer left, so a burst answered
 * within the window was counted within it.)
 */
async function burstInOneWindow(path: string, count: number, init: RequestInit = {}) {
  const took: number[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const ip = freshClientIp();
    const startedAt = Date.now();
    const responses = await burst(path, count, ip, init);
    const elapsed = Date.now() - startedAt;
    if (elapsed < REFILL_MS - 100) return { ip, responses };
    took.push(elapsed);
  }
  throw new Error(`no burst was answered within one refill window in ${ATTEMPTS} tries (${took.join(', ')} ms)`);
}

describe('API limit: 10 requests per second per client IP, bursts of 20', () => {
  it('lets a burst of 20 through at once, with RateLimit headers counting down', async () => {
    const { responses } = await burstInOneWindow('/api/version', 20);
    expect(statuses(responses)).toEqual(Array(20).fill(200));
    for (const res of responses) {
      expect(res.headers.get('ratelimit-limit')).toBe('20');
      expect(res.headers.get('ratelimit-policy')).toBe('10;w=1;burst=20');
      expect(Number(res.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
    }
    expect(remainingOf(responses)).toEqual(counted20);
  });

  it('answers 429 with Retry-After to the requests above the burst', async () => {
    const { responses } = await burstInOneWindow('/api/version', 25);
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
    const { ip, responses: first } = await burstInOneWindow('/api/version', 22);
    expect(count(first, 429)).toBe(2);
    // 1.1 s after the bucket was made (its clock, read back from Redis) it holds one
    // second's refill, 10, not the whole burst of 20.
    const { redis, prefix } = stackRedis();
    const refilledAt = Number(await redis.hget(`${prefix}ratelimit:api:ip:${ip}`, 'refilledAt'));
    expect(refilledAt).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, refilledAt + 1100 - Date.now())));
    const after = await api('/api/version', { ip });
    expect(after.status).toBe(200);
    expect(after.headers.get('ratelimit-remaining')).toBe('9');
  });
});

describe('auth limit: 5 requests per second per client IP, bursts of 10', () => {
  it('limits /api/auth/* at a burst of 10, separately from the API limit', async () => {
    const { ip, responses } = await burstInOneWindow('/api/auth/login', 13, { method: 'POST' });
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
  }, 60_000);
});

describe('signed-in learners behind one address (a classroom)', () => {
  it('counts each session on its own, and apart from the address’s anonymous requests', async () => {
    const school = freshClientIp();
    const [ada, bo] = await Promise.all([signUp(), signUp()]);
    // Sixty requests at once can take over a second through the stand-in Redis on a busy
    // machine, and a refill landing mid-burst would shift the counts: the buckets the
    // policy should use are made full and held still. A request counted in any other
    // bucket (a shared one, say) meets a fresh bucket of 20, and 20 of these 40 are refused.
    await Promise.all([
      holdBucket(`api:session:${tokenDigest(ada.token)}`, 20),
      holdBucket(`api:session:${tokenDigest(bo.token)}`, 20),
      holdBucket(`api:ip:${school}`, 20),
      holdBucket(`network:${school}`, 200),
    ]);
    const [adaBurst, boBurst, anonymous] = await Promise.all([
      // A cheap route: the limiter counts a session before any route reads it.
      burst('/api/version', 20, school, bearer(ada.token)),
      burst('/api/version', 20, school, bearer(bo.token)),
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
    await holdBucket(`network:${ip}`, 200);
    await burst('/api/version', 30, ip, bearer(`made-up-${ip}`));
    const ceiling = `${prefix}ratelimit:network:${ip}`;
    expect(Number(await redis.hget(ceiling, 'tokens'))).toBe(170);

    // Spent (as thirty learners opening their dashboards at once would spend it): made-up
    // tokens buy nothing more, while the address's anonymous allowance and other addresses
    // are untouched.
    await holdBucket(`network:${ip}`, 0);
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
