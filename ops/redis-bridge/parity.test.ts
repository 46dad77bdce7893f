/**
 * Differential test: the same raw commands through a memory bridge and a real-Redis bridge
 * must produce the same HTTP status and body. This is what keeps the ioredis-mock fixes
 * honest — each case below is one the mock got wrong on its own.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REAL_REDIS, startFixture, suiteName, type Fixture } from './test-support.ts';

type Cmd = (string | number)[];

/** `$` in an argument is replaced by the run's key prefix. */
const CASES: Record<string, Cmd[]> = {
  'SET options in lower case (as @upstash/redis sends them)': [
    ['set', '$a', 'v', 'ex', 100],
    ['ttl', '$a'],
    ['set', '$a', 'w', 'nx'],
    ['set', '$a', 'w', 'xx', 'get'],
    ['set', '$b', '1', 'px', 100000, 'nx'],
    ['set', '$c', '1', 'exat', 9999999999],
    ['set', '$c', '2', 'keepttl'],
    ['expiretime', '$c'],
    ['getex', '$a', 'px', 200000],
    ['ttl', '$a'],
    ['get', '$a'],
  ],
  'ZADD flags and score validation': [
    ['zadd', '$z', '1', 'a', '2', 'b', '3', 'c'],
    ['zadd', '$z', 'nx', '5', 'a', '9', 'd'],
    ['zadd', '$z', 'xx', 'ch', '5', 'a', '9', 'e'],
    ['zadd', '$z', 'ch', 'gt', '1', 'b', '7', 'c'],
    ['zadd', '$z', 'incr', '2', 'a'],
    ['zadd', '$z', 'lt', 'ch', '0', 'b'],
    ['zadd', '$z', 'nx', 'incr', '1', 'a'],
    ['zadd', '$z', 'gt', 'lt', '1', 'a'],
    ['zadd', '$z', 'nx', 'xx', '1', 'a'],
    ['zadd', '$z', 'incr', '1', 'a', '2', 'b'],
    ['zadd', '$z', '1'],
    ['zadd', '$z', 'x', 'a'],
    ['zincrby', '$z', 'x', 'a'],
    ['zadd', '$z', '-inf', 'low'],
    ['zrange', '$z', '0', '-1', 'withscores'],
    ['zpopmin', '$z'],
    ['zpopmax', '$z', '1'],
    ['zrange', '$z', '0', '-1', 'rev'],
  ],
  'EXPIRE NX/XX/GT/LT': [
    ['set', '$e', '1'],
    ['expire', '$e', '100', 'xx'],
    ['expire', '$e', '100', 'lt'],
    ['expire', '$e', '100', 'gt'],
    ['pexpire', '$e', '100000', 'nx'],
    ['ttl', '$e'],
    ['expire', '$e', '50', 'gt'],
    ['expire', '$e', '500', 'gt'],
    ['ttl', '$e'],
    ['expire', '$e', '50', 'lt'],
    ['ttl', '$e'],
    ['expire', '$e', '5', 'nx', 'xx'],
    ['expire', '$e', '5', 'gt', 'lt'],
    ['expire', '$e', '5', 'foo'],
    ['expire', '$missing', '5', 'nx'],
    ['expire', '$e', 'x'],
  ],
  'WRONGTYPE and non-numeric values': [
    ['zadd', '$t', '1', 'a'],
    ['set', '$s', 'text'],
    ['hset', '$h', 'f', 'x'],
    ['incr', '$t'],
    ['hset', '$t', 'a', '1'],
    ['sadd', '$t', 'a'],
    ['lpush', '$t', 'a'],
    ['get', '$t'],
    ['hgetall', '$t'],
    ['smembers', '$t'],
    ['lrange', '$t', '0', '-1'],
    ['zadd', '$s', '1', 'a'],
    ['append', '$t', 'x'],
    ['incrby', '$s', '1'],
    ['incrby', '$n', 'x'],
    ['incrbyfloat', '$s', '1'],
    ['hincrby', '$h', 'f', '1'],
    ['hincrbyfloat', '$h', 'f', '1'],
    ['get'],
    ['zcard', '$t'],
    ['get', '$s'],
  ],
  'lists with lower-case keywords': [
    ['rpush', '$l', 'a', 'b', 'c'],
    ['linsert', '$l', 'before', 'b', 'x'],
    ['lmove', '$l', '$l2', 'left', 'right'],
    ['lrange', '$l', '0', '-1'],
    ['lrange', '$l2', '0', '-1'],
    ['ltrim', '$l', '0', '0'],
    ['lrange', '$l', '0', '-1'],
  ],
  'Lua reply conversion and redis.call semantics': [
    ['set', '$k', 'v'],
    ['hset', '$hh', 'a', '1'],
    ['set', '$empty', ''],
    ['hset', '$hh', 'blank', ''],
    [
      'eval',
      'return {redis.call("GET", KEYS[1]) == "", redis.call("HGET", KEYS[2], "blank") == ""}',
      '2',
      '$empty',
      '$hh',
    ],
    ['eval', 'return {1, 2.5, -2.5, false, true, "x"}', '0'],
    ['eval', 'return {1, nil, 3}', '0'],
    ['eval', 'local t = {} t[1] = "a" t[2] = "b" return t', '0'],
    [
      'eval',
      'local r = redis.call("MGET", KEYS[1], KEYS[2]) return {tostring(r[1]), tostring(r[2]), #r}',
      '2',
      '$k',
      '$nope',
    ],
    ['eval', 'return tostring(redis.call("INCR", KEYS[1]))', '1', '$cnt'],
    ['eval', 'return redis.pcall("INCR", KEYS[1])', '1', '$k'],
    ['eval', 'return redis.call("INCR", KEYS[1])', '1', '$hh'],
    ['eval', 'return {err = "MYERR bad"}', '0'],
    ['eval', 'return redis.status_reply("FINE")', '0'],
    ['eval', 'return {1, {2, {err = "nested"}}, nil, 4}', '0'],
    ['eval', 'redis.call("SET", KEYS[1], "1", "ex", 100) return redis.call("TTL", KEYS[1])', '1', '$lt'],
    ['eval', 'local s = redis.call("SCAN", "0", "MATCH", KEYS[1], "COUNT", 1000) return #s[2]', '1', '$k*'],
    ['eval', '#!lua flags=allow-key-locking,no-writes\nreturn ARGV[1]', '0', 'flagged'],
    ['eval', 'return 1', '-1'],
    ['eval', 'return 1', '2', 'a'],
    ['eval', 'return 1', 'x'],
    ['evalsha', 'ffffffffffffffffffffffffffffffffffffffff', '0'],
    ['script', 'exists', 'ffffffffffffffffffffffffffffffffffffffff'],
  ],
};

const withPrefix = (cmd: Cmd, prefix: string): Cmd =>
  cmd.map((a) => (typeof a === 'string' ? a.replaceAll('$', prefix) : a));

/** Real Redis appends where a script failed; the embedded Lua cannot say it the same way. */
const comparable = (body: unknown, prefix: string): unknown =>
  JSON.parse(
    JSON.stringify(body)
      .replaceAll(prefix, '$')
      .replace(/ script: [0-9a-f]{40}, on @user_script:\d+\./g, ''),
  );

describe.skipIf(REAL_REDIS.skipReason !== undefined)(suiteName('memory backend matches real Redis', REAL_REDIS), () => {
  let memory: Fixture;
  let real: Fixture;
  beforeAll(async () => {
    [memory, real] = await Promise.all([startFixture({ label: 'memory' }), startFixture(REAL_REDIS)]);
  });
  afterAll(async () => {
    await Promise.all([memory?.close(), real?.close()]);
  });

  for (const [name, commands] of Object.entries(CASES)) {
    test(name, async () => {
      for (const cmd of commands) {
        const [m, r] = await Promise.all([
          memory.post('/', withPrefix(cmd, memory.prefix)),
          real.post('/', withPrefix(cmd, real.prefix)),
        ]);
        const label = JSON.stringify(cmd);
        expect(m.status, label).toBe(r.status);
        expect(comparable(m.json, memory.prefix), label).toEqual(comparable(r.json, real.prefix));
      }
    });
  }
});
