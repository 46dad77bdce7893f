/**
 * Accounts through the real Worker, Postgres and Redis: sign-up, sign-in, sessions by
 * cookie and by Bearer token, sign-out, timeouts, the per-account throttle, and the
 * Origin check that keeps other sites from using a learner's cookie.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, bearer, sessionCookieFrom, signUp, tokenHash, uniqueEmail } from './support/accounts.ts';
import { useTestDatabase } from './support/db.ts';
import { api, workerUrl, type ErrorBodyShape } from './support/http.ts';
import { stackRedis } from './support/redis.ts';

const db = useTestDatabase();

const ownOrigin = () => new URL(workerUrl('/')).origin;
const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const errorOf = async (res: Response) => ((await res.json()) as ErrorBodyShape).error;

describe('sign-up', () => {
  it('creates a learner, signs them in, and never returns the password hash', async () => {
    const email = uniqueEmail();
    const res = await postJson('/api/auth/register', {
      email,
      password: GOOD_PASSWORD,
      displayName: '  Ada  ',
      timeZone: 'utc',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { user: Record<string, unknown>; token: string; expiresAt: string };
    expect(body.user).toMatchObject({ email, displayName: 'Ada', role: 'learner', timeZone: 'UTC' });
    expect(JSON.stringify(body)).not.toMatch(/scrypt|password/i);
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-jeseci_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    // Only the token's hash is stored.
    const stored = await db.query('select token_hash from sessions where token_hash = $1', [tokenHash(body.token)]);
    expect(stored.rowCount).toBe(1);
    expect((await db.query('select 1 from sessions where token_hash = $1', [body.token])).rowCount).toBe(0);
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const account = await signUp();
    const res = await postJson('/api/auth/register', {
      email: account.email.toUpperCase(),
      password: GOOD_PASSWORD,
      displayName: 'Twin',
    });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('conflict');
  });

  it.each([
    ['a short password', { password: 'short1!' }, 'password'],
    ['a common password', { password: 'password123' }, 'password'],
    ['the email as password', { password: 'SAME' }, 'password'],
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['a display name with control characters', { displayName: 'A\u0007da' }, 'displayName'],
  ])('refuses %s with 400 naming the field', async (_label, override, field) => {
    const email = uniqueEmail();
    const body = { email, password: GOOD_PASSWORD, displayName: 'Ada', timeZone: 'UTC', ...override };
    if (body.password === 'SAME') body.password = email;
    const res = await postJson('/api/auth/register', body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    expect((error.details as { path: string }[]).map((d) => d.path)).toContain(field);
    expect(error.message.length).toBeGreaterThan(0);
  });
});

describe('sign-in', () => {
  it('opens a new session on every sign-in, usable by Bearer token and by cookie', async () => {
    const account = await signUp({ timeZone: 'Europe/Paris' });
    const res = await postJson('/api/auth/login', { email: account.email.toUpperCase(), password: account.password });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    expect(token).not.toBe(account.token);

    const byBearer = await api('/api/me', { headers: bearer(token) });
    expect(byBearer.status).toBe(200);
    expect(await byBearer.json()).toMatchObject({ id: account.userId, email: account.email, timeZone: 'Europe/Paris' });
    expect(byBearer.headers.get('cache-control')).toBe('no-store');

    const cookie = sessionCookieFrom(res);
    const byCookie = await api('/api/me', { headers: { cookie: cookie ?? '' } });
    expect(byCookie.status).toBe(200);
  });

  it('says the same for an unknown email and a wrong password', async () => {
    const account = await signUp();
    const wrong = await postJson('/api/auth/login', { email: account.email, password: 'not the password at all' });
    const unknown = await postJson('/api/auth/login', { email: uniqueEmail('nobody'), password: 'whatever it is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await errorOf(wrong), await errorOf(unknown)];
    expect(a.message).toBe(b.message);
    expect(a.code).toBe('unauthorized');
  });

  it('locks an account after 10 failures from any addresses, even against the right password', async () => {
    const account = await signUp();
    for (let attempt = 0; attempt < 10; attempt++) {
      const res = await postJson('/api/auth/login', { email: account.email, password: `wrong guess ${attempt}` });
      expect(res.status).toBe(401);
    }
    const locked = await postJson('/api/auth/login', { email: account.email, password: account.password });
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect((await errorOf(locked)).message).toMatch(/Too many failed sign-ins for this account/);
    // The count carries its window's expiry, so the lock lifts by itself.
    const { redis, prefix } = stackRedis();
    const key = `${prefix}login-failures:${createHash('sha256').update(account.email.toLowerCase()).digest('hex')}`;
    expect(await redis.get<number>(key)).toBe(10);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(900);
    // Another account is not affected.
    const other = await signUp();
    expect((await postJson('/api/auth/login', { email: other.email, password: other.password })).status).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const account = await signUp();
    await db.query('update users set disabled_at = now() where id = $1', [account.userId]);
    const res = await postJson('/api/auth/login', { email: account.email, password: account.password });
    expect(res.status).toBe(403);
    // Its existing sessions stop working too.
    expect((await api('/api/me', { headers: bearer(account.token) })).status).toBe(401);
  });
});

describe('sessions', () => {
  it('answer 401 without a session, with a garbage token, or after the session idled out or expired', async () => {
    expect((await api('/api/me')).status).toBe(401);
    expect((await api('/api/me', { headers: bearer('garbage') })).status).toBe(401);

    const idle = await signUp();
    await db.query(`update sessions set last_seen_at = now() - interval '8 days' where token_hash = $1`, [
      tokenHash(idle.token),
    ]);
    const idleRes = await api('/api/me', { headers: bearer(idle.token) });
    expect(idleRes.status).toBe(401);
    expect((await errorOf(idleRes)).message).toMatch(/sign in again/);
    // A dead session is deleted when seen.
    expect((await db.query('select 1 from sessions where token_hash = $1', [tokenHash(idle.token)])).rowCount).toBe(0);

    const expired = await signUp();
    await db.query(`update sessions set expires_at = now() - interval '1 second' where token_hash = $1`, [
      tokenHash(expired.token),
    ]);
    expect((await api('/api/me', { headers: bearer(expired.token) })).status).toBe(401);
  });

  it('end with sign-out, and sign-out everywhere ends them all', async () => {
    const account = await signUp();
    const second = (await (
      await postJson('/api/auth/login', { email: account.email, password: account.password })
    ).json()) as { token: string };
    const third = (await (
      await postJson('/api/auth/login', { email: account.email, password: account.password })
    ).json()) as { token: string };

    const out = await api('/api/auth/logout', { method: 'POST', headers: bearer(account.token) });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().some((c) => c.startsWith('__Host-jeseci_session=;'))).toBe(true);
    expect((await api('/api/me', { headers: bearer(account.token) })).status).toBe(401);
    expect((await api('/api/me', { headers: bearer(second.token) })).status).toBe(200);

    const everywhere = await api('/api/auth/logout-everywhere', { method: 'POST', headers: bearer(second.token) });
    expect(everywhere.status).toBe(200);
    expect(await everywhere.json()).toEqual({ sessionsEnded: 2 });
    expect((await api('/api/me', { headers: bearer(second.token) })).status).toBe(401);
    expect((await api('/api/me', { headers: bearer(third.token) })).status).toBe(401);
  });
});

describe('the Origin check on cookie-authenticated writes', () => {
  it('refuses a cross-site request carrying the cookie, and accepts our own origin', async () => {
    const account = await signUp();
    const evil = await api('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: account.cookie, origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect((await errorOf(evil)).code).toBe('forbidden');
    const noOrigin = await api('/api/auth/logout', { method: 'POST', headers: { cookie: account.cookie } });
    expect(noOrigin.status).toBe(403);
    // The session survived both attempts.
    expect((await api('/api/me', { headers: { cookie: account.cookie } })).status).toBe(200);

    const own = await api('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: account.cookie, origin: ownOrigin() },
    });
    expect(own.status).toBe(204);
    expect((await api('/api/me', { headers: { cookie: account.cookie } })).status).toBe(401);
  });

  it('does not apply to Bearer tokens, which a browser never sends on its own', async () => {
    const account = await signUp();
    const res = await api('/api/auth/logout', {
      method: 'POST',
      headers: { ...bearer(account.token), origin: 'https://evil.example' },
    });
    expect(res.status).toBe(204);
  });
});
