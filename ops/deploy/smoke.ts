/**
 * `npm run smoke -- --env staging|production` or `-- --url https://…`
 *
 * The post-deploy smoke test, also run by `npm run deploy` and CI: readiness (Postgres and
 * Redis answer), the environment the Worker says it is, and a sign-in round trip with the
 * synthetic account whose credentials are the SMOKE_EMAIL / SMOKE_PASSWORD secrets
 * (sign in → the account → sign out, so no session is left behind). Readiness is retried
 * for a while: a new version takes seconds to reach every location.
 * Exit codes: 0 passed, 1 a check failed, 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { isEntryPoint } from '../entry-point.ts';
import { isDeployEnvironment, readEnvironment } from './environments.ts';

export interface SmokeCheck {
  name: string;
  ok: boolean;
  detail: string;
  ms: number;
}

export interface SmokeOptions {
  credentials: { email: string; password: string };
  /** The environment `/api/version` must name; unchecked when absent. */
  environment?: string;
  fetch?: typeof fetch;
  /** Readiness attempts and the pause between them. */
  attempts?: number;
  retryDelayMs?: number;
  timeoutMs?: number;
}

export interface SmokeResult {
  ok: boolean;
  checks: SmokeCheck[];
}

class CheckFailed extends Error {}

async function bodyOf(res: Response): Promise<Record<string, unknown>> {
  const text = await res.text();
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new CheckFailed(`${res.status}, not JSON: ${text.slice(0, 120)}`);
  }
}

export async function smokeTest(baseUrl: string, options: SmokeOptions): Promise<SmokeResult> {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const url = (path: string) => new URL(path, baseUrl).toString();
  const request = (path: string, init: RequestInit = {}) =>
    doFetch(url(path), { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  const checks: SmokeCheck[] = [];
  const check = async (name: string, run: () => Promise<string>): Promise<boolean> => {
    const started = Date.now();
    try {
      checks.push({ name, ok: true, detail: await run(), ms: Date.now() - started });
      return true;
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      checks.push({ name, ok: false, detail, ms: Date.now() - started });
      return false;
    }
  };

  const ready = await check('readiness', async () => {
    const attempts = options.attempts ?? 6;
    let last = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const res = await request('/api/health/ready');
        const body = await bodyOf(res);
        if (res.status === 200 && body.status === 'ready') return `ready (attempt ${attempt})`;
        last = `${res.status} ${JSON.stringify(body).slice(0, 200)}`;
      } catch (err) {
        last = err instanceof Error ? err.message : String(err);
      }
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 5000));
    }
    throw new CheckFailed(`not ready after ${attempts} attempts: ${last}`);
  });
  if (!ready) return { ok: false, checks };

  await check('environment', async () => {
    const res = await request('/api/version');
    const body = await bodyOf(res);
    if (res.status !== 200) throw new CheckFailed(`GET /api/version answered ${res.status}`);
    if (options.environment && body.environment !== options.environment) {
      throw new CheckFailed(`the Worker says it is "${String(body.environment)}", expected "${options.environment}"`);
    }
    return `${String(body.service)} ${String(body.version)} (${String(body.environment)})`;
  });

  let token = '';
  const signedIn = await check('sign-in', async () => {
    const res = await request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(options.credentials),
    });
    const body = await bodyOf(res);
    if (res.status !== 200 || typeof body.token !== 'string') {
      const error = (body.error as { code?: string } | undefined)?.code ?? JSON.stringify(body).slice(0, 120);
      throw new CheckFailed(`POST /api/auth/login answered ${res.status} (${error})`);
    }
    token = body.token;
    return 'signed in';
  });
  if (signedIn) {
    const auth = { authorization: `Bearer ${token}` };
    await check('account', async () => {
      const res = await request('/api/me', { headers: auth });
      const body = await bodyOf(res);
      const email = (body.user as { email?: string } | undefined)?.email ?? body.email;
      if (res.status !== 200) throw new CheckFailed(`GET /api/me answered ${res.status}`);
      if (typeof email !== 'string' || email.toLowerCase() !== options.credentials.email.toLowerCase()) {
        throw new CheckFailed('GET /api/me answered another account');
      }
      return 'GET /api/me is the smoke account';
    });
    await check('sign-out', async () => {
      const res = await request('/api/auth/logout', { method: 'POST', headers: auth });
      if (res.status !== 204) throw new CheckFailed(`POST /api/auth/logout answered ${res.status}`);
      return 'session ended';
    });
  }
  return { ok: checks.every((c) => c.ok), checks };
}

export function describeSmoke(baseUrl: string, result: SmokeResult): string {
  return [
    `Smoke test of ${baseUrl}: ${result.ok ? 'passed' : 'FAILED'}`,
    ...result.checks.map((c) => `  ${c.ok ? '✓' : '✗'} ${c.name.padEnd(12)} ${c.detail} (${c.ms} ms)`),
  ].join('\n');
}

/** The smoke account's credentials from the environment, or an error naming what is missing. */
export function smokeCredentials(env: NodeJS.ProcessEnv): { email: string; password: string } {
  const email = env.SMOKE_EMAIL;
  const password = env.SMOKE_PASSWORD;
  if (!email || !password) {
    throw new Error('SMOKE_EMAIL and SMOKE_PASSWORD must be set (the synthetic account, see docs/deploy.md)');
  }
  return { email, password };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { env: { type: 'string' }, url: { type: 'string' } } });
  let baseUrl = values.url;
  let environment: string | undefined;
  if (values.env) {
    if (!isDeployEnvironment(values.env)) {
      console.error(`--env must be staging or production, not "${values.env}"`);
      return 2;
    }
    environment = values.env;
    baseUrl ??= readEnvironment(values.env).appUrl;
  }
  if (!baseUrl) {
    console.error('usage: npm run smoke -- --env staging|production  (or --url https://host)');
    return 2;
  }
  let credentials;
  try {
    credentials = smokeCredentials(process.env);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 2;
  }
  const result = await smokeTest(baseUrl, { credentials, ...(environment ? { environment } : {}) });
  console.log(describeSmoke(baseUrl, result));
  return result.ok ? 0 : 1;
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
