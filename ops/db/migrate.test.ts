import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';
import { MIGRATIONS_DIR, migrateDatabase } from './migrate.ts';

let database: EmbeddedPostgres;
beforeAll(async () => {
  database = await startEmbeddedPostgres({ port: 0 });
});
afterAll(async () => {
  await database?.close();
});

describe('migrateDatabase (npm run db:migrate)', () => {
  it('creates the schema on an empty database, and a second run is a no-op', async () => {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    const first = await migrateDatabase(database.url);
    expect(first).toEqual({ applied: journal.entries.length, total: journal.entries.length });

    const second = await migrateDatabase(database.url);
    expect(second).toEqual({ applied: 0, total: first.total });

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['password_resets', 'sessions', 'users']),
      );
      // Emails are unique whatever their case.
      await client.query(
        `insert into users (email, display_name, password_hash) values ('Ada@example.test', 'Ada', 'x')`,
      );
      await expect(
        client.query(`insert into users (email, display_name, password_hash) values ('ada@EXAMPLE.test', 'Ada', 'x')`),
      ).rejects.toThrow(/users_email_lower_idx/);
    } finally {
      await client.end();
    }
  });
});
