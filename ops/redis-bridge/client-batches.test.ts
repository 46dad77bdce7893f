/**
 * The official @upstash/redis client, unchanged, against the bridge on both backends:
 * pipelines, transactions, auto-pipelining, scripts, and how failures reach the caller.
 */
import { createHash } from 'node:crypto';
import { Redis } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TOKEN, VARIANTS, countPrefix, startFixture, suiteName, type Fixture } from './test-support.ts';

for (const variant of VARIANTS) {
  describe.skipIf(variant.skipReason !== undefined)(
    suiteName('@upstash/redis client: batches, scripts, failures', variant),
    () => {
      let f: Fixture;
      let redis: Redis;
      let k: (name: string) => string;
      beforeAll(async () => {
        f = await startFixture(variant);
        redis = f.redis;
        k = f.key;
      });
      afterAll(async () => {
        await f?.close();
        if (variant.redisUrl && f) expect(await countPrefix(variant.redisUrl, f.prefix)).toBe(0);
      });

      test('pipeline(): results in order, a failing command rejects exec', async () => {
        const p = redis.pipeline();
        p.set(k('p'), 1).incr(k('p')).get(k('p')).hset(k('ph'), { f: 'v' }).hgetall(k('ph'));
        expect(await p.exec()).toEqual(['OK', 2, 2, 1, { f: 'v' }]);
        const failing = redis.pipeline().set(k('pw'), 'text').incr(k('pw')).get(k('pw'));
        await expect(failing.exec()).rejects.toThrow(/Command 2 \[ incr \] failed: ERR value is not an integer/);
        const kept = await redis.pipeline().set(k('pw'), 'text').incr(k('pw')).get(k('pw')).exec({ keepErrors: true });
        expect(kept.map((r) => r.error ?? null)).toEqual([null, 'ERR value is not an integer or out of range', null]);
        expect(kept[2]?.result).toBe('text');
      });

      test('multi(): atomic transaction with per-command results', async () => {
        const tx = redis.multi();
        tx.set(k('tx'), 10).incrby(k('tx'), 5).decr(k('tx')).get(k('tx'));
        expect(await tx.exec()).toEqual(['OK', 15, 14, 14]);
        const withError = await redis
          .multi()
          .set(k('tx2'), 'a')
          .hget(k('tx2'), 'f')
          .get(k('tx2'))
          .exec({ keepErrors: true });
        expect(withError[1]?.error).toMatch(/^WRONGTYPE/);
        expect(withError[2]?.result).toBe('a');
      });

      test('auto-pipelining batches same-tick commands into one request', async () => {
        const proxy = redis as Redis & { pipelineCounter: number };
        const before = proxy.pipelineCounter;
        const results = await Promise.all([redis.incr(k('auto')), redis.incr(k('auto')), redis.incr(k('auto'))]);
        expect(results).toEqual([1, 2, 3]);
        expect(proxy.pipelineCounter).toBe(before + 1);
      });

      test('scripts: EVAL, SCRIPT LOAD/EXISTS, EVALSHA and NOSCRIPT', async () => {
        const script =
          '#!lua flags=allow-key-locking\nlocal v = redis.call("INCRBY", KEYS[1], ARGV[1])\nreturn {v, redis.call("GET", KEYS[1]), false, 2.9}';
        expect(await redis.eval(script, [k('lua')], [5])).toEqual([5, 5, null, 2]);
        const sha = createHash('sha1').update(script).digest('hex');
        expect(await redis.scriptExists(sha)).toEqual([1]);
        // The client's own SHA works for EVALSHA even though real Redis needed the flag removed.
        expect(await redis.evalsha(sha, [k('lua')], [1])).toEqual([6, 6, null, 2]);
        const flagged = '#!lua flags=allow-key-locking,no-writes\nreturn ARGV[1]';
        const flaggedSha = await redis.scriptLoad(flagged);
        expect(flaggedSha).toBe(createHash('sha1').update(flagged).digest('hex'));
        expect(await redis.evalsha(flaggedSha, [], ['ro'])).toBe('ro');
        const loaded = await redis.scriptLoad('return {KEYS[1], ARGV[1], redis.call("EXISTS", KEYS[1])}');
        expect(loaded).toMatch(/^[0-9a-f]{40}$/);
        expect(await redis.evalsha(loaded, [k('lua')], ['arg'])).toEqual([k('lua'), 'arg', 1]);
        await expect(redis.evalsha('0'.repeat(40), [], [])).rejects.toThrow(/NOSCRIPT/);
        await expect(redis.eval('return redis.call("INCR", KEYS[1])', [k('h-lua')], [])).resolves.toBe(1);
        await redis.hset(k('h-lua2'), { f: 1 });
        await expect(redis.eval('return redis.call("INCR", KEYS[1])', [k('h-lua2')], [])).rejects.toThrow(/WRONGTYPE/);
        await expect(redis.eval('return redis.error_reply("MYERR custom")', [], [])).rejects.toThrow(/MYERR custom/);
      });

      test('a wrong token makes the client throw Unauthorized', async () => {
        const bad = new Redis({ url: f.bridge.url, token: `${TOKEN}-wrong`, retry: false, enableTelemetry: false });
        await expect(bad.get(k('s'))).rejects.toThrow(/Unauthorized/);
      });

      test('setUnavailable makes every call throw, and recovery is immediate', async () => {
        f.bridge.setUnavailable(true);
        try {
          await expect(redis.get(k('s'))).rejects.toThrow(/unavailable/);
          await expect(redis.pipeline().get(k('s')).exec()).rejects.toThrow(/unavailable/);
        } finally {
          f.bridge.setUnavailable(false);
        }
        expect(await redis.ping()).toBe('PONG');
      });
    },
  );
}
