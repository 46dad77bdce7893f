/**
 * The deployment checklist items of the operations spec that a program can check, each a
 * function answering pass / fail / skip with a reason. The judgements are pure functions
 * of what was read (test results, an audit report, migration lists, backup names, HTTP
 * statuses); the readers around them do the I/O. What no program can check (code review,
 * user acceptance…) is listed in docs/deploy.md as manual steps.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { parse } from 'yaml';
import { newestBackup } from '../backup/retention.ts';
import { missingNames, parseSecretList } from '../deploy/tasks.ts';
import { secretNames } from '../deploy/environments.ts';
import { MIGRATIONS_DIR } from '../db/migrate.ts';
import { execOrThrow, REPO_ROOT, WRANGLER, type Exec } from '../exec.ts';

export type Status = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  check: string;
  status: Status;
  detail: string;
}

const result = (check: string, status: Status, detail: string): CheckResult => ({ check, status, detail });

// ---- tests ---------------------------------------------------------------------------

export interface VitestSummary {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  success: boolean;
  startTime: number;
}

export const STALE_TEST_RESULTS_MS = 24 * 3600_000;

export function judgeTestResults(summary: VitestSummary | null, now: number): CheckResult {
  if (!summary)
    return result('tests', 'skip', 'no test results: pass --run-tests, or --test-results FILE from a CI run');
  const age = now - summary.startTime;
  const counts = `${summary.numPassedTests} passed, ${summary.numFailedTests} failed`;
  if (age > STALE_TEST_RESULTS_MS) {
    return result('tests', 'skip', `results are ${Math.round(age / 3600_000)} h old (${counts}): run them again`);
  }
  if (!summary.success || summary.numFailedTests > 0 || summary.numTotalTests === 0)
    return result('tests', 'fail', counts);
  return result('tests', 'pass', `${counts}${summary.numPendingTests ? `, ${summary.numPendingTests} skipped` : ''}`);
}

// ---- security ------------------------------------------------------------------------

export interface AuditCounts {
  info?: number;
  low?: number;
  moderate?: number;
  high?: number;
  critical?: number;
}

/** High and critical advisories in production dependencies fail; lower ones are reported. */
export function judgeAudit(counts: AuditCounts | string | null): CheckResult {
  if (!counts || typeof counts === 'string') {
    return result('security', 'skip', `npm audit could not run${counts ? `: ${counts}` : ''}`);
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  const listed = (['critical', 'high', 'moderate', 'low'] as const)
    .filter((level) => (counts[level] ?? 0) > 0)
    .map((level) => `${counts[level]} ${level}`);
  const summary = listed.length ? listed.join(', ') : 'no known vulnerabilities';
  return result('security', serious ? 'fail' : 'pass', `npm audit --omit=dev: ${summary}`);
}

/** The advisory counts, or why there are none (e.g. a registry mirror without the audit endpoint). */
export async function readAudit(exec: Exec): Promise<AuditCounts | string> {
  const out = await exec(['npm', 'audit', '--omit=dev', '--json'], { capture: true });
  try {
    const report = JSON.parse(out.stdout) as { metadata?: { vulnerabilities?: AuditCounts }; message?: string };
    return report.metadata?.vulnerabilities ?? report.message ?? 'no report';
  } catch {
    return (out.stderr.trim().split('\n')[0] ?? '') || `exit ${out.code}`;
  }
}

// ---- secrets -------------------------------------------------------------------------

/** Names with a non-empty value in a dotenv file. */
export function namesInEnvFile(text: string): string[] {
  return text
    .split('\n')
    .map((line) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && (m[2] ?? '').replace(/^["']|["']$/g, '').trim() !== '')
    .map((m) => m[1] ?? '');
}

export function judgeSecrets(
  required: readonly string[],
  present: readonly string[] | null,
  where: string,
): CheckResult {
  if (!present)
    return result(
      'secrets',
      'skip',
      'needs Cloudflare: pass --env with CLOUDFLARE_API_TOKEN set, or --secrets-file FILE',
    );
  const missing = missingNames(required, present);
  return missing.length
    ? result('secrets', 'fail', `missing in ${where}: ${missing.join(', ')}`)
    : result('secrets', 'pass', `all ${required.length} set in ${where}`);
}

export async function secretsSetIn(environment: string, exec: Exec): Promise<string[]> {
  const { stdout } = await execOrThrow(
    [WRANGLER, 'secret', 'list', '--env', environment, '--format', 'json'],
    { capture: true, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
    exec,
  );
  return parseSecretList(stdout);
}

export const requiredSecrets = () => secretNames();

// ---- migrations ----------------------------------------------------------------------

export interface JournalEntry {
  tag: string;
  when: number;
}

export function readJournal(dir = MIGRATIONS_DIR): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/**
 * drizzle records each applied migration's journal timestamp (`created_at`) and applies
 * those newer than the last one recorded; so pending are the journal's entries after it,
 * and a database whose last migration is not in the journal is ahead of this code.
 */
export function judgeMigrations(
  journal: readonly JournalEntry[],
  applied: readonly number[] | null,
  expectMigrated: boolean,
): CheckResult {
  if (!applied) return result('migrations', 'skip', 'no database: pass --database-url or set DATABASE_URL');
  const last = applied.reduce((a, b) => Math.max(a, b), 0);
  const known = new Set(journal.map((entry) => entry.when));
  const unknown = applied.filter((when) => !known.has(when));
  if (unknown.length) {
    return result(
      'migrations',
      'fail',
      `the database has ${unknown.length} migration(s) this code does not know: it is ahead of this commit`,
    );
  }
  const pending = journal.filter((entry) => entry.when > last);
  if (!pending.length) return result('migrations', 'pass', `up to date (${applied.length} applied)`);
  const names = pending.map((entry) => entry.tag).join(', ');
  return expectMigrated
    ? result('migrations', 'fail', `${pending.length} not applied: ${names}`)
    : result('migrations', 'pass', `${pending.length} pending, applied by the deploy: ${names}`);
}

export async function appliedMigrations(databaseUrl: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query<{ present: boolean }>(
      `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
    );
    if (!exists.rows[0]?.present) return [];
    const rows = await client.query<{ created_at: string }>('select created_at from drizzle.__drizzle_migrations');
    return rows.rows.map((row) => Number(row.created_at));
  } finally {
    await client.end();
  }
}

// ---- backups -------------------------------------------------------------------------

export const BACKUP_MAX_AGE_MS = 26 * 3600_000;

export function judgeBackups(names: readonly string[] | null, dir: string, now: number): CheckResult {
  if (!names) return result('backups', 'fail', `no backup folder at ${dir}`);
  const newest = newestBackup(names);
  if (!newest) return result('backups', 'fail', `no backup in ${dir} (npm run backup)`);
  const hours = (now - newest.at.getTime()) / 3600_000;
  const detail = `newest ${newest.name}, ${hours.toFixed(1)} h old`;
  return result('backups', now - newest.at.getTime() <= BACKUP_MAX_AGE_MS ? 'pass' : 'fail', `${detail} (limit 26 h)`);
}

export function backupNames(dir: string): string[] | null {
  return existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir) : null;
}

// ---- health --------------------------------------------------------------------------

export async function checkHealth(baseUrl: string | undefined, doFetch: typeof fetch = fetch): Promise<CheckResult> {
  if (!baseUrl) return result('health', 'skip', 'no URL: pass --url https://…');
  const statuses: string[] = [];
  let ok = true;
  for (const path of ['/api/health', '/api/health/ready']) {
    try {
      const res = await doFetch(new URL(path, baseUrl), { signal: AbortSignal.timeout(10_000) });
      statuses.push(`${path} ${res.status}`);
      ok &&= res.status === 200;
    } catch (err) {
      statuses.push(`${path} unreachable (${err instanceof Error ? err.message : String(err)})`);
      ok = false;
    }
  }
  return result('health', ok ? 'pass' : 'fail', statuses.join(', '));
}

// ---- alert rules ---------------------------------------------------------------------

export function checkMonitoringFiles(root = REPO_ROOT): CheckResult {
  try {
    const monitoring = join(root, 'ops', 'monitoring');
    const prometheus = parse(readFileSync(join(monitoring, 'prometheus.yml'), 'utf8')) as {
      scrape_configs?: unknown[];
    };
    const alerts = parse(readFileSync(join(monitoring, 'alerts.yml'), 'utf8')) as {
      groups?: { rules?: { alert?: string; expr?: string }[] }[];
    };
    const rules = (alerts.groups ?? []).flatMap((group) => group.rules ?? []).filter((rule) => rule.alert && rule.expr);
    const dashboards = readdirSync(join(root, 'ops', 'dashboards')).filter((name) => name.endsWith('.json'));
    for (const name of dashboards) JSON.parse(readFileSync(join(root, 'ops', 'dashboards', name), 'utf8'));
    if (!prometheus.scrape_configs?.length || !rules.length)
      return result('alerts', 'fail', 'no scrape jobs or no alert rules');
    return result(
      'alerts',
      'pass',
      `${rules.length} alert rules, ${prometheus.scrape_configs.length} scrape jobs, ${dashboards.length} dashboards`,
    );
  } catch (err) {
    return result('alerts', 'fail', err instanceof Error ? err.message : String(err));
  }
}

// ---- the table -----------------------------------------------------------------------

const LABEL: Record<Status, string> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' };

export function formatTable(results: readonly CheckResult[]): string {
  const width = Math.max(5, ...results.map((r) => r.check.length));
  const lines = [`${'check'.padEnd(width)}  status  detail`, `${'-'.repeat(width)}  ------  ${'-'.repeat(40)}`];
  for (const r of results) lines.push(`${r.check.padEnd(width)}  ${LABEL[r.status].padEnd(6)}  ${r.detail}`);
  const count = (status: Status) => results.filter((r) => r.status === status).length;
  lines.push('', `${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`);
  return lines.join('\n');
}

/** 1 when anything failed; skips do not fail the run (they say what would check them). */
export const exitCodeOf = (results: readonly CheckResult[]): number =>
  results.some((r) => r.status === 'fail') ? 1 : 0;
