/** The smoke test against the Worker under test (workerd, real Postgres and Redis). */
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { freshClientIp } from '../../test/support/http.ts';
import { smokeTest } from './smoke.ts';

/** Each request from an address of its own, as Cloudflare would set it, so the sign-in limiter is not shared. */
const viaEdge: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.set('cf-connecting-ip', freshClientIp());
  return fetch(input, { ...init, headers });
};

async function smokeAccount(base: string) {
  const credentials = { email: `smoke-${randomUUID()}@example.test`, password: 'smoke test passphrase 7' };
  const res = await viaEdge(new URL('/api/auth/register', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...credentials, displayName: 'Smoke Test', timeZone: 'UTC' }),
  });
  expect(res.status).toBe(201);
  return credentials;
}

describe('smokeTest', () => {
  it('happy: readiness, environment and the sign-in round trip pass against a healthy Worker', async () => {
    const base = inject('stack').workerUrl;
    const credentials = await smokeAccount(base);
    const result = await smokeTest(base, { credentials, environment: 'development', fetch: viaEdge });
    expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
      ['readiness', true],
      ['environment', true],
      ['sign-in', true],
      ['account', true],
      ['sign-out', true],
    ]);
    expect(result.ok).toBe(true);
  });

  it('error: a wrong password or the wrong environment fails, saying which check and why', async () => {
    const base = inject('stack').workerUrl;
    const credentials = await smokeAccount(base);
    const result = await smokeTest(base, {
      credentials: { ...credentials, password: 'not the password at all' },
      environment: 'production',
      fetch: viaEdge,
    });
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => c.name === 'environment')?.detail).toBe(
      'the Worker says it is "development", expected "production"',
    );
    expect(result.checks.find((c) => c.name === 'sign-in')?.detail).toMatch(/answered 401/);
    expect(result.checks.map((c) => c.name)).not.toContain('account');
  });

  it('error: an unreachable Worker fails readiness after its retries', async () => {
    const result = await smokeTest('http://127.0.0.1:9/', {
      credentials: { email: 'x@example.test', password: 'x' },
      attempts: 2,
      retryDelayMs: 10,
      timeoutMs: 500,
    });
    expect(result.ok).toBe(false);
    expect(result.checks).toHaveLength(1);
    expect(result.checks[0]?.detail).toMatch(/not ready after 2 attempts/);
  });
});
