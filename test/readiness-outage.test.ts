/**
 * Readiness when a dependency goes away and comes back. This suite runs its own Worker
 * whose Postgres traffic passes through a relay the test can cut, and whose Redis bridge
 * the test can switch off — the shared Worker stays untouched.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { postgresTarget } from '../ops/stack/local-stack.ts';
import { startRedisBridge, type RedisBridge } from '../ops/redis-bridge/index.ts';
import { startWorkerRuntime, type WorkerRuntime } from '../ops/stack/worker-runtime.ts';
import { startWsProxy, type WsProxy } from '../ops/ws-proxy/ws-proxy.ts';
import { api, type ErrorBodyShape } from './support/http.ts';
import { startTcpRelay, type TcpRelay } from './support/tcp-relay.ts';

type Checks = Record<'postgres' | 'redis', { status: 'up' | 'down'; latencyMs: number; error?: string }>;

let relay: TcpRelay;
let proxy: WsProxy;
let bridge: RedisBridge;
let worker: WorkerRuntime;
let base: string;

beforeAll(async () => {
  const stack = inject('stack');
  relay = await startTcpRelay(postgresTarget(stack.databaseUrl));
  const relayedUrl = new URL(stack.databaseUrl);
  relayedUrl.hostname = '127.0.0.1';
  relayedUrl.port = String(relay.port);
  proxy = await startWsProxy({ port: 0, allowedTargets: [`127.0.0.1:${relay.port}`, '127.0.0.1:1'] });
  bridge = await startRedisBridge({ port: 0, token: 'outage-token' });
  worker = await startWorkerRuntime({
    bundlePath: stack.bundlePath,
    bindings: {
      ...stack.workerBindings,
      DATABASE_URL: relayedUrl.toString(),
      NEON_WS_PROXY: proxy.address,
      UPSTASH_REDIS_REST_URL: bridge.url,
      UPSTASH_REDIS_REST_TOKEN: 'outage-token',
    },
  });
  base = worker.url.toString();
});

afterAll(async () => {
  await worker?.close();
  await bridge?.close();
  await proxy?.close();
  await relay?.close();
});

async function readiness(): Promise<{ status: number; body: unknown }> {
  const res = await api('/api/health/ready', { base });
  return { status: res.status, body: await res.json() };
}

describe('readiness through an outage', () => {
  it('goes 503 naming Postgres when it stops answering, and back to 200 when it returns', async () => {
    expect((await readiness()).status).toBe(200);

    await relay.stop();
    const down = await readiness();
    expect(down.status).toBe(503);
    const { error } = down.body as ErrorBodyShape;
    expect(error.code).toBe('not_ready');
    expect(error.message).toMatch(/postgres/i);
    expect(error.message).not.toMatch(/redis/i);
    const checks = (error.details as { checks: Checks }).checks;
    expect(checks.postgres.status).toBe('down');
    expect(checks.postgres.error).toBeTruthy();
    expect(checks.redis.status).toBe('up');

    await relay.resume();
    const back = await readiness();
    expect(back.status).toBe(200);
    expect((back.body as { checks: Checks }).checks.postgres.status).toBe('up');
  });

  it('goes 503 naming Redis when Redis fails, liveness stays 200, and recovers', async () => {
    bridge.setUnavailable(true);
    try {
      const down = await readiness();
      expect(down.status).toBe(503);
      const { error } = down.body as ErrorBodyShape;
      expect(error.message).toMatch(/redis/i);
      expect((error.details as { checks: Checks }).checks.redis.status).toBe('down');
      expect((error.details as { checks: Checks }).checks.postgres.status).toBe('up');
      expect((await api('/api/health', { base })).status).toBe(200);
    } finally {
      bridge.setUnavailable(false);
    }
    expect((await readiness()).status).toBe(200);
  });

  it('fails open for reads when the rate limiter cannot reach Redis', async () => {
    bridge.setUnavailable(true);
    try {
      const res = await api('/api/version', { base });
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBeNull();
      // Sign-in fails closed instead: an unlimited window would invite credential stuffing.
      const auth = await api('/api/auth/login', { base, method: 'POST' });
      expect(auth.status).toBe(503);
      expect(((await auth.json()) as ErrorBodyShape).error.code).toBe('service_unavailable');
      expect(auth.headers.get('retry-after')).toBe('5');
    } finally {
      bridge.setUnavailable(false);
    }
  });
});

describe('readiness with a DATABASE_URL that points nowhere', () => {
  it('answers 503 naming Postgres', async () => {
    const stack = inject('stack');
    const nowhere = await startWorkerRuntime({
      bundlePath: stack.bundlePath,
      bindings: {
        ...stack.workerBindings,
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
        NEON_WS_PROXY: proxy.address,
      },
    });
    try {
      const res = await api('/api/health/ready', { base: nowhere.url.toString() });
      expect(res.status).toBe(503);
      const { error } = (await res.json()) as ErrorBodyShape;
      expect(error.message).toMatch(/postgres/i);
      expect((error.details as { checks: Checks }).checks.postgres.status).toBe('down');
    } finally {
      await nowhere.close();
    }
  });
});
