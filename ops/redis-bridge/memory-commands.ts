/**
 * Commands the embedded backend implements itself on top of ioredis-mock, because the mock
 * gets them wrong in ways @upstash/redis exposes: it only understands upper-case option
 * keywords (the client sends `set k v ex 10`), ignores EXPIRE's NX/XX/GT/LT and SCAN's TYPE,
 * mis-parses ZADD flags, formats some scores the JavaScript way, and stores "NaN" on INCR of a
 * non-number. Every override only calls the mock's public command methods.
 */
import { CommandError } from './errors.ts';
import type { LuaScripts, RawCall } from './memory-lua.ts';
import { NOT_AN_INTEGER, NOT_A_FLOAT, isRedisInteger, parseRedisFloat } from './memory-checks.ts';
import { toReply, type Reply } from './reply.ts';

export interface MemoryContext {
  raw: RawCall;
  lua: LuaScripts;
}

type Override = (args: string[], ctx: MemoryContext, name: string) => Promise<Reply>;

/** Argument positions (after the name) holding only keywords or numbers, safe to upper-case. */
const KEYWORD_ARGS: Record<string, (i: number) => boolean> = {
  set: (i) => i >= 2,
  getex: (i) => i >= 1,
  linsert: (i) => i === 1,
  lmove: (i) => i === 2 || i === 3,
};

export function normalizeKeywords(name: string, args: string[]): string[] {
  const isKeyword = KEYWORD_ARGS[name];
  return isKeyword ? args.map((arg, i) => (isKeyword(i) ? arg.toUpperCase() : arg)) : args;
}

/** The mock drops the TTL on `SET ... KEEPTTL`; Redis keeps it. */
async function set(args: string[], { raw }: MemoryContext): Promise<Reply> {
  const [key = '', value = '', ...options] = args;
  if (!options.includes('KEEPTTL')) return toReply(await raw('set', args));
  const ttl = Number(await raw('pttl', [key]));
  const reply = toReply(await raw('set', [key, value, ...options.filter((o) => o !== 'KEEPTTL')]));
  // Only a SET that actually happened cleared the TTL; NX/XX misses leave it alone.
  if (ttl > 0 && Number(await raw('pttl', [key])) === -1) await raw('pexpire', [key, String(ttl)]);
  return reply;
}

const formatScore = (n: number): string => (n === Infinity ? 'inf' : n === -Infinity ? '-inf' : String(n));

async function zadd(args: string[], { raw }: MemoryContext): Promise<Reply> {
  const [key = '', ...rest] = args;
  const flags = new Set<string>();
  while (rest.length > 0 && ['NX', 'XX', 'GT', 'LT', 'CH', 'INCR'].includes((rest[0] ?? '').toUpperCase())) {
    flags.add((rest.shift() ?? '').toUpperCase());
  }
  if (rest.length === 0 || rest.length % 2 !== 0) throw new CommandError('ERR syntax error');
  const [nx, xx, gt, lt, incr] = ['NX', 'XX', 'GT', 'LT', 'INCR'].map((f) => flags.has(f));
  if (nx && xx) throw new CommandError('ERR XX and NX options at the same time are not compatible');
  if ((gt && lt) || (nx && (gt || lt))) {
    throw new CommandError('ERR GT, LT, and/or NX options at the same time are not compatible');
  }
  if (incr && rest.length > 2) throw new CommandError('ERR INCR option supports a single increment-element pair');
  const pairs: { score: number; member: string }[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    const score = parseRedisFloat(rest[i] ?? '');
    if (score === null) throw new CommandError(NOT_A_FLOAT);
    pairs.push({ score, member: rest[i + 1] ?? '' });
  }
  let added = 0;
  let changed = 0;
  let last: number | null = null;
  for (const { score, member } of pairs) {
    const stored = await raw('zscore', [key, member]);
    const current = stored === null || stored === undefined ? null : parseRedisFloat(String(stored));
    last = null;
    if (current === null) {
      if (xx) continue;
      await raw('zadd', [key, String(score), member]);
      added++;
      last = score;
      continue;
    }
    const next = incr ? current + score : score;
    if (Number.isNaN(next)) throw new CommandError('ERR resulting score is not a number (NaN)');
    if (nx || (gt && !(next > current)) || (lt && !(next < current))) continue;
    if (next !== current) {
      await raw('zadd', [key, String(next), member]);
      changed++;
    }
    last = next;
  }
  if (incr) return last === null ? null : formatScore(last);
  return flags.has('CH') ? added + changed : added;
}

async function expireFamily(args: string[], { raw }: MemoryContext, name: string): Promise<Reply> {
  const [key = '', amount = '', ...options] = args;
  const flags = new Set<string>();
  for (const option of options) {
    const flag = option.toUpperCase();
    if (!['NX', 'XX', 'GT', 'LT'].includes(flag)) throw new CommandError(`ERR Unsupported option ${option}`);
    flags.add(flag);
  }
  const [nx, xx, gt, lt] = ['NX', 'XX', 'GT', 'LT'].map((f) => flags.has(f));
  if (nx && (xx || gt || lt))
    throw new CommandError('ERR NX and XX, GT or LT options at the same time are not compatible');
  if (gt && lt) throw new CommandError('ERR GT and LT options at the same time are not compatible');
  if (flags.size > 0) {
    if (Number(await raw('exists', [key])) === 0) return 0;
    const ttl = Number(await raw('pttl', [key]));
    const persistent = ttl < 0;
    const n = Number(amount);
    const wanted =
      { expire: n * 1000, pexpire: n, expireat: n * 1000 - Date.now(), pexpireat: n - Date.now() }[name] ?? n;
    // A key without a TTL counts as an infinite TTL for GT/LT, as in Redis.
    if ((nx && !persistent) || (xx && persistent)) return 0;
    if ((gt && (persistent || wanted <= ttl)) || (lt && !persistent && wanted >= ttl)) return 0;
  }
  return toReply(await raw(name, [key, amount]));
}

async function scan(args: string[], { raw }: MemoryContext): Promise<Reply> {
  const [cursor = '', ...options] = args;
  const kept: string[] = [];
  let type: string | null = null;
  for (let i = 0; i < options.length; i++) {
    const option = options[i] ?? '';
    if (option.toUpperCase() !== 'TYPE') {
      kept.push(option);
      continue;
    }
    const value = options[++i];
    if (value === undefined) throw new CommandError('ERR syntax error');
    type = value.toLowerCase();
  }
  const reply = toReply(await raw('scan', [cursor, ...kept]));
  if (type === null || !Array.isArray(reply)) return reply;
  const [next, keys] = reply;
  const matching: Reply[] = [];
  for (const key of Array.isArray(keys) ? keys : []) {
    if (typeof key === 'string' && String(await raw('type', [key])) === type) matching.push(key);
  }
  return [next ?? '0', matching];
}

/** Checks the stored value before an increment, which the mock would turn into "NaN". */
async function increment(args: string[], { raw }: MemoryContext, name: string): Promise<Reply> {
  const [key = '', field = ''] = args;
  const isHash = name.startsWith('h');
  const stored = await raw(isHash ? 'hget' : 'get', isHash ? [key, field] : [key]);
  if (stored !== null && stored !== undefined) {
    const text = String(stored);
    if (name.endsWith('float')) {
      if (parseRedisFloat(text) === null)
        throw new CommandError(isHash ? 'ERR hash value is not a float' : NOT_A_FLOAT);
    } else if (!isRedisInteger(text)) {
      throw new CommandError(isHash ? 'ERR hash value is not an integer' : NOT_AN_INTEGER);
    }
  }
  return toReply(await raw(name, args));
}

const redisScore = (item: Reply): Reply =>
  typeof item === 'number' ? formatScore(item) : item === 'Infinity' ? 'inf' : item === '-Infinity' ? '-inf' : item;

/**
 * The mock prints infinite scores the JavaScript way ("Infinity"); Redis says "inf". Only
 * score positions are touched, so a member that happens to be named "Infinity" survives.
 */
export function fixScores(name: string, args: string[], reply: Reply): Reply {
  if (name === 'zscore' || name === 'zincrby') return redisScore(reply);
  if (!Array.isArray(reply)) return reply;
  if (name === 'zmscore') return reply.map(redisScore);
  const pairs = name === 'zpopmin' || name === 'zpopmax' || args.some((a) => a.toUpperCase() === 'WITHSCORES');
  return pairs ? reply.map((item, i) => (i % 2 === 1 ? redisScore(item) : item)) : reply;
}

export const OVERRIDES: Record<string, Override> = {
  set,
  zadd,
  expire: expireFamily,
  pexpire: expireFamily,
  expireat: expireFamily,
  pexpireat: expireFamily,
  scan,
  incr: increment,
  decr: increment,
  incrby: increment,
  decrby: increment,
  incrbyfloat: increment,
  hincrby: increment,
  hincrbyfloat: increment,
  eval: (args, { lua }) => lua.eval(args),
  eval_ro: (args, { lua }) => lua.eval(args),
  evalsha: (args, { lua }) => lua.evalsha(args),
  evalsha_ro: (args, { lua }) => lua.evalsha(args),
  script: async (args, { lua }) => lua.script(args),
};
