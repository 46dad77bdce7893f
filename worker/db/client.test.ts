import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONNECT_TIMEOUT_MS, connectTimeoutMs, openDatabaseOnFirstUse } from './client';
import { users } from './schema';

const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', NEON_WS_PROXY: '' };

describe('openDatabaseOnFirstUse', () => {
  it('costs nothing to close when the request never used the database', async () => {
    const handle = openDatabaseOnFirstUse(env);
    await expect(handle.close()).resolves.toBeUndefined();
  });

  it('behaves as the drizzle instance once used (methods keep their own `this`)', async () => {
    const handle = openDatabaseOnFirstUse(env);
    const query = handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'a@b.c')).toSQL();
    expect(query.sql).toBe('select "id" from "users" where "users"."email" = $1');
    expect(query.params).toEqual(['a@b.c']);
    await handle.close();
  });
});

describe('connectTimeoutMs', () => {
  it('takes DB_CONNECT_TIMEOUT_MS when it is a positive whole number of milliseconds', () => {
    expect(connectTimeoutMs({ DB_CONNECT_TIMEOUT_MS: '30000' })).toBe(30_000);
  });

  it('falls back to 5 s when unset or not a usable number', () => {
    expect(DEFAULT_CONNECT_TIMEOUT_MS).toBe(5000);
    for (const value of [undefined, '', '0', '-5', '2.5', 'soon']) {
      expect(connectTimeoutMs({ DB_CONNECT_TIMEOUT_MS: value })).toBe(DEFAULT_CONNECT_TIMEOUT_MS);
    }
  });
});
