/**
 * `npm run deploy -- --env staging|production [--dry-run] [--skip-check] [--only phases]`
 * `npm run rollback -- --env staging|production [--to VERSION_ID] [--pages] [--message …] [--dry-run]`
 *
 * Builds the plan (plan.ts) for the environment read from wrangler.toml and runs it, or
 * with --dry-run prints every step and calls nothing (no Cloudflare, Neon or database).
 * `--only preflight,database` runs some phases (CI deploys the Worker and Pages through
 * wrangler-action between them). Under GitHub Actions the values later steps need (the
 * live version, the Neon branch) are written to $GITHUB_OUTPUT.
 * Exit codes: 0 done (or dry run), 1 a step failed (after rolling back), 2 bad usage.
 */
import { appendFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isEntryPoint } from '../entry-point.ts';
import { exec as realExec, type Exec } from '../exec.ts';
import { DEPLOY_ENVIRONMENTS, isDeployEnvironment, readEnvironment } from './environments.ts';
import { PHASES, describePlan, planDeploy, planRollback, releaseId, type Phase, type Plan } from './plan.ts';
import { describeReport, runPlan, type Tasks } from './runner.ts';
import { deployTasks } from './tasks.ts';

export interface CliDependencies {
  exec: Exec;
  tasks: Tasks;
  fetch: typeof fetch;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  now: () => Date;
}

class UsageError extends Error {}

const USAGE = {
  deploy: 'usage: npm run deploy -- --env staging|production [--dry-run] [--skip-check] [--only preflight,database,…]',
  rollback:
    'usage: npm run rollback -- --env staging|production [--to VERSION_ID] [--pages] [--message TEXT] [--dry-run]',
};

function parsePhases(value: string | undefined): Phase[] | undefined {
  if (value === undefined) return undefined;
  const phases = value.split(',').map((p) => p.trim());
  const unknown = phases.filter((p) => !(PHASES as readonly string[]).includes(p));
  if (unknown.length || !phases.length) {
    throw new UsageError(`--only takes phases among ${PHASES.join(', ')}; got ${value}`);
  }
  return phases as Phase[];
}

async function currentCommit(deps: CliDependencies): Promise<string> {
  if (deps.env.GITHUB_SHA) return deps.env.GITHUB_SHA;
  const result = await deps.exec(['git', 'rev-parse', 'HEAD'], { capture: true }).catch(() => null);
  return result?.code === 0 ? result.stdout.trim() : 'unknown';
}

async function buildPlan(command: 'deploy' | 'rollback', argv: string[], deps: CliDependencies) {
  const { values } = parseArgs({
    args: argv,
    options: {
      env: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'skip-check': { type: 'boolean', default: false },
      only: { type: 'string' },
      to: { type: 'string' },
      pages: { type: 'boolean', default: false },
      message: { type: 'string' },
    },
    strict: true,
  });
  if (!values.env || !isDeployEnvironment(values.env)) {
    throw new UsageError(`--env must be one of ${DEPLOY_ENVIRONMENTS.join(', ')}\n${USAGE[command]}`);
  }
  const environment = readEnvironment(values.env);
  const commit = await currentCommit(deps);
  const release = { id: releaseId(values.env, commit, deps.now()), commit };
  const plan: Plan =
    command === 'deploy'
      ? planDeploy(environment, release, {
          skipCheck: values['skip-check'],
          ...(values.only ? { only: parsePhases(values.only) } : {}),
        })
      : planRollback(environment, release, {
          ...(values.to ? { toVersion: values.to } : {}),
          pages: values.pages,
          ...(values.message ? { message: values.message } : {}),
        });
  return { plan, dryRun: values['dry-run'] };
}

export async function main(command: 'deploy' | 'rollback', argv: string[], deps: CliDependencies): Promise<number> {
  let built;
  try {
    built = await buildPlan(command, argv, deps);
  } catch (err) {
    if (
      err instanceof UsageError ||
      (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      deps.log(err.message);
      if (!(err instanceof UsageError)) deps.log(USAGE[command]);
      return 2;
    }
    throw err;
  }
  const { plan, dryRun } = built;
  if (dryRun) {
    deps.log(describePlan(plan));
    const missing = plan.needs.filter((name) => !deps.env[name]);
    deps.log(
      `\nDry run: nothing was called.` +
        (missing.length ? ` A real run needs ${missing.join(', ')}, not set here.` : ''),
    );
    return 0;
  }
  const report = await runPlan(plan, {
    exec: deps.exec,
    tasks: deps.tasks,
    env: deps.env,
    fetch: deps.fetch,
    log: deps.log,
  });
  deps.log(describeReport(report));
  const githubOutput = deps.env.GITHUB_OUTPUT;
  if (githubOutput) {
    const lines = Object.entries(report.outputs).map(([name, value]) => `${name.replace(/-/g, '_')}=${value}\n`);
    await appendFile(githubOutput, `release_id=${plan.release.id}\n${lines.join('')}`);
  }
  return report.ok ? 0 : 1;
}

export const realDependencies = (): CliDependencies => ({
  exec: realExec,
  tasks: deployTasks,
  fetch,
  env: process.env,
  log: (line) => console.log(line),
  now: () => new Date(),
});

if (isEntryPoint(import.meta.url)) {
  const [command, ...argv] = process.argv.slice(2);
  if (command !== 'deploy' && command !== 'rollback') {
    console.error('usage: tsx ops/deploy/cli.ts deploy|rollback --env …');
    process.exitCode = 2;
  } else {
    process.exitCode = await main(command, argv, realDependencies());
  }
}
