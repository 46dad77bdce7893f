/**
 * `npm run preflight [-- --env staging|production] [--url https://…] [--database-url URL]
 *   [--backup-dir DIR] [--secrets-file FILE] [--run-tests | --test-results FILE]
 *   [--expect-migrated]`
 *
 * The automatable part of the spec's deployment checklist, as a pass / fail / skip table
 * (checks.ts): tests, `npm audit` of production dependencies, the Worker's secrets, pending
 * migrations, the newest backup's age, the health endpoints, the alert rules. A check that
 * needs what is not at hand (Cloudflare, a URL, a database) is skipped and says what it
 * needs. Exit code 1 when a check failed, 0 otherwise.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BACKUP_DIR } from '../backup/backup.ts';
import { exec } from '../exec.ts';
import { REPO_ROOT } from '../exec.ts';
import {
  appliedMigrations,
  backupNames,
  checkHealth,
  checkMonitoringFiles,
  exitCodeOf,
  formatTable,
  judgeAudit,
  judgeBackups,
  judgeMigrations,
  judgeSecrets,
  judgeTestResults,
  namesInEnvFile,
  readAudit,
  readJournal,
  requiredSecrets,
  secretsSetIn,
  type CheckResult,
  type VitestSummary,
} from './checks.ts';

const { values } = parseArgs({
  options: {
    env: { type: 'string' },
    url: { type: 'string' },
    'database-url': { type: 'string' },
    'backup-dir': { type: 'string' },
    'secrets-file': { type: 'string' },
    'run-tests': { type: 'boolean', default: false },
    'test-results': { type: 'string' },
    'expect-migrated': { type: 'boolean', default: false },
  },
});

const results: CheckResult[] = [];
const now = Date.now();

// Tests: run them, or read a run's JSON report (.ci/run writes .build/test-results.json).
const resultsFile = values['run-tests']
  ? join(REPO_ROOT, '.build', 'preflight-tests.json')
  : resolve(values['test-results'] ?? join(REPO_ROOT, '.build', 'test-results.json'));
if (values['run-tests']) {
  console.log('running npm test…');
  await exec(['npm', 'test', '--', '--reporter=dot', '--reporter=json', `--outputFile.json=${resultsFile}`]);
}
let summary: VitestSummary | null = null;
if (existsSync(resultsFile)) {
  summary = JSON.parse(readFileSync(resultsFile, 'utf8')) as VitestSummary;
  summary.startTime ||= statSync(resultsFile).mtimeMs;
}
results.push(judgeTestResults(summary, now));

results.push(judgeAudit(await readAudit(exec)));

let secrets: string[] | null = null;
let where = '';
try {
  if (values['secrets-file']) {
    secrets = namesInEnvFile(readFileSync(values['secrets-file'], 'utf8'));
    where = values['secrets-file'];
  } else if (values.env && process.env.CLOUDFLARE_API_TOKEN) {
    secrets = await secretsSetIn(values.env, exec);
    where = `the ${values.env} Worker`;
  }
  results.push(judgeSecrets(requiredSecrets(), secrets, where));
} catch (err) {
  results.push({ check: 'secrets', status: 'fail', detail: err instanceof Error ? err.message : String(err) });
}

const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
try {
  results.push(
    judgeMigrations(
      readJournal(),
      databaseUrl ? await appliedMigrations(databaseUrl) : null,
      values['expect-migrated'],
    ),
  );
} catch (err) {
  results.push({
    check: 'migrations',
    status: 'fail',
    detail: `cannot read the database: ${err instanceof Error ? err.message : String(err)}`,
  });
}

const backupDir = resolve(values['backup-dir'] ?? DEFAULT_BACKUP_DIR);
results.push(judgeBackups(backupNames(backupDir), backupDir, now));

results.push(await checkHealth(values.url));
results.push(checkMonitoringFiles());

console.log(formatTable(results));
console.log('\nManual checklist items: docs/deploy.md, "Before a deploy".');
process.exitCode = exitCodeOf(results);
