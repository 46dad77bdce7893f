/**
 * The signed-in learner's account through the real Worker: profile and settings, password
 * change, account deletion, and the forgotten-password flow with its emailed link.
 */
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, bearer, signUp, uniqueEmail } from './support/accounts.ts';
import { useTestDatabase } from './support/db.ts';
import { api, type ErrorBodyShape } from './support/http.ts';
import { emailsTo, nextEmailTo, resetTokenFrom } from './support/outbox.ts';

const db = useTestDatabase();

const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  api(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const errorOf = async (res: Response) => ((await res.json()) as ErrorBodyShape).error;
const login = (email: string, password: string) => send('POST', '/api/auth/login', { email, password });

describe('profile and settings', () => {
  it('starts with a 30 XP daily goal and default preferences', async () => {
    const account = await signUp();
    const me = (await (await api('/api/me', { headers: bearer(account.token) })).json()) as Record<string, unknown>;
    expect(me).toMatchObject({
      dailyGoalXp: 30,
      preferences: { sessionMinutes: 20, hintsEnabled: true, remindersEnabled: true, reducedMotion: false },
    });
  });

  it('changes only what is sent, merging preferences', async () => {
    const account = await signUp();
    const res = await send(
      'PATCH',
      '/api/me',
      { displayName: 'Grace', timeZone: 'America/New_York', dailyGoalXp: 50, preferences: { hintsEnabled: false } },
      bearer(account.token),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      displayName: 'Grace',
      timeZone: 'America/New_York',
      dailyGoalXp: 50,
      preferences: { sessionMinutes: 20, hintsEnabled: false },
    });
    const again = await send('PATCH', '/api/me', { preferences: { sessionMinutes: 45 } }, bearer(account.token));
    expect(await again.json()).toMatchObject({
      displayName: 'Grace',
      preferences: { sessionMinutes: 45, hintsEnabled: false },
    });
  });

  it.each([
    ['an empty change', {}],
    ['an unknown field', { role: 'admin' }],
    ['an unknown preference', { preferences: { theme: 'neon' } }],
    ['a daily goal out of range', { dailyGoalXp: 5 }],
    ['an unknown time zone', { timeZone: 'Atlantis/Central' }],
  ])('refuses %s with 400', async (_label, body) => {
    const account = await signUp();
    const res = await send('PATCH', '/api/me', body, bearer(account.token));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('validation_failed');
    const stored = await db.query('select role, daily_goal_xp from users where id = $1', [account.userId]);
    expect(stored.rows[0]).toEqual({ role: 'learner', daily_goal_xp: 30 });
  });
});

describe('changing the password', () => {
  it('needs the current password and a good new one', async () => {
    const account = await signUp();
    const wrong = await send(
      'POST',
      '/api/me/password',
      { currentPassword: 'not it at all', newPassword: 'a fresh long secret' },
      bearer(account.token),
    );
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).details).toEqual([expect.objectContaining({ path: 'currentPassword' })]);
    const weak = await send(
      'POST',
      '/api/me/password',
      { currentPassword: GOOD_PASSWORD, newPassword: 'password1' },
      bearer(account.token),
    );
    expect(weak.status).toBe(400);
    expect((await errorOf(weak)).details).toEqual([expect.objectContaining({ path: 'newPassword' })]);
  });

  it('switches the password and ends every other session, keeping this one', async () => {
    const account = await signUp();
    const other = (await (await login(account.email, GOOD_PASSWORD)).json()) as { token: string };
    const res = await send(
      'POST',
      '/api/me/password',
      { currentPassword: GOOD_PASSWORD, newPassword: 'a fresh long secret' },
      bearer(account.token),
    );
    expect(res.status).toBe(204);
    expect((await api('/api/me', { headers: bearer(account.token) })).status).toBe(200);
    expect((await api('/api/me', { headers: bearer(other.token) })).status).toBe(401);
    expect((await login(account.email, GOOD_PASSWORD)).status).toBe(401);
    expect((await login(account.email, 'a fresh long secret')).status).toBe(200);
  });
});

describe('deleting the account', () => {
  it('needs the password, then removes the account with its sessions', async () => {
    const account = await signUp();
    const refused = await send('DELETE', '/api/me', { password: 'wrong password here' }, bearer(account.token));
    expect(refused.status).toBe(400);
    expect((await db.query('select 1 from users where id = $1', [account.userId])).rowCount).toBe(1);

    const res = await send('DELETE', '/api/me', { password: GOOD_PASSWORD }, bearer(account.token));
    expect(res.status).toBe(204);
    expect((await db.query('select 1 from users where id = $1', [account.userId])).rowCount).toBe(0);
    expect((await db.query('select 1 from sessions where user_id = $1', [account.userId])).rowCount).toBe(0);
    expect((await api('/api/me', { headers: bearer(account.token) })).status).toBe(401);
    expect((await login(account.email, GOOD_PASSWORD)).status).toBe(401);
  });
});

describe('forgotten password', () => {
  const request = (email: string) => send('POST', '/api/auth/password-reset/request', { email });
  const confirm = (token: string, password: string) =>
    send('POST', '/api/auth/password-reset/confirm', { token, password });

  it('answers the same for an unknown email, and sends nothing', async () => {
    const account = await signUp();
    const known = await request(account.email);
    const unknownEmail = uniqueEmail('nobody');
    const unknown = await request(unknownEmail);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual(await known.json());
    await nextEmailTo(account.email);
    expect(await emailsTo(unknownEmail)).toEqual([]);
  });

  it('emails a single-use link that sets the new password and ends every session', async () => {
    const account = await signUp();
    expect((await request(account.email.toUpperCase())).status).toBe(202);
    const email = await nextEmailTo(account.email);
    expect(email.subject).toMatch(/new Jeseci password/);
    const token = resetTokenFrom(email);
    // Only the token's hash is stored.
    expect((await db.query('select 1 from password_resets where token_hash = $1', [token])).rowCount).toBe(0);

    const weak = await confirm(token, 'password1');
    expect(weak.status).toBe(400);
    expect((await confirm(token, 'brand new passphrase')).status).toBe(204);
    expect((await api('/api/me', { headers: bearer(account.token) })).status).toBe(401);
    expect((await login(account.email, 'brand new passphrase')).status).toBe(200);

    const reused = await confirm(token, 'another new passphrase');
    expect(reused.status).toBe(400);
    expect((await errorOf(reused)).message).toMatch(/expired or was already used/);
  });

  it('refuses a link older than 30 minutes', async () => {
    const account = await signUp();
    await request(account.email);
    const token = resetTokenFrom(await nextEmailTo(account.email));
    await db.query(`update password_resets set expires_at = now() - interval '1 second' where user_id = $1`, [
      account.userId,
    ]);
    expect((await confirm(token, 'brand new passphrase')).status).toBe(400);
    expect((await login(account.email, GOOD_PASSWORD)).status).toBe(200);
  });

  it('sends at most 3 emails per address per hour', async () => {
    const account = await signUp();
    for (let i = 0; i < 5; i++) expect((await request(account.email)).status).toBe(202);
    await nextEmailTo(account.email, 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await emailsTo(account.email)).toHaveLength(3);
  });
});
