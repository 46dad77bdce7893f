import { describe, expect, it } from 'vitest';
import {
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
  readJournal,
  type CheckResult,
} from './checks.ts';

const NOW = Date.parse('2026-11-26T12:00:00Z');

describe('the table', () => {
  const results: CheckResult[] = [
    { check: 'tests', status: 'pass', detail: '10 passed, 0 failed' },
    { check: 'secrets', status: 'skip', detail: 'needs Cloudflare' },
    { check: 'backups', status: 'fail', detail: 'no backup' },
  ];

  it('lines up check, status and detail, and counts each status', () => {
    expect(formatTable(results)).toBe(
      [
        'check    status  detail',
        '-------  ------  ----------------------------------------',
        'tests    PASS    10 passed, 0 failed',
        'secrets  SKIP    needs Cloudflare',
        'backups  FAIL    no backup',
        '',
        '1 passed, 1 failed, 1 skipped',
      ].join('\n'),
    );
  });

  it('exits 1 when anything failed, 0 when everything passed or was skipped', () => {
    expect(exitCodeOf(results)).toBe(1);
    expect(exitCodeOf(results.filter((r) => r.status !== 'fail'))).toBe(0);
    expect(exitCodeOf([])).toBe(0);
  });
});

describe('checks', () => {
  it('tests: pass, fail, none and stale results', () => {
    const run = {
      numTotalTests: 10,
      numPassedTests: 10,
      numFailedTests: 0,
      numPendingTests: 2,
      success: true,
      startTime: NOW - 3600_000,
    };
    expect(judgeTestResults(run, NOW)).toEqual({
      check: 'tests',
      status: 'pass',
      detail: '10 passed, 0 failed, 2 skipped',
    });
    expect(judgeTestResults({ ...run, numFailedTests: 1, success: false }, NOW).status).toBe('fail');
    expect(judgeTestResults(null, NOW).status).toBe('skip');
    expect(judgeTestResults({ ...run, startTime: NOW - 30 * 3600_000 }, NOW)).toMatchObject({
      status: 'skip',
      detail: expect.stringMatching(/30 h old/),
    });
  });

  it('security: high or critical advisories fail; lower ones pass with a note', () => {
    expect(judgeAudit({ low: 1, moderate: 2, high: 0, critical: 0 })).toEqual({
      check: 'security',
      status: 'pass',
      detail: 'npm audit --omit=dev: 2 moderate, 1 low',
    });
    expect(judgeAudit({ high: 1 }).status).toBe('fail');
    expect(judgeAudit({}).detail).toMatch(/no known vulnerabilities/);
    expect(judgeAudit('405 Method Not Allowed')).toEqual({
      check: 'security',
      status: 'skip',
      detail: 'npm audit could not run: 405 Method Not Allowed',
    });
  });

  it('secrets: skipped without Cloudflare; from an env file, empty values count as missing', () => {
    expect(judgeSecrets(['A'], null, '').detail).toBe(
      'needs Cloudflare: pass --env with CLOUDFLARE_API_TOKEN set, or --secrets-file FILE',
    );
    const present = namesInEnvFile(
      '# comment\nDATABASE_URL=postgres://x\nexport METRICS_TOKEN="abc"\nMAIL_API_KEY=\nEMPTY=""\n',
    );
    expect(present).toEqual(['DATABASE_URL', 'METRICS_TOKEN']);
    expect(judgeSecrets(['DATABASE_URL', 'MAIL_API_KEY'], present, 'prod.env')).toEqual({
      check: 'secrets',
      status: 'fail',
      detail: 'missing in prod.env: MAIL_API_KEY',
    });
  });

  it('migrations: up to date, pending (fails only when they should be applied), and a database ahead of the code', () => {
    const journal = [
      { tag: '0000_a', when: 1 },
      { tag: '0001_b', when: 2 },
      { tag: '0002_c', when: 3 },
    ];
    expect(judgeMigrations(journal, [1, 2, 3], false)).toMatchObject({
      status: 'pass',
      detail: 'up to date (3 applied)',
    });
    expect(judgeMigrations(journal, [1], false)).toMatchObject({
      status: 'pass',
      detail: '2 pending, applied by the deploy: 0001_b, 0002_c',
    });
    expect(judgeMigrations(journal, [1], true)).toMatchObject({
      status: 'fail',
      detail: '2 not applied: 0001_b, 0002_c',
    });
    expect(judgeMigrations(journal, [1, 2, 3, 4], false).status).toBe('fail');
    expect(judgeMigrations(journal, null, false).status).toBe('skip');
    expect(readJournal().length).toBeGreaterThan(7);
  });

  it('backups: the newest dump must be younger than 26 hours', () => {
    const at = (hoursAgo: number) => {
      const stamp = new Date(NOW - hoursAgo * 3600_000)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}Z$/, 'Z');
      return `jeseci-production-${stamp}.dump`;
    };
    expect(judgeBackups([at(30), at(25)], '/b', NOW)).toMatchObject({
      status: 'pass',
      detail: expect.stringMatching(/25\.0 h old/),
    });
    expect(judgeBackups([at(27)], '/b', NOW).status).toBe('fail');
    expect(judgeBackups(['jeseci-production-20261126T110000Z.redis.json'], '/b', NOW).status).toBe('fail');
    expect(judgeBackups(null, '/b', NOW).detail).toBe('no backup folder at /b');
  });

  it('health: both endpoints must answer 200; no URL is a skip', async () => {
    const answering = (ready: number): typeof fetch =>
      (async (input: string | URL | Request) =>
        new Response('{}', { status: String(input).endsWith('/ready') ? ready : 200 })) as typeof fetch;
    expect(await checkHealth('https://x.test', answering(200))).toEqual({
      check: 'health',
      status: 'pass',
      detail: '/api/health 200, /api/health/ready 200',
    });
    expect((await checkHealth('https://x.test', answering(503))).status).toBe('fail');
    expect((await checkHealth(undefined)).status).toBe('skip');
  });

  it('alerts: the monitoring files exist and parse', () => {
    expect(checkMonitoringFiles()).toMatchObject({
      status: 'pass',
      detail: expect.stringMatching(/^\d+ alert rules, 3 scrape jobs, 2 dashboards$/),
    });
    expect(checkMonitoringFiles('/nonexistent').status).toBe('fail');
  });
});
