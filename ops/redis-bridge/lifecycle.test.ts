/**
 * Bridge lifecycle: start-up failures with clear messages, logging, isolation between
 * embedded instances, close(), and behaviour when a real Redis connection drops.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { describe, expect, test } from 'vitest';
import { startRedisBridge } from './index.ts';
import { REAL_REDIS, TOKEN, sleep, suiteName } from './test-support.ts';
describe('startRedisBridge', () => {
  test('a port in use is rejected with a message naming the port', async () => {
    const first = await startRedisBridge({ port: 0, token: TOKEN });
    try {
      await expect(startRedisBridge({ port: first.port, token: TOKEN })).rejects.toThrow(
        `Upstash REST bridge: port ${first.port} is already in use. Stop whatever uses it, or set REDIS_BRIDGE_PORT to another port.`,
      );
    } finally {
      await first.close();
    }
  });

  test('an unreachable REDIS_URL is rejected with a message naming it', async () => {
    await expect(
      startRedisBridge({ port: 0, token: TOKEN, redisUrl: 'redis://:secret@127.0.0.1:1/0' }),
    ).rejects.toThrow(/cannot connect to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1\/0/);
  });

  test('an empty token is refused', async () => {
    await expect(startRedisBridge({ port: 0, token: '' })).rejects.toThrow(/token is required/);
  });

  test('logs one line on start and close() is idempotent', async () => {
    const lines: string[] = [];
    const bridge = await startRedisBridge({ port: 0, token: TOKEN, log: (line) => lines.push(line) });
    expect(lines).toEqual([`redis-bridge listening on ${bridge.url} (backend: memory)`]);
    await Promise.all([bridge.close(), bridge.close()]);
    await expect(fetch(`${bridge.url}/health`)).rejects.toThrow();
  });

  test('memory bridges do not share data', async () => {
    const a = await startRedisBridge({ port: 0, token: TOKEN });
    const b = await startRedisBridge({ port: 0, token: TOKEN });
    try {
      const post = (url: string, cmd: unknown[]) =>
        fetch(url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(cmd) }).then(
          (r) => r.json(),
        );
      await post(a.url, ['SET', 'shared-name', 'a']);
      expect(await post(b.url, ['GET', 'shared-name'])).toEqual({ result: null });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

/** A TCP pass-through to the real Redis that a test can cut and restore, to fake an outage. */
async function startCuttableProxy(target: URL): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `redis://127.0.0.1:${port}${target.pathname}`,
    cut: () => sockets.forEach((s) => s.destroy()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(REAL_REDIS.skipReason !== undefined)(suiteName('real Redis connection loss', REAL_REDIS), () => {
  test('commands answer 503 while the connection is down, one log line each way, then recover', async () => {
    const proxy = await startCuttableProxy(new URL(REAL_REDIS.redisUrl ?? ''));
    const lines: string[] = [];
    const bridge = await startRedisBridge({
      port: 0,
      token: TOKEN,
      redisUrl: proxy.url,
      log: (line) => lines.push(line),
    });
    const post = async (cmd: unknown[]) => {
      const res = await fetch(`${bridge.url}/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(cmd),
      });
      return { status: res.status, json: (await res.json()) as unknown };
    };
    try {
      expect(await post(['PING'])).toEqual({ status: 200, json: { result: 'PONG' } });
      proxy.cut();
      await sleep(50);
      expect(await post(['PING'])).toEqual({
        status: 503,
        json: { error: expect.stringMatching(/^ERR redis backend unavailable/) },
      });
      expect((await fetch(`${bridge.url}/health`)).status).toBe(503);
      // ioredis reconnects on its own (the proxy still accepts connections).
      let recovered = false;
      for (let i = 0; i < 40 && !recovered; i++) {
        await sleep(100);
        recovered = (await post(['PING'])).status === 200;
      }
      expect(recovered).toBe(true);
      expect((await fetch(`${bridge.url}/health`)).status).toBe(200);
      expect(lines.filter((l) => l.includes('redis backend error'))).toHaveLength(1);
      expect(lines.filter((l) => l.includes('redis backend reconnected'))).toHaveLength(1);
    } finally {
      await bridge.close();
      await proxy.close();
    }
  });
});
