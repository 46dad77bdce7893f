import { describe, expect, it } from 'vitest';
import type { Exec, ExecResult } from '../exec.ts';
import type { EnvironmentTarget } from './environments.ts';
import { planDeploy, planRollback } from './plan.ts';
import { describeReport, runPlan, substitute, type Tasks } from './runner.ts';

const env: EnvironmentTarget = {
  name: 'production',
  workerName: 'jeseci-api-production',
  appUrl: 'https://jeseci.dev',
  routes: [],
  crons: [],
  workersDev: false,
  pagesProject: 'jeseci',
  pagesBranch: 'main',
  pagesRollback: true,
  requiredSecrets: ['DATABASE_URL'],
};
const release = { id: 'production-20261126-1915-abcdef1', commit: 'abcdef1234567890' };

/** Records every command and task; fails the ones named. */
function fakes(failing: { commands?: string[]; tasks?: string[] } = {}) {
  const calls: string[] = [];
  const exec: Exec = async (argv) => {
    const line = argv.map((a) => a.replace(/.*node_modules\/\.bin\//, '')).join(' ');
    calls.push(`$ ${line}`);
    const fail = failing.commands?.some((prefix) => line.startsWith(prefix));
    return { code: fail ? 1 : 0, stdout: '', stderr: '' } satisfies ExecResult;
  };
  const task =
    (name: string, outputs: Record<string, string> = {}) =>
    async () => {
      calls.push(`task ${name}`);
      if (failing.tasks?.includes(name)) throw new Error(`${name} said no`);
      return { detail: `${name} ok`, outputs };
    };
  const tasks: Tasks = {
    'clean-tree': task('clean-tree'),
    'deploy-credentials': task('deploy-credentials'),
    'worker-secrets': task('worker-secrets'),
    'live-version': task('live-version', { 'live-version': 'v-live' }),
    'pages-live': task('pages-live', { 'pages-live': 'd-live' }),
    'neon-branch': task('neon-branch', { 'neon-branch': `release-${release.id}` }),
    smoke: task('smoke'),
    'pages-rollback': task('pages-rollback'),
  };
  return { calls, exec, tasks, log: () => {} };
}

describe('runPlan', () => {
  it('happy: runs every step once, in order, and rolls nothing back', async () => {
    const f = fakes();
    const report = await runPlan(planDeploy(env, release), f);
    expect(report.ok).toBe(true);
    expect(report.rollback).toEqual([]);
    expect(f.calls).toEqual([
      'task clean-tree',
      '$ npm run check',
      'task deploy-credentials',
      'task worker-secrets',
      'task live-version',
      'task pages-live',
      'task neon-branch',
      '$ npm run db:migrate',
      `$ wrangler deploy --env production --tag abcdef123456 --message release ${release.id}`,
      '$ npm run build',
      expect.stringMatching(/^\$ wrangler pages deploy frontend\/dist --project-name jeseci --branch main/),
      'task smoke',
    ]);
  });

  it('error: a failed smoke test rolls Pages back, then the Worker to the version live before', async () => {
    const f = fakes({ tasks: ['smoke'] });
    const report = await runPlan(planDeploy(env, release), f);
    expect(report.ok).toBe(false);
    expect(f.calls.slice(-3)).toEqual([
      'task smoke',
      'task pages-rollback',
      `$ wrangler rollback v-live --env production --yes --message automatic rollback of ${release.id}`,
    ]);
    const text = describeReport(report);
    expect(text).toContain('FAILED');
    expect(text).toContain('Failed at "smoke"');
    expect(text).toContain('smoke said no');
    expect(text).toContain(`restore from Neon branch "release-${release.id}"`);
  });

  it('error: a failed Worker deploy still rolls the Worker back, and leaves the steps after it not run', async () => {
    const f = fakes({ commands: ['wrangler deploy'] });
    const report = await runPlan(planDeploy(env, release), f);
    expect(report.records.filter((r) => r.status === 'not run').map((r) => r.step.id)).toEqual([
      'frontend-build',
      'pages-deploy',
      'smoke',
    ]);
    // A failed deploy may have replaced the live version before erroring: going back to the
    // recorded one is right either way. Pages was not touched, so it is not rolled back.
    expect(report.rollback.map((r) => r.step.id)).toEqual(['worker-rollback']);
    expect(f.calls.at(-1)).toMatch(/^\$ wrangler rollback v-live --env production/);
  });

  it('error: a failure before anything was deployed rolls nothing back and says so', async () => {
    const f = fakes({ tasks: ['worker-secrets'] });
    const report = await runPlan(planDeploy(env, release), f);
    expect(report.ok).toBe(false);
    expect(f.calls).toEqual(['task clean-tree', '$ npm run check', 'task deploy-credentials', 'task worker-secrets']);
    expect(describeReport(report)).toContain('Nothing was rolled back');
  });

  it('a rollback plan runs the rollback and the smoke test', async () => {
    const f = fakes();
    const report = await runPlan(planRollback(env, release, { toVersion: 'v-7' }), f);
    expect(report.ok).toBe(true);
    expect(f.calls).toEqual([
      `$ wrangler rollback v-7 --env production --yes --message manual rollback (${release.id})`,
      'task smoke',
    ]);
  });
});

describe('substitute', () => {
  it('replaces {name} with an earlier output and refuses a missing one', () => {
    expect(substitute('{live-version}', { 'live-version': 'v1' })).toBe('v1');
    expect(() => substitute('{live-version}', {})).toThrow(/did not run/);
  });
});
