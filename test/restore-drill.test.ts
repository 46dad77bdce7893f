/**
 * The restore drill (docs/runbook.md): a fresh database on this machine's Postgres is
 * migrated, loaded with the course packs and used through the Worker by learners and an
 * instructor; `npm run backup`'s code path dumps it (and the Redis families only Redis
 * holds) and uploads it to R2 (the local emulation); the database is dropped; the dump is
 * fetched back from R2 and `npm run restore`'s code path restores it into a new database.
 * Every table's row count and checksum (rows in primary-key order) and every sequence
 * must come back identical. Timings are printed and written to .build/restore-drill.json.
 *
 * Needs a real Postgres server (DATABASE_URL) and pg_dump/pg_restore: with the embedded
 * PGlite there is no server for pg_dump to talk to, and the drill is skipped, saying so.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { main as backup } from '../ops/backup/backup.ts';
import { databaseChecksums } from '../ops/backup/postgres.ts';
import { importRedis, type RedisExport } from '../ops/backup/redis-export.ts';
import { main as restore } from '../ops/backup/restore.ts';
import { loadContent } from '../ops/content/load-content.ts';
import { dropDatabase, ensureDatabase, withDatabase } from '../ops/db/databases.ts';
import { migrateDatabase } from '../ops/db/migrate.ts';
import { exec, REPO_ROOT, WRANGLER } from '../ops/exec.ts';
import { startWorkerRuntime, type WorkerRuntime } from '../ops/stack/worker-runtime.ts';
import { freshClientIp } from './support/http.ts';
import { correctResponseFromKey } from './support/item-keys.ts';

const COURSE = 'osp-with-jac';
const stack = inject('stack');

function hasPgTools(): boolean {
  try {
    execFileSync(process.env.PG_DUMP ?? 'pg_dump', ['--version'], { stdio: 'ignore' });
    execFileSync(process.env.PG_RESTORE ?? 'pg_restore', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const skipReason = stack.embeddedDatabase
  ? 'DATABASE_URL is not a Postgres server (embedded PGlite): pg_dump needs a server'
  : !hasPgTools()
    ? 'pg_dump / pg_restore are not installed (apt-get install postgresql-client)'
    : null;
if (skipReason) console.warn(`restore drill skipped: ${skipReason}`);

interface Learner {
  token: string;
  userId: string;
}

/** A client of the drill's own Worker, each request from an address of its own. */
function client(base: string) {
  const call = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = { 'cf-connecting-ip': freshClientIp() };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(new URL(path, base), {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };
  return {
    call,
    async register(name: string, timeZone: string): Promise<Learner> {
      const res = await call('/api/auth/register', {
        method: 'POST',
        body: {
          email: `drill-${randomUUID()}@example.test`,
          password: 'drill passphrase 42',
          displayName: name,
          timeZone,
        },
      });
      expect(res.status).toBe(201);
      return { token: String(res.body.token), userId: String((res.body.user as { id: string }).id) };
    },
  };
}

/** An answer to an item, right from its key or plainly wrong. */
function responseFor(type: string, key: Record<string, unknown>, correct: boolean): unknown {
  if (!correct || type === 'code-exercise') {
    if (type === 'code-exercise') return { code: 'export {}' };
    if (type === 'true-false') return null;
    if (type === 'multi-select' || type === 'parsons') return [];
    if (type === 'fill-blanks') return {};
    return 'not the answer';
  }
  return correctResponseFromKey(type, key) ?? 'not the answer';
}

/** Realistic use: learners answer items (right and wrong), read a lesson, join a class; an instructor runs it. */
async function useThePlatform(base: string, databaseUrl: string): Promise<void> {
  const api = client(base);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const instructor = await api.register('Drill Instructor', 'Europe/Berlin');
    await db.query(`update users set role = 'instructor' where id = $1`, [instructor.userId]);
    const created = await api.call('/api/classes', {
      method: 'POST',
      token: instructor.token,
      body: { name: 'Drill class', course: COURSE },
    });
    expect(created.status).toBe(201);
    const code = String(created.body.joinCode);
    const { rows: lessons } = await db.query(
      `select l.slug from lessons l join courses c on c.id = l.course_id where c.slug = $1 order by l.slug limit 1`,
      [COURSE],
    );
    const zones = ['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland'];
    for (const [n, zone] of zones.entries()) {
      const learner = await api.register(`Drill Learner ${n + 1}`, zone);
      expect(
        (await api.call('/api/classes/join', { method: 'POST', token: learner.token, body: { code } })).status,
      ).toBe(200);
      const lesson = lessons[0]?.slug as string;
      expect(
        (await api.call(`/api/courses/${COURSE}/lessons/${lesson}/complete`, { method: 'POST', token: learner.token }))
          .status,
      ).toBe(200);
      for (let i = 0; i < 6; i++) {
        const next = await api.call(`/api/courses/${COURSE}/next-item`, { token: learner.token });
        expect(next.status).toBe(200);
        const item = next.body.item as { id: string; type: string };
        const { rows } = await db.query('select answer from items where id = $1', [item.id]);
        const attempt = await api.call('/api/attempts', {
          method: 'POST',
          token: learner.token,
          body: {
            itemId: item.id,
            attemptId: randomUUID(),
            response: responseFor(item.type, rows[0].answer, (i + n) % 3 !== 0),
            elapsedMs: 4000 + i * 700,
          },
        });
        expect(attempt.status).toBe(200);
      }
    }
  } finally {
    await db.end();
  }
}

const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const sourceUrl = withDatabase(stack.databaseUrl, `jeseci_drill_src_${runId}`);
const restoredUrl = withDatabase(stack.databaseUrl, `jeseci_drill_dst_${runId}`);
let workDir = '';
let worker: WorkerRuntime | undefined;

afterAll(async () => {
  await worker?.close();
  if (!skipReason) {
    await dropDatabase(sourceUrl).catch(() => {});
    await dropDatabase(restoredUrl).catch(() => {});
  }
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('restore drill: back up, drop, restore into a new database, nothing lost', () => {
  if (skipReason) {
    it.skip(`skipped: ${skipReason}`, () => {});
    return;
  }

  it('every table and sequence comes back identical from a backup fetched back from R2', async () => {
    const timings: Record<string, number> = {};
    const time = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await step();
      } finally {
        timings[name] = Math.round(performance.now() - started);
      }
    };
    workDir = await mkdtemp(join(tmpdir(), 'jeseci-drill-'));
    const backupDir = join(workDir, 'backups');
    const r2Dir = join(workDir, 'r2');

    // A fresh database, used as production would be.
    await time('prepare', async () => {
      await ensureDatabase(sourceUrl);
      await migrateDatabase(sourceUrl);
      await loadContent(sourceUrl);
    });
    worker = await startWorkerRuntime({
      bundlePath: stack.bundlePath,
      bindings: { ...stack.workerBindings, DATABASE_URL: sourceUrl },
    });
    await time('use', () => useThePlatform(worker?.url.toString() ?? '', sourceUrl));
    await worker.close();
    worker = undefined;
    const before = await databaseChecksums(sourceUrl);
    const rowsOf = (sums: typeof before, table: string) => (sums[table] as { rows: number } | undefined)?.rows ?? 0;
    expect(rowsOf(before, 'public.attempts')).toBe(24);
    expect(rowsOf(before, 'public.class_members')).toBe(4);
    expect(rowsOf(before, 'public.xp_events')).toBeGreaterThan(0);
    expect(rowsOf(before, 'public.items')).toBeGreaterThan(100);

    // Back up exactly as `npm run backup` does, with the Redis export and the R2 upload.
    const log: string[] = [];
    const env = {
      ...process.env,
      UPSTASH_REDIS_REST_URL: stack.workerBindings.UPSTASH_REDIS_REST_URL,
      UPSTASH_REDIS_REST_TOKEN: stack.workerBindings.UPSTASH_REDIS_REST_TOKEN,
      REDIS_PREFIX: stack.workerBindings.REDIS_PREFIX,
    };
    const backupArgs = [
      '--database-url',
      sourceUrl,
      '--out',
      backupDir,
      '--r2-bucket',
      'jeseci-backups',
      '--r2-local',
      r2Dir,
    ];
    const code = await time('backup', () =>
      backup(backupArgs, env, { exec, now: () => new Date(), log: (line) => log.push(line) }),
    );
    expect(code, log.join('\n')).toBe(0);
    const uploaded = log.find((line) => line.trim().startsWith('r2:')) ?? '';
    const dumpKey = /jeseci-backups\/(daily\/[^,\s]+\.dump)/.exec(uploaded)?.[1];
    const redisFile = /redis: (\S+\.redis\.json)/.exec(log.join('\n'))?.[1];
    expect(dumpKey, log.join('\n')).toBeDefined();

    // Disaster: the database is gone, and so is the local copy.
    await dropDatabase(sourceUrl);
    await rm(join(backupDir, dumpKey?.split('/').at(-1) ?? ''), { force: true });

    // Recovery: fetch the dump from R2, restore it into a new database.
    const fetched = join(workDir, 'fetched.dump');
    await time('fetch', async () => {
      const result = await exec(
        [
          WRANGLER,
          'r2',
          'object',
          'get',
          `jeseci-backups/${dumpKey}`,
          `--file=${fetched}`,
          '--local',
          `--persist-to=${r2Dir}`,
        ],
        { capture: true, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
      );
      expect(result.code, result.stderr).toBe(0);
    });
    const restoreLog: string[] = [];
    const deps = { exec, log: (line: string) => restoreLog.push(line), ask: null };
    const restored = await time('restore', () =>
      restore([fetched, '--database-url', restoredUrl, '--create', '--yes'], {}, deps),
    );
    expect(restored, restoreLog.join('\n')).toBe(0);

    const after = await time('verify', () => databaseChecksums(restoredUrl));
    expect(after).toEqual(before);
    expect(await migrateDatabase(restoredUrl)).toMatchObject({ applied: 0 });

    // The restore refuses to go over a database that has data, unless told to.
    const refusal: string[] = [];
    expect(
      await restore([fetched, '--database-url', restoredUrl, '--yes'], {}, { ...deps, log: (l) => refusal.push(l) }),
    ).toBe(2);
    expect(refusal.join('\n')).toMatch(/is not empty .* pass --force/);

    // The Redis families only Redis holds come back under another prefix.
    if (redisFile) {
      const { readFile } = await import('node:fs/promises');
      const data = JSON.parse(await readFile(redisFile, 'utf8')) as RedisExport;
      const target = {
        url: env.UPSTASH_REDIS_REST_URL ?? '',
        token: env.UPSTASH_REDIS_REST_TOKEN ?? '',
        prefix: `${env.REDIS_PREFIX}drill:`,
      };
      const imported = await importRedis(target, data, false);
      expect(imported.written).toBe(data.keys.length);
    }

    const tables = Object.values(after).filter((v): v is { rows: number; md5: string } => typeof v === 'object');
    const summary = {
      when: new Date().toISOString(),
      tables: tables.length,
      rows: tables.reduce((n, t) => n + t.rows, 0),
      dumpBytes: Number(/\((\d+) KiB/.exec(log.join('\n'))?.[1] ?? 0) * 1024,
      timingsMs: timings,
      // The database work alone, without the wrangler (R2) start-ups around it.
      pgDumpMs: Number(/archive entries, (\d+) ms/.exec(log.join('\n'))?.[1] ?? 0),
      pgRestoreMs: Number(/restored in (\d+) ms/.exec(restoreLog.join('\n'))?.[1] ?? 0),
      recoveryMs: (timings.fetch ?? 0) + (timings.restore ?? 0) + (timings.verify ?? 0),
    };
    console.log(`restore drill: ${JSON.stringify(summary)}`);
    await mkdir(join(REPO_ROOT, '.build'), { recursive: true });
    await writeFile(join(REPO_ROOT, '.build', 'restore-drill.json'), `${JSON.stringify(summary, null, 2)}\n`);
  }, 300_000);
});
