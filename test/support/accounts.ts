/** Test accounts: sign up through the real API and keep what a client would keep. */
import { createHash, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
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

export async function signUp(
  overrides: Partial<{ email: string; password: string; displayName: string; timeZone: string }> = {},
): Promise<TestAccount> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? GOOD_PASSWORD;
  const res = await api('/api/auth/register', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password,
      displayName: overrides.displayName ?? 'Test Learner',
      timeZone: overrides.timeZone ?? 'Europe/Paris',
    }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { token: string; user: { id: string } };
  const cookie = sessionCookieFrom(res);
  if (!cookie) throw new Error('sign-up set no session cookie');
  return { email, password, token: body.token, userId: body.user.id, cookie };
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
