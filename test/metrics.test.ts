/**
 * Request metrics through the real HTTP surface: requests are counted in Redis, the
 * Prometheus scrape shows them (parsed here as a scraper would) moved by exactly what was
 * sent, the scrape needs the metrics token, and the admin's system view shows the last
 * hour. Runs its own Worker with a METRICS_TOKEN (the shared one has none, so it answers
 * 503), on the run's database and Redis.
 */
import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedPack } from '../ops/content/seed.ts';
import { startWorkerRuntime, type WorkerRuntime } from '../ops/stack/worker-runtime.ts';
import { CourseSchema, ItemSchema, LessonSchema } from '../worker/curriculum/pack-schema.ts';
import * as schema from '../worker/db/schema/index.ts';
import { accountWithRole, type Role } from './support/accounts.ts';
import { useTestDatabase } from './support/db.ts';
import { api, callAt, freshClientIp, jsonOf, type ErrorBodyShape } from './support/http.ts';

const TOKEN = `metrics-${randomUUID()}`;
const COURSE = 'metrics-test';
const database = useTestDatabase();
let worker: WorkerRuntime;

beforeAll(async () => {
  await seedPack(drizzle({ client: database.client(), schema }), {
    course: CourseSchema.parse({
      slug: COURSE,
      title: 'Metrics Test Course',
      summary: 'Items to answer while counting.',
      language: 'jac',
      languageVersion: '0.8',
      concepts: [{ id: 'basics', title: 'Basics', summary: 'The only concept.' }],
    }),
    lessons: [LessonSchema.parse({ id: 'intro', concept: 'basics', title: 'Intro', minutes: 5, body: 'Read me.' })],
    items: [1, 2].map((n) =>
      ItemSchema.parse({
        id: `mc${n}`,
        concept: 'basics',
        difficulty: 'easy',
        type: 'multiple-choice',
        prompt: `Question ${n}?`,
        explanation: `Because ${n}.`,
        options: [
          { id: 'right', text: 'Right', correct: true },
          { id: 'wrong', text: 'Wrong' },
        ],
      }),
    ),
  });
  const stack = inject('stack');
  worker = await startWorkerRuntime({
    bundlePath: stack.bundlePath,
    bindings: { ...stack.workerBindings, METRICS_TOKEN: TOKEN },
  });
});

afterAll(async () => {
  await worker?.close();
});

const call = (token: string | null, method: string, path: string, body?: unknown) =>
  callAt(worker.url, token, method, path, body);

/** An account made through this suite's own Worker (a learner unless a role is given). */
const signUp = (role: Role = 'learner') => accountWithRole(role, { base: worker.url.href, timeZone: 'UTC' });

interface Scrape {
  text: string;
  /** Sample value by `name{label="value",…}` with labels sorted; absent series read as 0. */
  value: (name: string, labels?: Record<string, string>) => number;
  types: Map<string, string>;
}

const seriesKey = (name: string, labels: Record<string, string>) =>
  `${name}{${Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, value]) => `${label}=${JSON.stringify(value)}`)
    .join(',')}}`;

/** Parses the text exposition format as a scraper would, refusing any line it cannot read. */
function parseExposition(text: string): Scrape {
  const samples = new Map<string, number>();
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type?.[1] && type[2]) {
      types.set(type[1], type[2]);
      continue;
    }
    if (line.startsWith('# HELP ')) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample?.[1] || !sample[3]) throw new Error(`unparseable line: ${line}`);
    const family = sample[1].replace(/_(bucket|sum|count)$/, '');
    if (!types.has(sample[1]) && !types.has(family)) throw new Error(`sample before its TYPE: ${line}`);
    const labels: Record<string, string> = {};
    const labelText = sample[2] ?? '';
    const pattern = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/y;
    let match: RegExpExecArray | null;
    let consumed = 0;
    while ((match = pattern.exec(labelText))) {
      labels[match[1] ?? ''] = (match[2] ?? '').replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      consumed = pattern.lastIndex;
    }
    if (consumed !== labelText.length) throw new Error(`unparseable labels: ${line}`);
    const raw = sample[3];
    samples.set(seriesKey(sample[1], labels), raw === '+Inf' ? Infinity : Number(raw));
  }
  return { text, types, value: (name, labels = {}) => samples.get(seriesKey(name, labels)) ?? 0 };
}

async function scrape(base = worker.url): Promise<Scrape> {
  const res = await fetch(new URL('/api/metrics', base), {
    headers: { authorization: `Bearer ${TOKEN}`, 'cf-connecting-ip': freshClientIp() },
  });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(text);
}

/** Metrics are written after the response: scrape until `settled` holds (or fail after 10 s). */
async function scrapeUntil(settled: (scrape: Scrape) => boolean): Promise<Scrape> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const current = await scrape();
    if (settled(current) || Date.now() > deadline) return current;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const requests = (scrape: Scrape, method: string, route: string, status: number) =>
  scrape.value('http_requests_total', { method, route, status: String(status) });

describe('GET /api/metrics', () => {
  it('happy: counts requests by method, route pattern and status, and their durations, by exactly what was sent', async () => {
    const before = await scrape();
    for (let i = 0; i < 3; i++) expect((await call(null, 'GET', '/api/version')).status).toBe(200);
    expect((await call(null, 'GET', `/api/courses/no-such-${randomUUID()}`)).status).toBe(404);
    expect((await call(null, 'GET', `/api/nothing/${randomUUID()}`)).status).toBe(404);
    expect((await call(null, 'GET', `/api/nothing/${randomUUID()}`)).status).toBe(404);

    const expected = (scrape: Scrape) =>
      requests(scrape, 'GET', '/api/version', 200) - requests(before, 'GET', '/api/version', 200) === 3 &&
      requests(scrape, 'GET', 'unmatched', 404) - requests(before, 'GET', 'unmatched', 404) === 2 &&
      requests(scrape, 'GET', '/api/courses/:course', 404) - requests(before, 'GET', '/api/courses/:course', 404) === 1;
    const after = await scrapeUntil(expected);
    expect(expected(after), after.text).toBe(true);
    // Raw paths never become labels.
    expect(after.text).not.toContain('no-such-');
    expect(after.text).not.toContain('/api/nothing/');

    const version = { method: 'GET', route: '/api/version' };
    const count = (s: Scrape) => s.value('http_request_duration_seconds_count', version);
    expect(count(after) - count(before)).toBe(3);
    expect(after.value('http_request_duration_seconds_bucket', { ...version, le: '+Inf' })).toBe(count(after));
    expect(after.value('http_request_duration_seconds_sum', version)).toBeGreaterThanOrEqual(0);
    // Buckets are cumulative: never smaller than the one before.
    const bounds = ['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf'];
    const buckets = bounds.map((le) => after.value('http_request_duration_seconds_bucket', { ...version, le }));
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));

    expect(after.types.get('http_requests_total')).toBe('counter');
    expect(after.types.get('http_request_duration_seconds')).toBe('histogram');
    expect(after.types.get('jeseci_active_users')).toBe('gauge');
    expect(after.types.get('jeseci_live_rooms_active')).toBe('gauge');
  });

  it('happy: counts attempts, live rooms, players, rate-limit rejections and the open-room gauge', async () => {
    const instructor = await signUp('instructor');
    const learner = await signUp();
    const before = await scrape();

    const { rows } = await database.query(
      `select i.id from items i join courses c on c.id = i.course_id where c.slug = $1 order by i.slug`,
      [COURSE],
    );
    for (const row of rows as { id: string }[]) {
      const res = await call(learner.token, 'POST', '/api/attempts', {
        itemId: row.id,
        attemptId: randomUUID(),
        response: 'right',
        elapsedMs: 5000,
        hintsUsed: 0,
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const room = await jsonOf<{ pin: string }>(
      await call(instructor.token, 'POST', '/api/live/sessions', { course: COURSE, count: 2 }),
      201,
    );
    for (const nickname of ['Ada', 'Grace', 'Linus']) {
      await jsonOf(await call(null, 'POST', '/api/live/join', { pin: room.pin, nickname }));
    }
    // A nickname taken is refused and is no player.
    expect((await call(null, 'POST', '/api/live/join', { pin: room.pin, nickname: 'ada' })).status).toBe(409);

    // One client over the API's burst of 20: every 429 is counted against the api limiter.
    // (On a busy machine a burst may straddle a refill and all get through; it is sent again.)
    const ip = freshClientIp();
    let refused = 0;
    for (let round = 0; refused === 0 && round < 5; round++) {
      const burst = await Promise.all(
        Array.from({ length: 26 }, () =>
          fetch(new URL('/api/version', worker.url), { headers: { 'cf-connecting-ip': ip } }),
        ),
      );
      refused += burst.filter((res) => res.status === 429).length;
    }
    expect(refused).toBeGreaterThan(0);

    const delta = (s: Scrape, name: string, labels?: Record<string, string>) =>
      s.value(name, labels) - before.value(name, labels);
    const expected = (s: Scrape) =>
      delta(s, 'jeseci_attempts_submitted_total') === rows.length &&
      delta(s, 'jeseci_live_rooms_opened_total') === 1 &&
      delta(s, 'jeseci_live_players_joined_total') === 3 &&
      delta(s, 'jeseci_rate_limited_total', { limiter: 'api' }) === refused;
    const after = await scrapeUntil(expected);
    expect(expected(after), after.text).toBe(true);
    expect(delta(after, 'http_requests_total', { method: 'GET', route: '/api/version', status: '429' })).toBe(refused);
    expect(delta(after, 'jeseci_rate_limited_total', { limiter: 'auth' })).toBe(0);
    expect(after.value('jeseci_live_rooms_active')).toBeGreaterThanOrEqual(1);
    // The learner was seen just now.
    expect(after.value('jeseci_active_users')).toBeGreaterThanOrEqual(1);
    expect(after.types.get('jeseci_agent_calls_total')).toBe('counter');
  });

  it('security: refuses a scrape without the token or with a wrong one (401, standard error body)', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`]) {
      const res = await fetch(new URL('/api/metrics', worker.url), {
        headers: { 'cf-connecting-ip': freshClientIp(), ...(authorization ? { authorization } : {}) },
      });
      const body = await jsonOf<ErrorBodyShape>(res, 401);
      expect(body.error.code).toBe('unauthorized');
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(JSON.stringify(body)).not.toContain('http_requests_total');
    }
  });

  it('security: is off (503) where no METRICS_TOKEN is configured, whatever is presented', async () => {
    const res = await api('/api/metrics', { headers: { authorization: 'Bearer ' } });
    const body = await jsonOf<ErrorBodyShape>(res, 503);
    expect(body.error.code).toBe('service_unavailable');
    expect(body.error.message).toMatch(/METRICS_TOKEN/);
  });
});

describe('GET /api/admin/system', () => {
  interface SystemBody {
    ready: boolean;
    checks: { postgres: { status: string }; redis: { status: string } };
    activeUsers: number | null;
    traffic: {
      minutes: number;
      requests: number;
      errors: number;
      errorRate: number | null;
      rateLimited: number;
      p95Ms: number | null;
      series: { at: string; requests: number; errors: number; rateLimited: number }[];
    } | null;
  }

  it('happy: shows readiness and last hour’s requests, 5xx, 429s and p95 moving with traffic', async () => {
    const admin = await signUp('admin');
    const read = async () => jsonOf<SystemBody>(await call(admin.token, 'GET', '/api/admin/system'));
    const before = await read();
    expect(before).toMatchObject({ ready: true, checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
    expect(before.traffic?.series).toHaveLength(60);

    for (let i = 0; i < 4; i++) expect((await call(null, 'GET', '/api/version')).status).toBe(200);
    expect((await call(null, 'GET', '/api/_test/bug')).status).toBe(500);
    const ip = freshClientIp();
    const burst = await Promise.all(
      Array.from({ length: 25 }, () =>
        fetch(new URL('/api/version', worker.url), { headers: { 'cf-connecting-ip': ip } }),
      ),
    );
    const refused = burst.filter((res) => res.status === 429).length;

    // At least what was sent (other suites' requests may land in the same minutes).
    const moved = (body: SystemBody) =>
      (body.traffic?.requests ?? 0) - (before.traffic?.requests ?? 0) >= 4 + 1 + 14 &&
      (body.traffic?.errors ?? 0) - (before.traffic?.errors ?? 0) >= 1 &&
      (body.traffic?.rateLimited ?? 0) - (before.traffic?.rateLimited ?? 0) >= refused;
    let after = await read();
    for (let tries = 0; !moved(after) && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      after = await read();
    }
    expect(moved(after), JSON.stringify(after.traffic)).toBe(true);
    expect(after.traffic?.p95Ms).toBeGreaterThan(0);
    expect(after.traffic?.errorRate).toBeGreaterThan(0);
    const last = after.traffic?.series.at(-1);
    expect(new Date(last?.at ?? 0).getTime()).toBeGreaterThan(Date.now() - 2 * 60_000);
    expect(after.traffic?.series.reduce((sum, point) => sum + point.requests, 0)).toBe(after.traffic?.requests);
  });

  it('security: is for admins only (401 signed out, 403 for a learner)', async () => {
    expect((await call(null, 'GET', '/api/admin/system')).status).toBe(401);
    const learner = await signUp();
    const body = await jsonOf<ErrorBodyShape>(await call(learner.token, 'GET', '/api/admin/system'), 403);
    expect(body.error.code).toBe('forbidden');
  });
});

describe('when Redis cannot be reached', () => {
  let cut: WorkerRuntime;
  beforeAll(async () => {
    const stack = inject('stack');
    cut = await startWorkerRuntime({
      bundlePath: stack.bundlePath,
      // A port nothing listens on: every Redis call fails fast.
      bindings: { ...stack.workerBindings, METRICS_TOKEN: TOKEN, UPSTASH_REDIS_REST_URL: 'http://127.0.0.1:9' },
    });
  });
  afterAll(async () => {
    await cut?.close();
  });

  it('error: requests still succeed (metrics are never in their way) and the scrape says 503', async () => {
    for (let i = 0; i < 3; i++) expect((await callAt(cut.url, null, 'GET', '/api/version')).status).toBe(200);
    const res = await fetch(new URL('/api/metrics', cut.url), {
      headers: { authorization: `Bearer ${TOKEN}`, 'cf-connecting-ip': freshClientIp() },
    });
    const body = await jsonOf<ErrorBodyShape>(res, 503);
    expect(body.error.message).toMatch(/Redis/);
  });
});
