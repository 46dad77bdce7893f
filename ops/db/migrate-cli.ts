/** `npm run db:migrate`: applies pending migrations to DATABASE_URL. */
import { migrateDatabase } from './migrate.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'DATABASE_URL is not set. Example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/jeseci npm run db:migrate',
  );
  process.exit(2);
}
try {
  const { applied, total } = await migrateDatabase(url);
  console.log(
    applied === 0
      ? `Database is up to date (${total} migrations).`
      : `Applied ${applied} migration(s); ${total} in all.`,
  );
} catch (err) {
  console.error(`Migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
