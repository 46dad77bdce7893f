/**
 * The official @upstash/redis client, unchanged, against the bridge on both backends: the
 * data commands app code uses, with the client's own serialisation and deserialisation.
 */
import type { Redis } from '@upstash/redis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VARIANTS, countPrefix, sleep, startFixture, suiteName, type Fixture } from './test-support.ts';

for (const variant of VARIANTS) {
  describe.skipIf(variant.skipReason !== undefined)(suiteName('@upstash/redis client: data commands', variant), () => {
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

    test('strings: SET options, GET, GETDEL, MSET/MGET, EXISTS, DEL', async () => {
      expect(await redis.set(k('s'), 'hello', { ex: 100 })).toBe('OK');
      expect(await redis.get(k('s'))).toBe('hello');
      expect(await redis.ttl(k('s'))).toBe(100);
      expect(await redis.set(k('s'), 'other', { nx: true })).toBeNull();
      expect(await redis.set(k('s'), 'third', { xx: true, get: true })).toBe('hello');
      expect(await redis.set(k('px'), 'v', { px: 5_000 })).toBe('OK');
      const pttl = await redis.pttl(k('px'));
      expect(pttl).toBeGreaterThan(4_000);
      expect(pttl).toBeLessThanOrEqual(5_000);
      expect(await redis.mset({ [k('m1')]: 'one', [k('m2')]: 'two' })).toBe('OK');
      expect(await redis.mget(k('m1'), k('m2'), k('m3'))).toEqual(['one', 'two', null]);
      expect(await redis.exists(k('m1'), k('m2'), k('m3'))).toBe(2);
      expect(await redis.getdel(k('m1'))).toBe('one');
      expect(await redis.del(k('m2'), k('m3'))).toBe(1);
      expect(await redis.exists(k('m1'), k('m2'))).toBe(0);
      expect(await redis.get(k('never-set'))).toBeNull();
    });

    test('counters and expiry: INCR*, EXPIRE/PEXPIRE with options, TTL/PTTL', async () => {
      expect(await redis.incr(k('n'))).toBe(1);
      expect(await redis.incrby(k('n'), 41)).toBe(42);
      expect(await redis.decr(k('n'))).toBe(41);
      expect(await redis.incrbyfloat(k('f'), 1.5)).toBe(1.5);
      expect(await redis.incrbyfloat(k('f'), 2)).toBe(3.5);
      expect(await redis.ttl(k('n'))).toBe(-1);
      expect(await redis.expire(k('n'), 100)).toBe(1);
      expect(await redis.ttl(k('n'))).toBe(100);
      expect(await redis.expire(k('n'), 50, 'GT')).toBe(0);
      expect(await redis.expire(k('n'), 50, 'LT')).toBe(1);
      expect(await redis.expire(k('n'), 10, 'NX')).toBe(0);
      expect(await redis.pexpire(k('n'), 200_000)).toBe(1);
      expect(await redis.ttl(k('n'))).toBe(200);
      expect(await redis.ttl(k('missing'))).toBe(-2);
      expect(await redis.pttl(k('missing'))).toBe(-2);
      expect(await redis.expire(k('missing'), 10)).toBe(0);
      await redis.set(k('word'), 'abc');
      await expect(redis.incr(k('word'))).rejects.toThrow('ERR value is not an integer or out of range');
      expect(await redis.get(k('word'))).toBe('abc');
    });

    test('a short TTL really expires the key', async () => {
      await redis.set(k('short'), 'v', { px: 150 });
      expect(await redis.get(k('short'))).toBe('v');
      await sleep(300);
      expect(await redis.get(k('short'))).toBeNull();
      expect(await redis.exists(k('short'))).toBe(0);
    });

    test('JSON values are serialised by the client and come back as objects', async () => {
      const value = { id: 7, name: 'Ada', tags: ['x', 'y'], nested: { ok: true }, text: 'ünïcödé ✓' };
      await redis.set(k('json'), value);
      expect(await redis.get(k('json'))).toEqual(value);
      await redis.set(k('num'), 12.5);
      expect(await redis.get(k('num'))).toBe(12.5);
      await redis.hset(k('hjson'), { profile: { a: 1 }, plain: 'text' });
      expect(await redis.hgetall(k('hjson'))).toEqual({ profile: { a: 1 }, plain: 'text' });
    });

    test('hashes: HSET/HGET/HGETALL/HINCRBY/HDEL/HMGET/HEXISTS/HLEN', async () => {
      expect(await redis.hset(k('h'), { a: 'x', b: 'y' })).toBe(2);
      expect(await redis.hget(k('h'), 'a')).toBe('x');
      expect(await redis.hincrby(k('h'), 'count', 3)).toBe(3);
      expect(await redis.hincrby(k('h'), 'count', -1)).toBe(2);
      expect(await redis.hgetall(k('h'))).toEqual({ a: 'x', b: 'y', count: 2 });
      expect(await redis.hmget(k('h'), 'a', 'nope')).toEqual({ a: 'x', nope: null });
      expect(await redis.hdel(k('h'), 'a', 'nope')).toBe(1);
      expect(await redis.hexists(k('h'), 'a')).toBe(0);
      expect(await redis.hlen(k('h'))).toBe(2);
      expect(await redis.hgetall(k('no-hash'))).toBeNull();
      await expect(redis.get(k('h'))).rejects.toThrow(/WRONGTYPE/);
    });

    test('sorted sets: ZADD options, ZRANGE variants, ranks, scores, ZREM, ZINCRBY', async () => {
      const z = k('z');
      expect(await redis.zadd(z, { score: 1, member: 'a' }, { score: 2, member: 'b' }, { score: 3, member: 'c' })).toBe(
        3,
      );
      expect(await redis.zadd(z, { nx: true }, { score: 9, member: 'a' }, { score: 4, member: 'd' })).toBe(1);
      expect(await redis.zadd(z, { xx: true, ch: true }, { score: 5, member: 'a' }, { score: 9, member: 'e' })).toBe(1);
      expect(await redis.zadd(z, { gt: true, ch: true }, { score: 1, member: 'b' }, { score: 7, member: 'c' })).toBe(1);
      expect(await redis.zadd(z, { incr: true }, { score: 0.5, member: 'a' })).toBe(5.5);
      expect(await redis.zincrby(z, 2, 'b')).toBe(4);
      expect(await redis.zrange(z, 0, -1)).toEqual(['b', 'd', 'a', 'c']);
      expect(await redis.zrange(z, 0, -1, { withScores: true })).toEqual(['b', 4, 'd', 4, 'a', 5.5, 'c', 7]);
      expect(await redis.zrange(z, 0, 1, { rev: true, withScores: true })).toEqual(['c', 7, 'a', 5.5]);
      expect(await redis.zrange(z, '(4', '+inf', { byScore: true })).toEqual(['a', 'c']);
      expect(await redis.zrange(z, '+inf', '-inf', { byScore: true, rev: true, offset: 0, count: 2 })).toEqual([
        'c',
        'a',
      ]);
      expect((await f.post('/', ['ZREVRANGE', z, 0, 1, 'WITHSCORES'])).json).toEqual({
        result: ['c', '7', 'a', '5.5'],
      });
      expect(await redis.zrank(z, 'a')).toBe(2);
      expect(await redis.zrevrank(z, 'a')).toBe(1);
      expect(await redis.zrank(z, 'nope')).toBeNull();
      expect(await redis.zscore(z, 'a')).toBe(5.5);
      expect(await redis.zscore(z, 'nope')).toBeNull();
      expect(await redis.zcard(z)).toBe(4);
      expect(await redis.zrem(z, 'd', 'nope')).toBe(1);
      expect(await redis.zcard(z)).toBe(3);
      const conflicting = await f.post('/', ['ZADD', z, 'GT', 'LT', 1, 'a']);
      expect(conflicting).toEqual({
        status: 400,
        json: { error: 'ERR GT, LT, and/or NX options at the same time are not compatible' },
      });
    });

    test('sets and lists', async () => {
      expect(await redis.sadd(k('set'), 'a', 'b', 'a', 'c')).toBe(3);
      expect(await redis.srem(k('set'), 'b')).toBe(1);
      expect((await redis.smembers(k('set'))).sort()).toEqual(['a', 'c']);
      expect(await redis.scard(k('set'))).toBe(2);
      expect(await redis.sismember(k('set'), 'a')).toBe(1);
      expect(await redis.sismember(k('set'), 'b')).toBe(0);
      expect(await redis.lpush(k('list'), 'b', 'a')).toBe(2);
      expect(await redis.rpush(k('list'), 'c', 'd')).toBe(4);
      expect(await redis.lrange(k('list'), 0, -1)).toEqual(['a', 'b', 'c', 'd']);
      expect(await redis.ltrim(k('list'), 1, 2)).toBe('OK');
      expect(await redis.lrange(k('list'), 0, -1)).toEqual(['b', 'c']);
      await expect(redis.sadd(k('list'), 'x')).rejects.toThrow(/WRONGTYPE/);
    });

    test('keyspace: SCAN with MATCH/COUNT, KEYS, TYPE filter, PING, ECHO, DBSIZE', async () => {
      const scanPrefix = k('scan:');
      for (let i = 0; i < 25; i++) await redis.set(`${scanPrefix}${i}`, i);
      await redis.zadd(`${scanPrefix}zset`, { score: 1, member: 'm' });
      const found: string[] = [];
      let cursor: string | number = '0';
      do {
        const [next, keys]: [string | number, string[]] = await redis.scan(cursor, {
          match: `${scanPrefix}*`,
          count: 10,
        });
        found.push(...keys);
        cursor = next;
      } while (String(cursor) !== '0');
      expect(new Set(found).size).toBe(26);
      const [, zsets] = await redis.scan(0, { match: `${scanPrefix}*`, count: 10_000, type: 'zset' });
      expect(zsets).toEqual([`${scanPrefix}zset`]);
      expect((await redis.keys(`${scanPrefix}1*`)).sort()).toEqual(
        [1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map((i) => `${scanPrefix}${i}`).sort(),
      );
      expect(await redis.ping()).toBe('PONG');
      expect(await redis.echo('hi there')).toBe('hi there');
      expect(await redis.dbsize()).toBeGreaterThanOrEqual(26);
    });

    test.skipIf(variant.redisUrl !== undefined)(
      'FLUSHDB and exact DBSIZE (memory only: never flush a shared Redis)',
      async () => {
        await redis.set(k('x'), 1);
        expect(await redis.dbsize()).toBeGreaterThan(0);
        expect(await redis.flushdb()).toBe('OK');
        expect(await redis.dbsize()).toBe(0);
        await redis.set(k('y'), 1);
        expect(await redis.dbsize()).toBe(1);
      },
    );
  });
}
