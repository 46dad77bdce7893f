import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../worker/auth/password.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded-postgres.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { AdminCommandError, createOrPromoteAdmin } from './create-admin.ts';

let database: EmbeddedPostgres;
let client: pg.Client;

beforeAll(async () => {
  database = await startEmbeddedPostgres({ port: 0 });
  await migrateDatabase(database.url);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await database?.close();
});

async function usersWithEmail(email: string) {
  const result = await client.query<{
    id: string;
    email: string;
    display_name: string;
    role: string;
    password_hash: string;
  }>('select id, email, display_name, role, password_hash from users where lower(email) = lower($1)', [email]);
  return result.rows;
}

const neverAsked = async (): Promise<string> => {
  throw new Error('the password should not have been asked for');
};

describe('createOrPromoteAdmin', () => {
  it('happy: creates an admin whose password verifies', async () => {
    const result = await createOrPromoteAdmin(client, {
      email: 'Ada@Example.test',
      name: 'Ada Admin',
      password: 'analytical engine notes',
    });
    expect(result).toMatchObject({ action: 'created', email: 'Ada@Example.test', displayName: 'Ada Admin' });

    const rows = await usersWithEmail('ada@example.test');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: result.id, role: 'admin', display_name: 'Ada Admin' });
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('analytical engine notes', rows[0]?.password_hash ?? '')).toBe(true);
  });

  it('the same email in another case finds the same account instead of adding one', async () => {
    const result = await createOrPromoteAdmin(client, { email: '  ADA@example.TEST ', password: neverAsked });
    expect(result).toMatchObject({ action: 'unchanged', email: 'Ada@Example.test', passwordReset: false });
    expect(await usersWithEmail('ada@example.test')).toHaveLength(1);
  });

  it('error: refuses a weak password with a usage error (exit 2) and writes nothing', async () => {
    for (const password of ['short', 'Password123', 'grace.hopper']) {
      const attempt = createOrPromoteAdmin(client, { email: 'grace.hopper@example.test', name: 'Grace', password });
      await expect(attempt).rejects.toBeInstanceOf(AdminCommandError);
      await expect(attempt).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringMatching(/^Password refused: /),
      });
    }
    expect(await usersWithEmail('grace.hopper@example.test')).toHaveLength(0);
  });

  it('error: refuses a bad email, or a new account without a name (exit 2)', async () => {
    await expect(
      createOrPromoteAdmin(client, { email: 'not-an-email', name: 'X', password: neverAsked }),
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/not an email address/) });
    await expect(
      createOrPromoteAdmin(client, { email: 'nobody@example.test', password: neverAsked }),
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/--name/) });
    expect(await usersWithEmail('nobody@example.test')).toHaveLength(0);
  });

  it('promotes an existing learner keeping their password, and replaces it only with resetPassword', async () => {
    await client.query(`insert into users (email, display_name, password_hash) values ($1, $2, $3)`, [
      'linus@example.test',
      'Linus',
      await hashPassword('original learner password'),
    ]);

    const promoted = await createOrPromoteAdmin(client, { email: 'Linus@example.test', password: neverAsked });
    expect(promoted).toMatchObject({ action: 'promoted', previousRole: 'learner', passwordReset: false });
    let [row] = await usersWithEmail('linus@example.test');
    expect(row?.role).toBe('admin');
    expect(await verifyPassword('original learner password', row?.password_hash ?? '')).toBe(true);

    const reset = await createOrPromoteAdmin(client, {
      email: 'linus@example.test',
      password: 'a brand new admin passphrase',
      resetPassword: true,
    });
    expect(reset).toMatchObject({ action: 'unchanged', passwordReset: true });
    [row] = await usersWithEmail('linus@example.test');
    expect(await verifyPassword('a brand new admin passphrase', row?.password_hash ?? '')).toBe(true);
    expect(await verifyPassword('original learner password', row?.password_hash ?? '')).toBe(false);
    expect(await usersWithEmail('linus@example.test')).toHaveLength(1);
  });
});

describe('npm run admin:create (the command)', () => {
  const script = fileURLToPath(new URL('./create-admin.ts', import.meta.url));

  async function run(args: string[], env: Record<string, string | undefined>) {
    const merged = { ...process.env, DATABASE_URL: undefined, ADMIN_PASSWORD: undefined, ...env };
    const childEnv = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], {
        env: childEnv,
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const failed = err as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('happy: creates the admin from ADMIN_PASSWORD and says so', async () => {
    const result = await run(['--email', 'cli@example.test', '--name', 'Cli Admin'], {
      DATABASE_URL: database.url,
      ADMIN_PASSWORD: 'typed by a deploy script',
    });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Created admin cli@example\.test \(Cli Admin, id [0-9a-f-]{36}\)\./);
    const [row] = await usersWithEmail('cli@example.test');
    expect(await verifyPassword('typed by a deploy script', row?.password_hash ?? '')).toBe(true);
  });

  it('error: exit 2 with what to fix for missing DATABASE_URL, bad options, a weak password or no password source', async () => {
    const noUrl = await run(['--email', 'x@example.test', '--name', 'X'], { ADMIN_PASSWORD: 'long enough pw' });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toMatch(/DATABASE_URL is not set/);

    const unknown = await run(['--emial', 'x@example.test'], { DATABASE_URL: database.url });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Usage: npm run admin:create/);

    const weak = await run(['--email', 'weak@example.test', '--name', 'W'], {
      DATABASE_URL: database.url,
      ADMIN_PASSWORD: 'password',
    });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/Password refused: .*commonly used/);

    // execFile gives the child a pipe, not a terminal, for stdin.
    const noSource = await run(['--email', 'nopw@example.test', '--name', 'N'], { DATABASE_URL: database.url });
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toMatch(/set ADMIN_PASSWORD/);
    expect(await usersWithEmail('weak@example.test')).toHaveLength(0);
  });

  it('error: exit 1 with a one-line message and no stack when the database is unreachable', async () => {
    const result = await run(['--email', 'x@example.test', '--name', 'X'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres',
      ADMIN_PASSWORD: 'long enough pw',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Database error: .*ECONNREFUSED/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
