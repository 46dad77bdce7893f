import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import type { Logger } from '../log';
import type { RedisClient } from '../redis/types';
import { handleError, handleNotFound } from './error-handler';
import { requestMetrics } from './request-metrics';

/** A Redis stand-in that records what one pipeline would send, or fails like an outage. */
function fakeRedis(fail = false) {
  const sent: { command: string; key: string; field?: string }[][] = [];
  const pipeline = () => {
    const commands: { command: string; key: string; field?: string }[] = [];
    const recorder = {
      hincrby: (key: string, field: string) => (commands.push({ command: 'hincrby', key, field }), recorder),
      hincrbyfloat: (key: string, field: string) => (commands.push({ command: 'hincrbyfloat', key, field }), recorder),
      expire: (key: string) => (commands.push({ command: 'expire', key }), recorder),
      exec: () => {
        sent.push(commands);
        return fail ? Promise.reject(new Error('fetch failed')) : Promise.resolve([]);
      },
    };
    return recorder;
  };
  const redis = { raw: { pipeline }, prefix: 't:', key: (...parts: string[]) => `t:${parts.join(':')}` };
  return { redis: redis as unknown as RedisClient, sent };
}

function appWith(redis: RedisClient, warnings: string[]) {
  const log: Logger = { debug() {}, info() {}, warn: (msg) => warnings.push(msg), error() {} };
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('startedAt', Date.now());
    c.set('log', log);
    c.set('redis', redis);
    await next();
  });
  app.use('*', requestMetrics());
  app.use('/api/*', async (c, next) => {
    if (c.req.header('x-over-limit')) throw new ApiError('rate_limited', 'Too many requests.');
    await next();
  });
  app.get('/api/items/:id', (c) => c.json({ id: c.req.param('id') }));
  app.get('/api/boom', () => {
    throw new Error('bug');
  });
  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}

async function send(app: Hono<AppEnv>, path: string, headers: Record<string, string> = {}) {
  const pending: Promise<unknown>[] = [];
  const ctx = { waitUntil: (work: Promise<unknown>) => pending.push(work), passThroughOnException() {}, props: {} };
  const res = await app.request(path, { headers }, {}, ctx as unknown as ExecutionContext);
  await Promise.allSettled(pending);
  return res;
}

const requestField = (sent: ReturnType<typeof fakeRedis>['sent']) =>
  sent.flat().find((command) => command.field?.startsWith('requests\t'))?.field;

describe('requestMetrics', () => {
  it('records each request once, in one pipeline, under its route pattern rather than its path', async () => {
    const { redis, sent } = fakeRedis();
    const res = await send(appWith(redis, []), '/api/items/4f1c');
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(requestField(sent)).toBe('requests\tGET\t/api/items/:id\t200');
    expect(JSON.stringify(sent)).not.toContain('4f1c');
    expect(
      sent[0]?.some((command) => command.command === 'expire' && command.key.startsWith('t:metrics:minute:')),
    ).toBe(true);
  });

  it('labels a request no route matched as unmatched, and still counts errors and 429s', async () => {
    const unmatched = fakeRedis();
    expect((await send(appWith(unmatched.redis, []), '/api/no/such/thing')).status).toBe(404);
    expect(requestField(unmatched.sent)).toBe('requests\tGET\tunmatched\t404');

    const limited = fakeRedis();
    expect((await send(appWith(limited.redis, []), '/api/items/1', { 'x-over-limit': '1' })).status).toBe(429);
    expect(requestField(limited.sent)).toBe('requests\tGET\t/api/items/:id\t429');
    expect(limited.sent.flat().map((command) => command.field)).toContain('rate_limited');

    const failing = fakeRedis();
    expect((await send(appWith(failing.redis, []), '/api/boom')).status).toBe(500);
    expect(failing.sent.flat().map((command) => command.field)).toContain('errors');
  });

  it('never fails the request when Redis cannot be reached: it logs a warning', async () => {
    const { redis } = fakeRedis(true);
    const warnings: string[] = [];
    const res = await send(appWith(redis, warnings), '/api/items/1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: '1' });
    expect(warnings).toEqual(['request metrics not recorded']);
  });

  it('never fails the request when there is no execution context to wait on', async () => {
    const { redis } = fakeRedis();
    const warnings: string[] = [];
    const res = await appWith(redis, warnings).request('/api/items/1');
    expect(res.status).toBe(200);
    expect(warnings).toEqual(['request metrics not recorded']);
  });
});
