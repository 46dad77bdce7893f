/** Test accounts: sign up through the real API and keep what a client would keep. */
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect, inject } from 'vitest';
import { api } from './http.ts';

export const SESSION_COOKIE = '__Host-jeseci_session';
export const GOOD_PASSWORD = 'correct horse battery staple';

export interface TestAccount {
  email: string;
  password: string;
  token: string;
  userId: string;
  /** The Set-Cookie value as sent, for cookie-authenticated requests. */
  cookie: string;
}

export function uniqueEmail(label = 'learner'): string {
  return `${label}-${randomUUID()}@example.test`;
}

export function sessionCookieFrom(res: Response): string | undefined {
  const header = res.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  return header?.split(';')[0];
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A time zone where it is early afternoon now, on the same calendar day as in UTC
 * (Etc/GMT-N is UTC+N). Test learners live there unless a test says otherwise, so whatever
 * hour the suite runs, no time-of-day achievement (Early Bird before 08:00, Night Owl from
 * 22:00) unlocks by itself and no local day turns over mid-test.
 */
export function middayZone(now = new Date()): string {
  const offset = 13 - now.getUTCHours();
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

export async function signUp(
  overrides: Partial<{ email: string; password: string; displayName: string; timeZone: string }> & {
    /** A Worker of the suite's own (default: the run's). */
    base?: string;
  } = {},
): Promise<TestAccount> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? GOOD_PASSWORD;
  const res = await api('/api/auth/register', {
    ...(overrides.base ? { base: overrides.base } : {}),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password,
      displayName: overrides.displayName ?? 'Test Learner',
      timeZone: overrides.timeZone ?? middayZone(),
    }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { token: string; user: { id: string } };
  const cookie = sessionCookieFrom(res);
  if (!cookie) throw new Error('sign-up set no session cookie');
  return { email, password, token: body.token, userId: body.user.id, cookie };
}

export type Role = 'learner' | 'instructor' | 'admin';

/** A new account of `role`: signed up through the API, then promoted directly in the database. */
export async function accountWithRole(role: Role, overrides: Parameters<typeof signUp>[0] = {}): Promise<TestAccount> {
  const account = await signUp(overrides);
  if (role === 'learner') return account;
  const client = new pg.Client({ connectionString: inject('stack').databaseUrl });
  await client.connect();
  try {
    await client.query('update users set role = $1 where id = $2', [role, account.userId]);
  } finally {
    await client.end();
  }
  return account;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A JSON request as the signed-in `account` (Bearer token). */
export function sendAs(account: TestAccount, method: string, path: string, body?: unknown): Promise<Response> {
  return api(path, {
    method,
    headers: { ...bearer(account.token), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export const getAs = (account: TestAccount, path: string): Promise<Response> =>
  api(path, { headers: bearer(account.token) });
