/**
 * `npm run restore -- FILE.dump --database-url URL [--create] [--force] [--yes]`
 * `npm run restore -- FILE.redis.json [--env staging|production] [--force] [--yes]`
 *
 * Restores a backup made by `npm run backup`. A database dump goes in with pg_restore in
 * one transaction (all or nothing), without owners or grants. It refuses a database that
 * already has tables unless --force (which drops and recreates what the dump contains;
 * anything else in the database stays), and asks for the database's name to be typed
 * before touching it unless --yes. --create makes the database when it does not exist.
 * A Redis export is written under REDIS_PREFIX (or the --env's prefix), leaving keys that
 * exist alone unless --force.
 * Exit codes: 0 restored, 1 failed, 2 bad usage or refused.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { unstable_readConfig } from 'wrangler';
import { databaseName, ensureDatabase } from '../db/databases.ts';
import { isEntryPoint } from '../entry-point.ts';
import { exec as realExec, REPO_ROOT, type Exec } from '../exec.ts';
import { archiveEntries, databaseChecksums, redactUrl, restoreDatabase, userTables } from './postgres.ts';
import { importRedis, redisTargetFromEnv, type RedisExport } from './redis-export.ts';

export interface RestoreDependencies {
  exec: Exec;
  log: (line: string) => void;
  /** Asks a question on the terminal; null when there is none (then --yes is required). */
  ask: ((question: string) => Promise<string>) | null;
}

class Refused extends Error {}

async function databaseExists(databaseUrl: string): Promise<boolean> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [databaseName(databaseUrl)]);
    return Boolean(found.rowCount);
  } finally {
    await client.end();
  }
}

async function confirm(deps: RestoreDependencies, yes: boolean, what: string, answer: string): Promise<void> {
  if (yes) return;
  if (!deps.ask) throw new Refused(`${what} There is no terminal to confirm on: pass --yes to go ahead.`);
  const typed = await deps.ask(`${what}\nType "${answer}" to go ahead: `);
  if (typed.trim() !== answer) throw new Refused('not confirmed; nothing was changed');
}

async function restoreDump(
  file: string,
  values: { 'database-url'?: string; create: boolean; force: boolean; yes: boolean },
  deps: RestoreDependencies,
): Promise<void> {
  const databaseUrl = values['database-url'];
  if (!databaseUrl) throw new Refused('--database-url is required: the database to restore into');
  const target = redactUrl(databaseUrl);
  const entries = await archiveEntries(file, deps.exec);
  deps.log(`Restoring ${file} (${entries} archive entries) into ${target}`);

  if (!(await databaseExists(databaseUrl))) {
    if (!values.create)
      throw new Refused(`database "${databaseName(databaseUrl)}" does not exist; pass --create to make it`);
    await ensureDatabase(databaseUrl);
    deps.log(`  created database "${databaseName(databaseUrl)}"`);
  }
  const tables = await userTables(databaseUrl);
  if (tables.length && !values.force) {
    throw new Refused(
      `database "${databaseName(databaseUrl)}" is not empty (${tables.length} tables, e.g. ${tables.slice(0, 3).join(', ')}); ` +
        'restore into an empty database, or pass --force to drop and recreate what the dump holds',
    );
  }
  await confirm(
    deps,
    values.yes,
    tables.length
      ? `This DROPS and recreates the tables of ${file} in ${target} (${tables.length} tables there now).`
      : `This restores ${file} into ${target}.`,
    databaseName(databaseUrl),
  );
  const started = Date.now();
  await restoreDatabase(databaseUrl, file, { clean: tables.length > 0 }, deps.exec);
  const sums = await databaseChecksums(databaseUrl);
  const counts = Object.entries(sums).filter(
    (entry): entry is [string, { rows: number; md5: string }] => typeof entry[1] === 'object',
  );
  const rows = counts.reduce((total, [, sum]) => total + sum.rows, 0);
  deps.log(`  restored in ${Date.now() - started} ms: ${counts.length} tables, ${rows} rows`);
  for (const [table, sum] of counts.filter(([, s]) => s.rows > 0)) deps.log(`    ${table.padEnd(40)} ${sum.rows}`);
  deps.log('Next: point the environment at it (docs/runbook.md), then `npm run leaderboard:rebuild`.');
}

async function restoreRedis(
  file: string,
  values: { env?: string; force: boolean; yes: boolean },
  env: NodeJS.ProcessEnv,
  deps: RestoreDependencies,
): Promise<void> {
  let target = redisTargetFromEnv(env);
  if (!target) throw new Refused('UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set to restore Redis');
  if (values.env) {
    const config = unstable_readConfig(
      { config: join(REPO_ROOT, 'wrangler.toml'), env: values.env },
      { hideWarnings: true },
    );
    if (typeof config.vars.REDIS_PREFIX === 'string') target = { ...target, prefix: config.vars.REDIS_PREFIX };
  }
  const data = JSON.parse(await readFile(file, 'utf8')) as RedisExport;
  await confirm(
    deps,
    values.yes,
    `This writes ${data.keys.length} Redis keys (exported under "${data.prefix}") under "${target.prefix}"` +
      (values.force ? ', replacing keys that exist.' : ', keeping keys that exist.'),
    target.prefix,
  );
  const report = await importRedis(target, data, values.force);
  deps.log(`  redis: ${report.written} keys written, ${report.kept.length} existing keys kept`);
}

export async function main(argv: string[], env: NodeJS.ProcessEnv, deps: RestoreDependencies): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'database-url': { type: 'string' },
        env: { type: 'string' },
        create: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new Refused('name one backup file');
    if (!existsSync(file)) throw new Refused(`${file}: no such file`);
    if (file.endsWith('.redis.json')) await restoreRedis(file, values, env, deps);
    else await restoreDump(file, values, deps);
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (
      err instanceof Refused ||
      (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      deps.log(`Refused: ${message}`);
      deps.log('usage: npm run restore -- FILE.dump --database-url URL [--create] [--force] [--yes]');
      return 2;
    }
    deps.log(`Restore FAILED: ${message}`);
    return 1;
  }
}

if (isEntryPoint(import.meta.url)) {
  const terminal = process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : null;
  process.exitCode = await main(process.argv.slice(2), process.env, {
    exec: realExec,
    log: (line) => console.log(line),
    ask: terminal ? (question) => terminal.question(question) : null,
  });
  terminal?.close();
}
