/**
 * What Redis holds, key family by key family, and whether a backup must carry it. Postgres
 * is the record; most of Redis is rebuilt from it or is a short-lived window. The few
 * families that exist nowhere else are exported next to the database dump and imported by
 * `npm run restore -- FILE.redis.json`. (ops/backup/redis-export.test.ts fails when the
 * Worker starts writing a key family this table does not name.)
 */
import { Redis } from '@upstash/redis';

export type RedisKeyKind = 'exported' | 'rebuilt' | 'ephemeral';

export interface RedisKeyFamily {
  /** The key after the environment's prefix; `*` matches the rest. */
  pattern: string;
  kind: RedisKeyKind;
  why: string;
}

export const REDIS_KEY_FAMILIES: readonly RedisKeyFamily[] = [
  {
    pattern: 'agents:*',
    kind: 'exported',
    why: "the tutor team's call and error counters summed across every learner (each LearnerAgent keeps only its own)",
  },
  {
    pattern: 'metrics:http',
    kind: 'exported',
    why: 'request counters and latency histograms since the start (Prometheus copes with a reset; the totals would restart)',
  },
  {
    pattern: 'metrics:events',
    kind: 'exported',
    why: 'platform event counters (attempts, live rooms, 429s), as above',
  },
  {
    pattern: 'live:pin:*',
    kind: 'exported',
    why: 'the PIN → room of each open live quiz (6 h): without it nobody can join a running room by PIN',
  },
  {
    pattern: 'lb:*',
    kind: 'rebuilt',
    why: 'leaderboards: `npm run leaderboard:rebuild` sums them from xp_events (the Worker also rebuilds a missing board)',
  },
  {
    pattern: 'active-users',
    kind: 'ephemeral',
    why: 'users seen in the last 5 minutes; refills with the next requests',
  },
  {
    pattern: 'metrics:minute:*',
    kind: 'ephemeral',
    why: 'per-minute counters kept 2 h, rolled up hourly into metrics_hourly',
  },
  { pattern: 'ratelimit:*', kind: 'ephemeral', why: 'rate-limit windows of a few seconds' },
  { pattern: 'login-failures:*', kind: 'ephemeral', why: 'failed sign-ins per account, a 15-minute window' },
  { pattern: 'password-reset-emails:*', kind: 'ephemeral', why: 'reset emails sent per address, a one-hour window' },
  {
    pattern: 'mail:outbox',
    kind: 'ephemeral',
    why: 'the local and test outbox (MAILER=outbox); unused in staging/production',
  },
];

export interface ExportedKey {
  /** Without the environment prefix, so an export can be imported under another. */
  key: string;
  type: 'hash' | 'string';
  /** Seconds left when exported; null for no expiry. */
  ttlSeconds: number | null;
  value: Record<string, string> | string;
}

export interface RedisExport {
  format: 'jeseci-redis-export/1';
  prefix: string;
  exportedAt: string;
  families: string[];
  keys: ExportedKey[];
}

export interface RedisTarget {
  url: string;
  token: string;
  prefix: string;
}

export const redisTargetFromEnv = (env: NodeJS.ProcessEnv): RedisTarget | null =>
  env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN
    ? { url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN, prefix: env.REDIS_PREFIX ?? '' }
    : null;

// Raw strings in and out: the values are counters and ids, never JSON to interpret.
const client = (target: RedisTarget) =>
  new Redis({ url: target.url, token: target.token, enableTelemetry: false, automaticDeserialization: false });

/**
 * A hash as field → value strings. Without automatic deserialization the client hands
 * HGETALL back as Redis sends it, a flat [field, value, …] list.
 */
export function hashOf(reply: unknown): Record<string, string> {
  if (Array.isArray(reply)) {
    const hash: Record<string, string> = {};
    for (let i = 0; i + 1 < reply.length; i += 2) hash[String(reply[i])] = String(reply[i + 1]);
    return hash;
  }
  return Object.fromEntries(Object.entries((reply ?? {}) as Record<string, unknown>).map(([f, v]) => [f, String(v)]));
}

async function scanAll(redis: Redis, match: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | number = '0';
  do {
    const [next, batch]: [string | number, string[]] = await redis.scan(cursor, { match, count: 500 });
    keys.push(...batch);
    cursor = next;
  } while (String(cursor) !== '0');
  return [...new Set(keys)].sort();
}

export async function exportRedis(target: RedisTarget, now = new Date()): Promise<RedisExport> {
  if (!target.prefix) throw new Error('REDIS_PREFIX must be set: it says whose keys to export (e.g. "jeseci:prod:")');
  const redis = client(target);
  const families = REDIS_KEY_FAMILIES.filter((family) => family.kind === 'exported');
  const keys: ExportedKey[] = [];
  for (const family of families) {
    for (const fullKey of await scanAll(redis, target.prefix + family.pattern)) {
      const [type, ttl] = await Promise.all([redis.type(fullKey), redis.ttl(fullKey)]);
      const key = fullKey.slice(target.prefix.length);
      const ttlSeconds = ttl > 0 ? ttl : null;
      if (type === 'hash') {
        keys.push({ key, type, ttlSeconds, value: hashOf(await redis.hgetall(fullKey)) });
      } else if (type === 'string') {
        const value = await redis.get<string>(fullKey);
        if (value !== null) keys.push({ key, type, ttlSeconds, value: String(value) });
      }
    }
  }
  return {
    format: 'jeseci-redis-export/1',
    prefix: target.prefix,
    exportedAt: now.toISOString(),
    families: families.map((family) => family.pattern),
    keys,
  };
}

export interface ImportReport {
  written: number;
  /** Keys already present, left alone (without --force). */
  kept: string[];
}

/** Writes an export under `target.prefix`; existing keys are kept unless `overwrite`. */
export async function importRedis(target: RedisTarget, data: RedisExport, overwrite: boolean): Promise<ImportReport> {
  if (data.format !== 'jeseci-redis-export/1')
    throw new Error(`not a Jeseci Redis export (format ${String(data.format)})`);
  if (!target.prefix) throw new Error('REDIS_PREFIX must be set: it says where to import the keys');
  const redis = client(target);
  const kept: string[] = [];
  let written = 0;
  for (const entry of data.keys) {
    const fullKey = target.prefix + entry.key;
    if (!overwrite && (await redis.exists(fullKey))) {
      kept.push(entry.key);
      continue;
    }
    const tx = redis.multi();
    tx.del(fullKey);
    if (entry.type === 'hash' && typeof entry.value === 'object') tx.hset(fullKey, entry.value);
    else if (entry.type === 'string' && typeof entry.value === 'string') tx.set(fullKey, entry.value);
    if (entry.ttlSeconds) tx.expire(fullKey, entry.ttlSeconds);
    await tx.exec();
    written += 1;
  }
  return { written, kept };
}
