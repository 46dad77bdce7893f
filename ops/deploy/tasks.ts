/**
 * The deploy steps that are code rather than one command (see plan.ts for when each runs):
 * checks of the working tree, credentials and secrets, remembering what is live (the
 * rollback targets), the Neon restore-point branch, the smoke test and the Pages rollback.
 */
import { execOrThrow, WRANGLER } from '../exec.ts';
import { createNeonBranch, livePagesDeployment, rollBackPages } from './apis.ts';
import type { TaskContext, Tasks } from './runner.ts';
import { describeSmoke, smokeCredentials, smokeTest } from './smoke.ts';

const text = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join(',') : (value ?? ''));
const list = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value ? [value] : []);

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** Names in `wrangler secret list --format json` output. */
export function parseSecretList(json: string): string[] {
  const start = json.indexOf('[');
  const parsed: unknown = JSON.parse(start >= 0 ? json.slice(start) : json);
  if (!Array.isArray(parsed)) throw new Error('wrangler secret list did not print a JSON list');
  return parsed.flatMap((entry: unknown) =>
    entry && typeof entry === 'object' && typeof (entry as { name?: unknown }).name === 'string'
      ? [(entry as { name: string }).name]
      : [],
  );
}

export function missingNames(requiredNames: readonly string[], present: readonly string[]): string[] {
  const have = new Set(present);
  return requiredNames.filter((name) => !have.has(name));
}

/** The version serving traffic from `wrangler deployments status --json` (the largest share). */
export function liveVersionOf(json: string): string | null {
  const start = json.indexOf('{');
  const parsed = JSON.parse(start >= 0 ? json.slice(start) : json) as {
    versions?: { version_id?: string; percentage?: number }[];
  };
  const versions = [...(parsed.versions ?? [])].sort((a, b) => (b.percentage ?? 0) - (a.percentage ?? 0));
  return versions[0]?.version_id ?? null;
}

const wrangler = (context: TaskContext, args: string[]) =>
  execOrThrow(
    [WRANGLER, ...args],
    { capture: true, env: { ...context.env, WRANGLER_SEND_METRICS: 'false' } },
    context.exec,
  );

export const deployTasks: Tasks = {
  'clean-tree': async (_params, context) => {
    const { stdout } = await execOrThrow(['git', 'status', '--porcelain'], { capture: true }, context.exec);
    const changes = stdout.split('\n').filter(Boolean);
    if (changes.length) {
      throw new Error(
        `the working tree has ${changes.length} uncommitted change(s); commit or stash them:\n` +
          changes.slice(0, 10).join('\n'),
      );
    }
    const { stdout: head } = await execOrThrow(['git', 'rev-parse', 'HEAD'], { capture: true }, context.exec);
    return { detail: `clean at ${head.trim().slice(0, 12)}` };
  },

  'deploy-credentials': async (params, context) => {
    const missing = list(params.names).filter((name) => !context.env[name]);
    if (missing.length) throw new Error(`missing on this machine: ${missing.join(', ')} (docs/deploy.md, "Secrets")`);
    return { detail: `${list(params.names).length} set` };
  },

  'worker-secrets': async (params, context) => {
    const environment = text(params.environment);
    const { stdout } = await wrangler(context, ['secret', 'list', '--env', environment, '--format', 'json']);
    const missing = missingNames(list(params.required), parseSecretList(stdout));
    if (missing.length) {
      throw new Error(
        `secrets not set in ${environment}: ${missing.join(', ')}; set each with ` +
          `\`npx wrangler secret put NAME --env ${environment}\``,
      );
    }
    return { detail: `all ${list(params.required).length} set` };
  },

  'live-version': async (params, context) => {
    const environment = text(params.environment);
    const result = await context.exec([WRANGLER, 'deployments', 'status', '--env', environment, '--json'], {
      capture: true,
      env: { ...context.env, WRANGLER_SEND_METRICS: 'false' },
    });
    if (result.code !== 0) {
      if (/has no deployments/i.test(result.stdout + result.stderr)) {
        return { detail: 'first deploy: no earlier version to roll back to' };
      }
      throw new Error(`wrangler deployments status failed: ${(result.stderr || result.stdout).trim().slice(-300)}`);
    }
    const version = liveVersionOf(result.stdout);
    if (!version) return { detail: 'no live version found: nothing to roll back to' };
    return { detail: `live version ${version}`, outputs: { 'live-version': version } };
  },

  'pages-live': async (params, context) => {
    const id = await livePagesDeployment(
      context.fetch,
      {
        token: required(context.env, 'CLOUDFLARE_API_TOKEN'),
        accountId: required(context.env, 'CLOUDFLARE_ACCOUNT_ID'),
      },
      text(params.project),
    );
    if (!id) return { detail: 'no production deployment yet' };
    return { detail: `live deployment ${id}`, outputs: { 'pages-live': id } };
  },

  'neon-branch': async (params, context) => {
    const parentId = context.env.NEON_BRANCH_ID;
    const branch = await createNeonBranch(
      context.fetch,
      { apiKey: required(context.env, 'NEON_API_KEY'), projectId: required(context.env, 'NEON_PROJECT_ID') },
      { name: text(params.name), ...(parentId ? { parentId } : {}) },
    );
    return {
      detail: `branch ${branch.name} (${branch.id}) from ${branch.parentId ?? 'the default branch'}`,
      outputs: { 'neon-branch': branch.name, 'neon-branch-id': branch.id },
    };
  },

  smoke: async (params, context) => {
    const baseUrl = text(params.baseUrl);
    const result = await smokeTest(baseUrl, {
      credentials: smokeCredentials(context.env),
      environment: text(params.environment),
      fetch: context.fetch,
    });
    context.log(describeSmoke(baseUrl, result));
    if (!result.ok) throw new Error(`smoke test failed: ${result.checks.find((c) => !c.ok)?.detail ?? ''}`);
    return { detail: `${result.checks.length} checks passed` };
  },

  'pages-rollback': async (params, context) => {
    const target = await rollBackPages(
      context.fetch,
      {
        token: required(context.env, 'CLOUDFLARE_API_TOKEN'),
        accountId: required(context.env, 'CLOUDFLARE_ACCOUNT_ID'),
      },
      text(params.project),
      text(params.deployment) || 'previous',
    );
    return { detail: `production now serves deployment ${target}` };
  },
};
