/**
 * Validation Redis performs before running a command, which ioredis-mock mostly skips:
 * unknown commands, arity, WRONGTYPE and numeric arguments. Without it the embedded backend
 * silently corrupts data (INCR on a hash stores "NaN") where real Redis answers an error.
 * Command metadata comes from the COMMAND INFO dump that ships with ioredis-mock.
 */
import { createRequire } from 'node:module';
import { CommandError } from './errors.ts';

interface CommandSpec {
  arity: number;
  firstKey: number;
  lastKey: number;
  keyStep: number;
  /** The Redis TYPE every key argument must have, when the command is tied to one. */
  keyType: string | null;
}

const CATEGORY_TYPES: Record<string, string> = {
  '@string': 'string',
  '@bitmap': 'string',
  '@hyperloglog': 'string',
  '@hash': 'hash',
  '@list': 'list',
  '@set': 'set',
  '@sortedset': 'zset',
  '@geo': 'zset',
  '@stream': 'stream',
};

/** These overwrite or tolerate keys of any type (or involve several types), as in Redis. */
const NO_TYPE_CHECK = new Set('set setex psetex setnx mset msetnx mget sort sort_ro bitop'.split(' '));

function loadCommandTable(): Map<string, CommandSpec> {
  const raw: unknown = createRequire(import.meta.url)('ioredis-mock/data/command-info.json');
  const table = new Map<string, CommandSpec>();
  if (!Array.isArray(raw)) throw new Error('ioredis-mock/data/command-info.json has an unexpected shape');
  for (const entry of raw as unknown[]) {
    if (!Array.isArray(entry)) continue;
    const [name, arity, , firstKey, lastKey, keyStep, categories] = entry as unknown[];
    if (typeof name !== 'string' || typeof arity !== 'number') continue;
    const lower = name.toLowerCase();
    const types = new Set(
      (Array.isArray(categories) ? (categories as unknown[]) : []).flatMap((c: unknown) =>
        typeof c === 'string' && CATEGORY_TYPES[c] ? [CATEGORY_TYPES[c]] : [],
      ),
    );
    const [onlyType] = types;
    table.set(lower, {
      arity,
      firstKey: typeof firstKey === 'number' ? firstKey : 0,
      lastKey: typeof lastKey === 'number' ? lastKey : 0,
      keyStep: typeof keyStep === 'number' ? keyStep : 1,
      keyType: types.size === 1 && !NO_TYPE_CHECK.has(lower) && !lower.endsWith('store') ? (onlyType ?? null) : null,
    });
  }
  return table;
}

const COMMANDS = loadCommandTable();

/** Rejects commands Redis does not know and calls with the wrong number of arguments. */
export function checkShape(command: string[]): void {
  const [name = '', ...args] = command;
  const spec = COMMANDS.get(name.toLowerCase());
  if (!spec) {
    const preview = args
      .slice(0, 3)
      .map((a) => `'${a}' `)
      .join('');
    throw new CommandError(`ERR unknown command '${name}', with args beginning with: ${preview}`);
  }
  const argc = command.length;
  if ((spec.arity > 0 && argc !== spec.arity) || (spec.arity < 0 && argc < -spec.arity)) {
    throw new CommandError(`ERR wrong number of arguments for '${name.toLowerCase()}' command`);
  }
}

/** The keys whose stored type must match, and that type; null when the command has no such rule. */
export function typedKeys(command: string[]): { keys: string[]; type: string } | null {
  const spec = COMMANDS.get((command[0] ?? '').toLowerCase());
  if (!spec?.keyType || spec.firstKey <= 0) return null;
  const last = spec.lastKey < 0 ? command.length + spec.lastKey : spec.lastKey;
  const keys: string[] = [];
  for (let i = spec.firstKey; i <= last && i < command.length; i += Math.max(spec.keyStep, 1)) {
    const key = command[i];
    if (key !== undefined) keys.push(key);
  }
  return { keys, type: spec.keyType };
}

/** The same rule as a Lua table literal (first key only), for checks inside scripts. */
export function luaKeyTypeTable(): string {
  const entries = [...COMMANDS].flatMap(([name, spec]) =>
    spec.keyType && spec.firstKey === 1 ? [`["${name}"]="${spec.keyType}"`] : [],
  );
  return `{ ${entries.join(', ')} }`;
}

export const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';
export const NOT_AN_INTEGER = 'ERR value is not an integer or out of range';
export const NOT_A_FLOAT = 'ERR value is not a valid float';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function isRedisInteger(value: string): boolean {
  if (!/^-?(0|[1-9]\d*)$/.test(value)) return false;
  const n = BigInt(value);
  return n >= INT64_MIN && n <= INT64_MAX;
}

/** Parses a Redis float argument ("inf", "-inf" included); null when Redis would reject it. */
export function parseRedisFloat(value: string): number | null {
  if (/^[+-]?inf(inity)?$/i.test(value)) return value.startsWith('-') ? -Infinity : Infinity;
  if (value.trim() !== value || value === '') return null;
  const n = Number(value);
  return Number.isNaN(n) ? null : n;
}

/** Argument positions (after the command name) that Redis parses as integers or floats. */
const NUMERIC_ARGS: Record<string, { int?: number[]; float?: number[] }> = {
  incrby: { int: [1] },
  decrby: { int: [1] },
  setex: { int: [1] },
  psetex: { int: [1] },
  expire: { int: [1] },
  pexpire: { int: [1] },
  expireat: { int: [1] },
  pexpireat: { int: [1] },
  hincrby: { int: [2] },
  lrange: { int: [1, 2] },
  ltrim: { int: [1, 2] },
  lindex: { int: [1] },
  lset: { int: [1] },
  getrange: { int: [1, 2] },
  setrange: { int: [1] },
  zremrangebyrank: { int: [1, 2] },
  incrbyfloat: { float: [1] },
  hincrbyfloat: { float: [2] },
  zincrby: { float: [1] },
};

export function checkNumericArgs(command: string[]): void {
  const spec = NUMERIC_ARGS[(command[0] ?? '').toLowerCase()];
  if (!spec) return;
  const args = command.slice(1);
  for (const i of spec.int ?? []) {
    const arg = args[i];
    if (arg !== undefined && !isRedisInteger(arg)) throw new CommandError(NOT_AN_INTEGER);
  }
  for (const i of spec.float ?? []) {
    const arg = args[i];
    if (arg !== undefined && parseRedisFloat(arg) === null) throw new CommandError(NOT_A_FLOAT);
  }
}
