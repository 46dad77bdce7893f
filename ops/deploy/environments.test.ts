/**
 * wrangler.toml's environments against what the deploy and the Worker expect: routes on the
 * zone's /api/*, production only reachable through its route, every environment running
 * every scheduled job, and every secret the Worker's types know of listed for the deploy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import { SCHEDULE } from '../../worker/jobs/schedule.ts';
import { REPO_ROOT } from '../exec.ts';
import { DEPLOY_ENVIRONMENTS, readEnvironment, secretNames } from './environments.ts';

describe('deploy environments (wrangler.toml)', () => {
  it.each(DEPLOY_ENVIRONMENTS)('%s: the API on /api/* of the app origin, with its own bindings', (name) => {
    const env = readEnvironment(name);
    const host = new URL(env.appUrl).host;
    expect(env.routes).toEqual([`${host}/api/*`]);
    expect(env.workerName).toBe(`jeseci-api-${name}`);
    const config = unstable_readConfig({ config: join(REPO_ROOT, 'wrangler.toml'), env: name }, { hideWarnings: true });
    expect(config.vars).toMatchObject({
      ENVIRONMENT: name,
      APP_URL: env.appUrl,
      ALLOWED_ORIGINS: env.appUrl,
      NEON_WS_PROXY: '',
    });
    expect(config.vars.EXPOSE_TEST_ROUTES).toBeUndefined();
    // Upstash gets the limiter's default wait; the longer local one is for the stand-in.
    expect(config.vars.RATE_LIMIT_TIMEOUT_MS).toBeUndefined();
    // Neon gets the default connect timeout; the longer local one is for one busy isolate.
    expect(config.vars.DB_CONNECT_TIMEOUT_MS).toBeUndefined();
    expect(config.durable_objects.bindings.map((b: { name: string }) => b.name).sort()).toEqual([
      'LEARNER_AGENT',
      'LIVE_ROOM',
      'STUDY_GROUP',
    ]);
    expect(config.analytics_engine_datasets.map((d: { binding: string }) => d.binding)).toEqual(['REQUEST_ANALYTICS']);
    expect(config.observability?.enabled).toBe(true);
    expect(config.observability?.logs?.enabled).toBe(true);
  });

  it('production is reachable only through its route (no workers.dev)', () => {
    expect(readEnvironment('production').workersDev).toBe(false);
  });

  it('every environment (development too) has exactly the cron triggers the scheduled handler dispatches', () => {
    const dispatched = Object.keys(SCHEDULE).sort();
    for (const name of DEPLOY_ENVIRONMENTS) expect([...readEnvironment(name).crons].sort()).toEqual(dispatched);
    const development = unstable_readConfig({ config: join(REPO_ROOT, 'wrangler.toml') }, { hideWarnings: true });
    expect([...(development.triggers.crons ?? [])].sort()).toEqual(dispatched);
  });

  it('the secrets the deploy checks are every secret in the generated Worker types', () => {
    const types = readFileSync(join(REPO_ROOT, 'worker-configuration.d.ts'), 'utf8');
    const processEnv =
      /interface ProcessEnv extends StringifyValues<Pick<Cloudflare\.Env, ([^>]+)>>/.exec(types)?.[1] ?? '';
    const names = secretNames();
    expect(names).toContain('DATABASE_URL');
    for (const name of names) expect(processEnv).toContain(`"${name}"`);
  });
});
