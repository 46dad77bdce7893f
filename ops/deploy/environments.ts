/**
 * The deploy targets, read from their sources of truth: the Worker's name, routes, app
 * origin and cron triggers from wrangler.toml's [env.*]; the Worker's secret names from
 * .dev.vars.example (the list `wrangler types` reads too). Only what exists nowhere else
 * is written here: the Pages project and which Pages branch each environment is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unstable_readConfig } from 'wrangler';
import { REPO_ROOT } from '../exec.ts';

export const DEPLOY_ENVIRONMENTS = ['staging', 'production'] as const;
export type DeployEnvironment = (typeof DEPLOY_ENVIRONMENTS)[number];

export const isDeployEnvironment = (name: string): name is DeployEnvironment =>
  (DEPLOY_ENVIRONMENTS as readonly string[]).includes(name);

/** The Cloudflare Pages project serving frontend/dist. */
export const PAGES_PROJECT = 'jeseci';
/**
 * Pages branch per environment: `main` is the project's production branch (jeseci.dev);
 * `staging` is a preview branch with its own alias (served as staging.jeseci.dev).
 */
const PAGES_BRANCH: Record<DeployEnvironment, string> = { staging: 'staging', production: 'main' };

export interface EnvironmentTarget {
  name: DeployEnvironment;
  workerName: string;
  /** The app's public origin: Pages, with the Worker on `/api/*` of the same host. */
  appUrl: string;
  routes: string[];
  crons: string[];
  workersDev: boolean;
  pagesProject: string;
  pagesBranch: string;
  /** Whether a Pages deploy of this branch can be rolled back through the API (production deployments only). */
  pagesRollback: boolean;
  /** Every secret the Worker reads, which must be set with `wrangler secret put`. */
  requiredSecrets: string[];
}

/** Secret names: the keys of .dev.vars.example. */
export function secretNames(devVarsExample = readFileSync(join(REPO_ROOT, '.dev.vars.example'), 'utf8')): string[] {
  return devVarsExample
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line.trim())?.[1])
    .filter((name): name is string => name !== undefined);
}

export function readEnvironment(
  name: DeployEnvironment,
  configPath = join(REPO_ROOT, 'wrangler.toml'),
): EnvironmentTarget {
  const config = unstable_readConfig({ config: configPath, env: name }, { hideWarnings: true });
  const appUrl = config.vars.APP_URL;
  if (typeof appUrl !== 'string' || !config.name) {
    throw new Error(`wrangler.toml [env.${name}] needs a name and vars.APP_URL`);
  }
  const routes = ((config.routes ?? []) as (string | { pattern: string })[]).map((route) =>
    typeof route === 'string' ? route : route.pattern,
  );
  return {
    name,
    workerName: config.name,
    appUrl,
    routes,
    crons: config.triggers.crons ?? [],
    workersDev: config.workers_dev ?? true,
    pagesProject: PAGES_PROJECT,
    pagesBranch: PAGES_BRANCH[name],
    pagesRollback: name === 'production',
    requiredSecrets: secretNames(),
  };
}
