/**
 * `npm run backup [-- --env staging|production | --database-url URL] [--out DIR]
 *                 [--r2-bucket NAME] [--keep-all] [--dry-run]`
 *
 * One backup set: `pg_dump -Fc -Z 6` of the database to `jeseci-<label>-<UTC stamp>.dump`
 * (checked readable with `pg_restore --list`), the Redis key families that exist nowhere
 * else (redis-export.ts) to `….redis.json` when Upstash credentials are set, an optional
 * upload of both to R2 (`wrangler r2 object put`, under `daily/<label>/`, and on Sundays
 * also `weekly/<label>/`, each prefix with its own lifecycle rule: docs/runbook.md), then
 * the folder's retention: 7 daily + 4 weekly (retention.ts).
 *
 * The database: --database-url, else with --env the variable `<ENV>_DATABASE_URL`, else
 * DATABASE_URL. With --env the Redis prefix is that environment's REDIS_PREFIX from
 * wrangler.toml. `--r2-local DIR` writes to a local R2 emulation (Miniflare's storage in
 * DIR) instead of the account's bucket: a rehearsal that needs no Cloudflare.
 * Exit codes: 0 done, 1 failed, 2 bad usage.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { unstable_readConfig } from 'wrangler';
import { databaseName } from '../db/databases.ts';
import { isEntryPoint } from '../entry-point.ts';
import { exec as realExec, REPO_ROOT, WRANGLER, type Exec } from '../exec.ts';
import { archiveEntries, dumpArgs, dumpDatabase, redactUrl } from './postgres.ts';
import { exportRedis, redisTargetFromEnv, type RedisTarget } from './redis-export.ts';
import { backupFileName, backupLabel, planRetention } from './retention.ts';

export const DEFAULT_BACKUP_DIR = join(REPO_ROOT, '.data', 'backups');

export interface BackupOptions {
  databaseUrl: string;
  label: string;
  outDir: string;
  redis: RedisTarget | null;
  r2Bucket?: string;
  /** Miniflare persistence folder: upload to the local R2 emulation instead of the account. */
  r2Local?: string;
  keepAll?: boolean;
  dryRun?: boolean;
}

export interface BackupReport {
  file: string;
  bytes: number;
  sha256: string;
  /** Entries in the archive's table of contents. */
  entries: number;
  dumpMs: number;
  redis: { file: string; keys: number } | null;
  uploaded: string[];
  removed: string[];
  totalMs: number;
}

export interface BackupDependencies {
  exec: Exec;
  now: () => Date;
  log: (line: string) => void;
}

const sha256Of = (file: string) =>
  new Promise<string>((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => done(hash.digest('hex')));
  });

/** Object keys in the bucket: daily always; weekly too for a Sunday (UTC) backup, the week's last. */
export function r2Keys(label: string, fileName: string, at: Date): string[] {
  const keys = [`daily/${label}/${fileName}`];
  if (at.getUTCDay() === 0) keys.push(`weekly/${label}/${fileName}`);
  return keys;
}

export function r2PutArgs(bucket: string, key: string, file: string, local?: string): string[] {
  return [
    WRANGLER,
    'r2',
    'object',
    'put',
    `${bucket}/${key}`,
    `--file=${file}`,
    '--content-type=application/octet-stream',
    ...(local ? ['--local', `--persist-to=${local}`] : ['--remote']),
  ];
}

export async function runBackup(options: BackupOptions, deps: BackupDependencies): Promise<BackupReport> {
  const started = Date.now();
  const at = deps.now();
  const label = backupLabel(options.label);
  const outDir = resolve(options.outDir);
  const file = join(outDir, backupFileName(label, at));
  const redisFile = join(outDir, backupFileName(label, at, 'redis'));
  const log = deps.log;

  log(`Backing up ${redactUrl(options.databaseUrl)} as "${label}" into ${outDir}`);
  if (options.dryRun) {
    log(`  $ ${dumpArgs(redactUrl(options.databaseUrl), file).join(' ')}`);
    log(`  $ pg_restore --list ${file}`);
    log(
      options.redis
        ? `  Redis: export the families that exist nowhere else under "${options.redis.prefix}" to ${redisFile}`
        : '  Redis: not exported (UPSTASH_REDIS_REST_URL / _TOKEN not set)',
    );
  } else {
    await mkdir(outDir, { recursive: true });
  }

  let bytes = 0;
  let sha256 = '';
  let entries = 0;
  let dumpMs = 0;
  let redis: BackupReport['redis'] = null;
  if (!options.dryRun) {
    const dumpStarted = Date.now();
    await dumpDatabase(options.databaseUrl, file, deps.exec);
    dumpMs = Date.now() - dumpStarted;
    entries = await archiveEntries(file, deps.exec);
    bytes = (await stat(file)).size;
    sha256 = await sha256Of(file);
    log(
      `  dump: ${file} (${(bytes / 1024).toFixed(0)} KiB, ${entries} archive entries, ${dumpMs} ms, sha256 ${sha256})`,
    );
    if (options.redis) {
      const data = await exportRedis(options.redis, at);
      await writeFile(redisFile, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
      redis = { file: redisFile, keys: data.keys.length };
      log(`  redis: ${redisFile} (${data.keys.length} keys of ${data.families.join(', ')})`);
    } else {
      log('  redis: not exported (UPSTASH_REDIS_REST_URL / _TOKEN not set); leaderboards rebuild from Postgres');
    }
  }

  const uploaded: string[] = [];
  if (options.r2Bucket) {
    const files = [file, ...(redis || (options.dryRun && options.redis) ? [redisFile] : [])];
    for (const path of files) {
      const name = path.slice(outDir.length + 1);
      for (const key of r2Keys(label, name, at)) {
        const argv = r2PutArgs(options.r2Bucket, key, path, options.r2Local);
        if (options.dryRun) {
          log(`  $ ${['wrangler', ...argv.slice(1)].join(' ')}`);
        } else {
          const result = await deps.exec(argv, {
            capture: true,
            env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
          });
          if (result.code !== 0) {
            throw new Error(`upload of ${key} to R2 failed: ${(result.stderr || result.stdout).trim().slice(-400)}`);
          }
        }
        uploaded.push(`${options.r2Bucket}/${key}`);
      }
    }
    if (!options.dryRun) log(`  r2: ${uploaded.join(', ')}${options.r2Local ? ' (local emulation)' : ''}`);
  }

  const removed: string[] = [];
  if (!options.keepAll) {
    const names = await readdir(outDir).catch(() => [] as string[]);
    const plan = planRetention(options.dryRun ? [...names, backupFileName(label, at)] : names);
    for (const name of plan.remove) {
      if (options.dryRun) log(`  retention: would remove ${name}`);
      else await rm(join(outDir, name), { force: true });
      removed.push(name);
    }
    log(`  retention (7 daily + 4 weekly): ${plan.keep.length} kept, ${removed.length} removed`);
  }
  return { file, bytes, sha256, entries, dumpMs, redis, uploaded, removed, totalMs: Date.now() - started };
}

class UsageError extends Error {}

export function backupOptionsFromArgs(argv: string[], env: NodeJS.ProcessEnv): BackupOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      env: { type: 'string' },
      'database-url': { type: 'string' },
      out: { type: 'string' },
      'r2-bucket': { type: 'string' },
      'r2-local': { type: 'string' },
      'keep-all': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
    strict: true,
  });
  let redis = redisTargetFromEnv(env);
  let label: string;
  let databaseUrl = values['database-url'];
  if (values.env) {
    if (values.env !== 'staging' && values.env !== 'production') {
      throw new UsageError(`--env must be staging or production, not "${values.env}"`);
    }
    label = values.env;
    databaseUrl ??= env[`${values.env.toUpperCase()}_DATABASE_URL`] ?? env.DATABASE_URL;
    const config = unstable_readConfig(
      { config: join(REPO_ROOT, 'wrangler.toml'), env: values.env },
      { hideWarnings: true },
    );
    const prefix = config.vars.REDIS_PREFIX;
    if (redis && typeof prefix === 'string') redis = { ...redis, prefix };
  } else {
    databaseUrl ??= env.DATABASE_URL;
    label = databaseUrl ? databaseName(databaseUrl) : 'db';
  }
  if (!databaseUrl) {
    throw new UsageError(
      'which database? pass --database-url URL, or --env with <ENV>_DATABASE_URL set, or set DATABASE_URL',
    );
  }
  if (values['r2-local'] && !values['r2-bucket']) throw new UsageError('--r2-local needs --r2-bucket');
  return {
    databaseUrl,
    label,
    outDir: values.out ?? DEFAULT_BACKUP_DIR,
    redis,
    ...(values['r2-bucket'] ? { r2Bucket: values['r2-bucket'] } : {}),
    ...(values['r2-local'] ? { r2Local: resolve(values['r2-local']) } : {}),
    keepAll: values['keep-all'],
    dryRun: values['dry-run'],
  };
}

export async function main(argv: string[], env: NodeJS.ProcessEnv, deps: BackupDependencies): Promise<number> {
  let options: BackupOptions;
  try {
    options = backupOptionsFromArgs(argv, env);
  } catch (err) {
    deps.log(err instanceof Error ? err.message : String(err));
    deps.log(
      'usage: npm run backup -- [--env staging|production | --database-url URL] [--out DIR] [--r2-bucket NAME] [--dry-run]',
    );
    return 2;
  }
  try {
    const report = await runBackup(options, deps);
    deps.log(
      options.dryRun
        ? 'Dry run: nothing was written or uploaded.'
        : `Backup done in ${report.totalMs} ms: ${report.file}`,
    );
    return 0;
  } catch (err) {
    deps.log(`Backup FAILED: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), process.env, {
    exec: realExec,
    now: () => new Date(),
    log: (line) => console.log(line),
  });
}
