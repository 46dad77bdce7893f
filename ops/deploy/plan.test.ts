import { describe, expect, it } from 'vitest';
import type { EnvironmentTarget } from './environments.ts';
import { describePlan, planDeploy, planRollback, quoteArg, releaseId, type Plan } from './plan.ts';

const target = (name: 'staging' | 'production'): EnvironmentTarget => ({
  name,
  workerName: `jeseci-api-${name}`,
  appUrl: name === 'production' ? 'https://jeseci.dev' : 'https://staging.jeseci.dev',
  routes: [],
  crons: [],
  workersDev: name === 'staging',
  pagesProject: 'jeseci',
  pagesBranch: name === 'production' ? 'main' : 'staging',
  pagesRollback: name === 'production',
  requiredSecrets: ['DATABASE_URL', 'METRICS_TOKEN'],
});
const release = { id: 'production-20261126-1915-abcdef1', commit: 'abcdef1234567890abcdef1234567890abcdef12' };
const ids = (plan: Plan) => plan.steps.map((step) => step.id);
const argvOf = (plan: Plan, id: string) => {
  const action = plan.steps.find((step) => step.id === id)?.action;
  return action?.kind === 'command' ? action.argv : undefined;
};

describe('releaseId', () => {
  it('names the environment, the UTC minute and the short commit', () => {
    expect(releaseId('staging', 'abcdef1234', new Date('2026-11-26T09:05:59Z'))).toBe('staging-20261126-0905-abcdef1');
  });
});

describe('planDeploy', () => {
  it('happy: preflight, restore point, migrations, Worker, frontend, smoke — in that order', () => {
    const plan = planDeploy(target('production'), release);
    expect(ids(plan)).toEqual([
      'clean-tree',
      'check',
      'deploy-credentials',
      'worker-secrets',
      'live-version',
      'pages-live',
      'neon-branch',
      'migrate',
      'worker-deploy',
      'frontend-build',
      'pages-deploy',
      'smoke',
    ]);
    expect(argvOf(plan, 'check')).toEqual(['npm', 'run', 'check']);
    expect(argvOf(plan, 'migrate')).toEqual(['npm', 'run', 'db:migrate']);
    expect(argvOf(plan, 'worker-deploy')).toEqual([
      'wrangler',
      'deploy',
      '--env',
      'production',
      '--tag',
      'abcdef123456',
      '--message',
      `release ${release.id}`,
    ]);
    expect(argvOf(plan, 'pages-deploy')?.slice(0, 8)).toEqual([
      'wrangler',
      'pages',
      'deploy',
      'frontend/dist',
      '--project-name',
      'jeseci',
      '--branch',
      'main',
    ]);
  });

  it('names the Neon branch after the release and checks every required secret', () => {
    const plan = planDeploy(target('production'), release);
    const branch = plan.steps.find((step) => step.id === 'neon-branch');
    expect(branch?.action).toEqual({ kind: 'task', task: 'neon-branch', params: { name: `release-${release.id}` } });
    const secrets = plan.steps.find((step) => step.id === 'worker-secrets');
    expect(secrets?.action).toMatchObject({
      params: { environment: 'production', required: ['DATABASE_URL', 'METRICS_TOKEN'] },
    });
  });

  it('rolls back the Worker to the version recorded before the deploy, and production Pages too', () => {
    const plan = planDeploy(target('production'), release);
    expect(plan.onFailure.map((rule) => rule.afterStep)).toEqual(['worker-deploy', 'pages-deploy']);
    const [workerRule] = plan.onFailure;
    expect(workerRule?.steps[0]?.action).toMatchObject({
      kind: 'command',
      argv: ['wrangler', 'rollback', '{live-version}', '--env', 'production', '--yes', '--message', expect.any(String)],
      uses: ['live-version'],
    });
  });

  it('staging: Pages is a preview branch, so there is no Pages rollback and the plan says so', () => {
    const plan = planDeploy(target('staging'), { ...release, id: 'staging-x' });
    expect(ids(plan)).not.toContain('pages-live');
    expect(plan.onFailure.map((rule) => rule.afterStep)).toEqual(['worker-deploy']);
    expect(plan.notes.join(' ')).toMatch(/preview branch/);
    expect(argvOf(plan, 'pages-deploy')).toContain('staging');
  });

  it('--skip-check leaves out npm run check and says so; --only keeps those phases and their needs', () => {
    const plan = planDeploy(target('production'), release, { skipCheck: true, only: ['preflight', 'database'] });
    expect(ids(plan)).toEqual([
      'clean-tree',
      'deploy-credentials',
      'worker-secrets',
      'live-version',
      'pages-live',
      'neon-branch',
      'migrate',
    ]);
    expect(plan.onFailure).toEqual([]);
    expect(plan.needs).toEqual([
      'CLOUDFLARE_API_TOKEN',
      'CLOUDFLARE_ACCOUNT_ID',
      'DATABASE_URL',
      'NEON_API_KEY',
      'NEON_PROJECT_ID',
    ]);
    expect(plan.notes.join(' ')).toMatch(/skipped/);
  });

  it('security: the plan holds names of secrets, never values', () => {
    const text = JSON.stringify(planDeploy(target('production'), release));
    expect(text).not.toMatch(/postgres(ql)?:\/\//);
    expect(text).toContain('$NEON_PROJECT_ID');
  });
});

describe('planRollback', () => {
  it('rolls the Worker back (to a given version or the one before), then smoke-tests', () => {
    const plan = planRollback(target('production'), release, {
      toVersion: 'v-123',
      pages: true,
      message: 'bad release',
    });
    expect(ids(plan)).toEqual(['worker-rollback', 'pages-rollback', 'smoke']);
    expect(argvOf(plan, 'worker-rollback')).toEqual([
      'wrangler',
      'rollback',
      'v-123',
      '--env',
      'production',
      '--yes',
      '--message',
      'bad release',
    ]);
    expect(argvOf(planRollback(target('staging'), release), 'worker-rollback')).toEqual([
      'wrangler',
      'rollback',
      '--env',
      'staging',
      '--yes',
      '--message',
      `manual rollback (${release.id})`,
    ]);
  });

  it('staging --pages: no API rollback for a preview branch, a note instead', () => {
    const plan = planRollback(target('staging'), release, { pages: true });
    expect(ids(plan)).toEqual(['worker-rollback', 'smoke']);
    expect(plan.notes[0]).toMatch(/preview branch/);
  });
});

describe('describePlan', () => {
  it('prints every step with its command, and what happens on failure', () => {
    const plan = planDeploy(target('production'), release);
    const text = describePlan(plan);
    for (const step of plan.steps) expect(text).toContain(step.shows);
    expect(text).toContain(
      "$ wrangler deploy --env production --tag abcdef123456 --message 'release production-20261126-1915-abcdef1'",
    );
    expect(text).toContain('If a step fails:');
    expect(text).toContain('wrangler rollback {live-version} --env production');
  });

  it('quotes arguments as a shell would need them', () => {
    expect(quoteArg('frontend/dist')).toBe('frontend/dist');
    expect(quoteArg("it's here")).toBe(`'it'\\''s here'`);
  });
});
