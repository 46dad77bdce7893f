/**
 * Shared fixtures for the bridge's test suites: which backends to run against (memory always,
 * real Redis when reachable), a bridge plus official client per suite, and cleanup that only
 * ever deletes the suite's own key prefix on a shared Redis.
 */
import { randomUUID } from 'node:crypto';
import { Redis as IORedis } from 'ioredis';
import { Redis } from '@upstash/redis';
import { startRedisBridge, type RedisBridge } from './index.ts';

export const TOKEN = 'test-token';

export interface Variant {
  label: string;
  redisUrl?: string;
  /** Set when the variant cannot run here; also shown in the suite name. */
  skipReason?: string;
}

async function reachable(url: string): Promise<string | null> {
  const probe = new IORedis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause: unknown;
  probe.on('error', (err: unknown) => (cause ??= err));
  try {
    await probe.connect();
    await probe.ping();
    return null;
  } catch (err) {
    const reason = cause ?? err;
    return reason instanceof Error ? reason.message : String(reason);
  } finally {
    probe.disconnect();
  }
}

async function realRedisVariant(): Promise<Variant> {
  const fromEnv = process.env.REDIS_URL;
  const url = fromEnv || 'redis://127.0.0.1:6379/15';
  const problem = await reachable(url);
  if (problem === null) return { label: 'real redis', redisUrl: url };
  const hint = fromEnv ? 'REDIS_URL is set but unreachable' : 'REDIS_URL is unset and the default is unreachable';
  return { label: 'real redis', redisUrl: url, skipReason: `${hint}: ${url} (${problem})` };
}

export const VARIANTS: Variant[] = [{ label: 'memory' }, await realRedisVariant()];
export const REAL_REDIS: Variant = VARIANTS[1] ?? { label: 'real redis', skipReason: 'not probed' };

export function suiteName(name: string, variant: Variant): string {
  return variant.skipReason
    ? `${name} [${variant.label}: SKIPPED, ${variant.skipReason}]`
    : `${name} [${variant.label}]`;
}

export interface Fixture {
  bridge: RedisBridge;
  /** The official client, configured as the app configures it (no retries). */
  redis: Redis;
  /** Unique per suite and run; every key a test writes must start with it. */
  prefix: string;
  key(name: string): string;
  /** Raw POST to the bridge with the right token, for protocol-level assertions. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: unknown }>;
  close(): Promise<void>;
}

export async function startFixture(variant: Variant): Promise<Fixture> {
  const bridge = await startRedisBridge({ port: 0, token: TOKEN, redisUrl: variant.redisUrl });
  const prefix = `redis-bridge-test:${randomUUID()}:`;
  const redis = new Redis({ url: bridge.url, token: TOKEN, retry: false, enableTelemetry: false });
  return {
    bridge,
    redis,
    prefix,
    key: (name) => `${prefix}${name}`,
    async post(path, body, headers = {}) {
      const res = await fetch(`${bridge.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text === '' ? null : JSON.parse(text) };
    },
    async close() {
      await bridge.close();
      if (variant.redisUrl) await deletePrefix(variant.redisUrl, prefix);
    },
  };
}

/** Deletes this run's keys from a shared Redis; never FLUSHDB, other data may live there. */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const client = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

/** Counts this run's keys on a real Redis (for asserting cleanup and DBSIZE bounds). */
export async function countPrefix(url: string, prefix: string): Promise<number> {
  const client = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    return (await client.keys(`${prefix}*`)).length;
  } finally {
    client.disconnect();
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
