/**
 * Applies the drizzle-kit migrations in migrations/ to a database. drizzle records what it
 * applied (in `drizzle.__drizzle_migrations`), so running it again is a no-op.
 */
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface MigrationReport {
  /** Migrations applied by this run (0 when the database was already current). */
  applied: number;
  total: number;
}

async function countApplied(client: pg.Client): Promise<number> {
  const exists = await client.query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists.rows[0]?.present) return 0;
  const rows = await client.query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations');
  return Number(rows.rows[0]?.n ?? 0);
}

export async function migrateDatabase(databaseUrl: string): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const before = await countApplied(client);
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_DIR });
    const after = await countApplied(client);
    return { applied: after - before, total: after };
  } finally {
    await client.end();
  }
}
