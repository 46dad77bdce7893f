/**
 * A deploy or rollback as a plan: plain data, built by pure functions, listing every step
 * with the exact command it runs (or, for the few steps that are code, what they call).
 * `--dry-run` prints the plan; the runner (runner.ts) executes it. Nothing here does I/O.
 *
 * Order of a deploy: preflight (clean tree, `npm run check`, the deploying machine's
 * credentials, the Worker's secrets, the live Worker version to come back to) → database
 * (a Neon branch named after the release as the instant restore point, then migrations) →
 * Worker → frontend (build, Pages) → smoke test. If a step fails, what was already
 * changed is undone in reverse: the Worker is rolled back to the version that was live,
 * and production's Pages to its previous deployment. Migrations are not undone (they are
 * written to be compatible with the previous release); the Neon branch is the way back.
 */
import type { EnvironmentTarget } from './environments.ts';

export type Phase = 'preflight' | 'database' | 'worker' | 'frontend' | 'verify' | 'rollback';
export const PHASES: readonly Phase[] = ['preflight', 'database', 'worker', 'frontend', 'verify'];

export type TaskName =
  | 'clean-tree'
  | 'deploy-credentials'
  | 'worker-secrets'
  | 'live-version'
  | 'pages-live'
  | 'neon-branch'
  | 'smoke'
  | 'pages-rollback';

export type Action =
  | {
      kind: 'command';
      argv: string[];
      /**
       * Arguments that are outputs of earlier steps, substituted at run time: `{name}` in
       * argv is replaced by `outputs[name]` (e.g. the version live before the deploy).
       */
      uses?: string[];
    }
  | { kind: 'task'; task: TaskName; params: Record<string, string | string[]> };

export interface Step {
  id: string;
  phase: Phase;
  title: string;
  action: Action;
  /** One line for the dry run: the command, or what the task calls. */
  shows: string;
}

export interface RollbackRule {
  /** Undo steps run when this step was attempted (done, or failed part-way) and the deploy failed. */
  afterStep: string;
  steps: Step[];
}

export interface Plan {
  kind: 'deploy' | 'rollback';
  environment: EnvironmentTarget;
  release: Release;
  steps: Step[];
  onFailure: RollbackRule[];
  /** Environment variables the deploying machine must have (names only, never values). */
  needs: string[];
  /** Said before the steps in a dry run and in the report (e.g. a skipped check). */
  notes: string[];
}

export interface Release {
  /** `<environment>-<yyyymmdd>-<hhmm>-<short sha>`: names the Worker version, the Neon branch and the report. */
  id: string;
  commit: string;
}

export interface DeployOptions {
  /** Skip `npm run check` (CI ran it in its test job). */
  skipCheck?: boolean;
  /** Only these phases (CI runs the Worker and Pages deploys through wrangler-action). */
  only?: readonly Phase[];
}

const NEON_API = 'https://console.neon.tech/api/v2';
const CF_API = 'https://api.cloudflare.com/client/v4';

/** Credentials the deploying machine needs, by phase (values stay in its environment). */
const NEEDS: Record<Exclude<Phase, 'rollback'>, string[]> = {
  preflight: ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID'],
  database: ['DATABASE_URL', 'NEON_API_KEY', 'NEON_PROJECT_ID'],
  worker: ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID'],
  frontend: ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID'],
  verify: ['SMOKE_EMAIL', 'SMOKE_PASSWORD'],
};

export function releaseId(environment: string, commit: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 13);
  return `${environment}-${stamp}-${commit.slice(0, 7)}`;
}

/** The Neon branch kept as the restore point of a release. */
export const neonBranchName = (release: Release) => `release-${release.id}`;

const command = (id: string, phase: Phase, title: string, argv: string[], uses?: string[]): Step => ({
  id,
  phase,
  title,
  action: uses ? { kind: 'command', argv, uses } : { kind: 'command', argv },
  shows: `$ ${argv.map(quoteArg).join(' ')}`,
});

const task = (
  id: string,
  phase: Phase,
  title: string,
  name: TaskName,
  params: Record<string, string | string[]>,
  shows: string,
): Step => ({ id, phase, title, action: { kind: 'task', task: name, params }, shows });

/** Quotes an argument for display the way a POSIX shell would need it. */
export function quoteArg(arg: string): string {
  return /^[\w@%+=:,./{}-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function smokeStep(env: EnvironmentTarget): Step {
  return task(
    'smoke',
    'verify',
    'Smoke test: readiness, environment, sign-in round trip',
    'smoke',
    { baseUrl: env.appUrl, environment: env.name },
    `GET ${env.appUrl}/api/health/ready → 200; GET /api/version → environment "${env.name}"; ` +
      'POST /api/auth/login as $SMOKE_EMAIL → GET /api/me → POST /api/auth/logout',
  );
}

function workerRollback(env: EnvironmentTarget, message: string): Step {
  return command(
    'worker-rollback',
    'rollback',
    'Roll the Worker back to the version live before the deploy',
    ['wrangler', 'rollback', '{live-version}', '--env', env.name, '--yes', '--message', message],
    ['live-version'],
  );
}

function pagesRollback(env: EnvironmentTarget): Step {
  return task(
    'pages-rollback',
    'rollback',
    'Roll Pages back to the production deployment live before the deploy',
    'pages-rollback',
    { project: env.pagesProject, deployment: '{pages-live}' },
    `POST ${CF_API}/accounts/$CLOUDFLARE_ACCOUNT_ID/pages/projects/${env.pagesProject}/deployments/{pages-live}/rollback`,
  );
}

export function planDeploy(env: EnvironmentTarget, release: Release, options: DeployOptions = {}): Plan {
  const tag = release.commit.slice(0, 12);
  const message = `release ${release.id}`;
  const steps: Step[] = [
    task(
      'clean-tree',
      'preflight',
      'Working tree is clean (what ships is a commit)',
      'clean-tree',
      {},
      '$ git status --porcelain  → must print nothing',
    ),
    ...(options.skipCheck
      ? []
      : [command('check', 'preflight', 'Static checks: format, lint, types, bundle', ['npm', 'run', 'check'])]),
    task(
      'deploy-credentials',
      'preflight',
      'The deploying machine has its credentials',
      'deploy-credentials',
      { names: neededBy(options.only) },
      `environment variables set: ${neededBy(options.only).join(', ')}`,
    ),
    task(
      'worker-secrets',
      'preflight',
      `The Worker's secrets are set in ${env.name}`,
      'worker-secrets',
      { environment: env.name, required: env.requiredSecrets },
      `$ wrangler secret list --env ${env.name} --format json  → includes ${env.requiredSecrets.join(', ')}`,
    ),
    task(
      'live-version',
      'preflight',
      'Remember the Worker version live now (the rollback target)',
      'live-version',
      { environment: env.name },
      `$ wrangler deployments status --env ${env.name} --json  → versions[0].version_id`,
    ),
    ...(env.pagesRollback
      ? [
          task(
            'pages-live',
            'preflight',
            'Remember the Pages deployment live now (the rollback target)',
            'pages-live',
            { project: env.pagesProject },
            `GET ${CF_API}/accounts/$CLOUDFLARE_ACCOUNT_ID/pages/projects/${env.pagesProject}  → canonical_deployment.id`,
          ),
        ]
      : []),
    task(
      'neon-branch',
      'database',
      `Neon branch "${neonBranchName(release)}": the restore point before migrating`,
      'neon-branch',
      { name: neonBranchName(release) },
      `POST ${NEON_API}/projects/$NEON_PROJECT_ID/branches {"branch":{"name":"${neonBranchName(release)}","parent_id":"$NEON_BRANCH_ID"}}`,
    ),
    command('migrate', 'database', 'Apply pending migrations (DATABASE_URL: the direct Neon URL)', [
      'npm',
      'run',
      'db:migrate',
    ]),
    command('worker-deploy', 'worker', `Deploy the Worker to ${env.name}`, [
      'wrangler',
      'deploy',
      '--env',
      env.name,
      '--tag',
      tag,
      '--message',
      message,
    ]),
    command('frontend-build', 'frontend', 'Build the frontend', ['npm', 'run', 'build']),
    command('pages-deploy', 'frontend', `Deploy the frontend to Pages (branch ${env.pagesBranch})`, [
      'wrangler',
      'pages',
      'deploy',
      'frontend/dist',
      '--project-name',
      env.pagesProject,
      '--branch',
      env.pagesBranch,
      '--commit-hash',
      release.commit,
      '--commit-message',
      message,
      '--commit-dirty=false',
    ]),
    smokeStep(env),
  ];
  const only = options.only;
  const selected = only ? steps.filter((step) => only.includes(step.phase)) : steps;
  const onFailure: RollbackRule[] = [
    { afterStep: 'worker-deploy', steps: [workerRollback(env, `automatic rollback of ${release.id}`)] },
    ...(env.pagesRollback ? [{ afterStep: 'pages-deploy', steps: [pagesRollback(env)] }] : []),
  ];
  const notes = [
    ...(options.skipCheck ? ['`npm run check` skipped (--skip-check): run it before, as CI does.'] : []),
    ...(only ? [`Only the phases ${only.join(', ')}.`] : []),
    ...(env.pagesRollback
      ? []
      : [
          `Pages branch "${env.pagesBranch}" is a preview branch: a failed deploy leaves its new build up ` +
            '(redeploy the previous commit to undo it).',
        ]),
  ];
  return {
    kind: 'deploy',
    environment: env,
    release,
    steps: selected,
    onFailure: onFailure.filter((rule) => selected.some((step) => step.id === rule.afterStep)),
    needs: neededBy(only),
    notes,
  };
}

export interface RollbackOptions {
  /** A Worker version id; without one, wrangler rolls back to the version before the live one. */
  toVersion?: string;
  /** Also roll Pages back to the deployment before the live one (production only). */
  pages?: boolean;
  message?: string;
}

export function planRollback(env: EnvironmentTarget, release: Release, options: RollbackOptions = {}): Plan {
  const message = options.message ?? `manual rollback (${release.id})`;
  const rollback = command('worker-rollback', 'worker', `Roll the Worker back in ${env.name}`, [
    'wrangler',
    'rollback',
    ...(options.toVersion ? [options.toVersion] : []),
    '--env',
    env.name,
    '--yes',
    '--message',
    message,
  ]);
  const steps = [rollback];
  const notes: string[] = [];
  if (options.pages) {
    if (env.pagesRollback) {
      steps.push(
        task(
          'pages-rollback',
          'frontend',
          'Roll Pages back to the production deployment before the live one',
          'pages-rollback',
          { project: env.pagesProject, deployment: 'previous' },
          `POST ${CF_API}/accounts/$CLOUDFLARE_ACCOUNT_ID/pages/projects/${env.pagesProject}/deployments/<previous>/rollback`,
        ),
      );
    } else {
      notes.push(`Pages branch "${env.pagesBranch}" is a preview branch; redeploy an older build to roll it back.`);
    }
  }
  steps.push(smokeStep(env));
  notes.push('The database is not touched: restoring it is a separate decision (docs/runbook.md).');
  const needs = ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID', ...NEEDS.verify];
  return { kind: 'rollback', environment: env, release, steps, onFailure: [], needs, notes };
}

function neededBy(only: readonly Phase[] | undefined): string[] {
  const phases = (only ?? PHASES).filter((phase): phase is Exclude<Phase, 'rollback'> => phase !== 'rollback');
  return [...new Set(phases.flatMap((phase) => NEEDS[phase]))];
}

/** The plan as text: what `--dry-run` prints. */
export function describePlan(plan: Plan): string {
  const lines = [
    `${plan.kind === 'deploy' ? 'Deploy' : 'Rollback'} ${plan.release.id} to ${plan.environment.name} ` +
      `(${plan.environment.appUrl}, Worker ${plan.environment.workerName})`,
    ...plan.notes.map((note) => `note: ${note}`),
    `needs: ${plan.needs.join(', ')}`,
    '',
  ];
  plan.steps.forEach((step, i) => {
    lines.push(`${String(i + 1).padStart(2)}. [${step.phase}] ${step.title}`, `      ${step.shows}`);
  });
  if (plan.onFailure.length) {
    lines.push('', 'If a step fails:');
    for (const rule of plan.onFailure) {
      for (const step of rule.steps) {
        lines.push(`    - once "${rule.afterStep}" has run: ${step.title}`, `      ${step.shows}`);
      }
    }
    lines.push('    - migrations stay applied; the Neon branch above is the restore point (docs/runbook.md).');
  }
  return lines.join('\n');
}
