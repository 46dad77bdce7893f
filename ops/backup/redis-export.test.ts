/**
 * Every Redis key family the Worker writes is classified for backups, and the exported
 * families survive an export and an import (through the Upstash bridge of the test stack).
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from '@upstash/redis';
import { describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../exec.ts';
import { REDIS_KEY_FAMILIES, exportRedis, hashOf, importRedis } from './redis-export.ts';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(REPO_ROOT, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('Redis key families', () => {
  it('names every family the Worker and the Durable Objects write', async () => {
    const families = new Set<string>();
    for (const file of [...(await sourceFiles('worker')), ...(await sourceFiles('durable'))]) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/\.key\(\s*'([^']+)'/g)) families.add(match[1] ?? '');
      for (const match of text.matchAll(/emailKey\([^,]+,\s*'([^']+)'/g)) families.add(match[1] ?? '');
    }
    expect(families.size).toBeGreaterThan(5);
    const classified = REDIS_KEY_FAMILIES.map((family) => family.pattern.split(/[:*]/)[0]);
    const unclassified = [...families].filter((family) => !classified.includes(family));
    expect(unclassified, 'classify these in ops/backup/redis-export.ts (exported, rebuilt or ephemeral)').toEqual([]);
  });

  it('exports hashes and strings with their expiry, and imports them under another prefix without overwriting', async () => {
    const bindings = inject('stack').workerBindings;
    const url = bindings.UPSTASH_REDIS_REST_URL ?? '';
    const token = bindings.UPSTASH_REDIS_REST_TOKEN ?? '';
    const prefix = `${bindings.REDIS_PREFIX}export-${randomUUID().slice(0, 8)}:`;
    const redis = new Redis({ url, token, enableTelemetry: false, automaticDeserialization: false });
    await redis.hset(`${prefix}agents:orchestrator`, { calls: '12', totalMs: '40.5', lastError: '{"x":1}' });
    await redis.set(`${prefix}live:pin:123456`, 'room-1', { ex: 3600 });
    await redis.zadd(`${prefix}lb:all`, { score: 5, member: 'u1' }); // rebuilt from Postgres: not exported
    await redis.set(`${prefix}ratelimit:api:x`, '3'); // ephemeral: not exported

    const data = await exportRedis({ url, token, prefix });
    expect(data.keys.map((k) => k.key).sort()).toEqual(['agents:orchestrator', 'live:pin:123456']);
    const pin = data.keys.find((k) => k.key === 'live:pin:123456');
    expect(pin?.ttlSeconds).toBeGreaterThan(3500);
    expect(data.keys.find((k) => k.key === 'agents:orchestrator')?.value).toEqual({
      calls: '12',
      totalMs: '40.5',
      lastError: '{"x":1}',
    });

    const target = { url, token, prefix: `${prefix}restored:` };
    await redis.set(`${target.prefix}live:pin:123456`, 'room-newer');
    expect(await importRedis(target, data, false)).toEqual({ written: 1, kept: ['live:pin:123456'] });
    expect(hashOf(await redis.hgetall(`${target.prefix}agents:orchestrator`))).toEqual({
      calls: '12',
      totalMs: '40.5',
      lastError: '{"x":1}',
    });
    expect(await redis.get(`${target.prefix}live:pin:123456`)).toBe('room-newer');
    expect(await importRedis(target, data, true)).toEqual({ written: 2, kept: [] });
    expect(await redis.get(`${target.prefix}live:pin:123456`)).toBe('room-1');
    expect(await redis.ttl(`${target.prefix}live:pin:123456`)).toBeGreaterThan(3500);
  });
});
