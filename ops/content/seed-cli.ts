/** `npm run db:seed`: loads every course pack under content/ into DATABASE_URL (idempotent). */
import { ContentError, describeSeed, loadContent } from './load-content.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'DATABASE_URL is not set. Example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/jeseci npm run db:seed',
  );
  process.exit(2);
}
try {
  console.log(describeSeed(await loadContent(url)));
} catch (err) {
  console.error(
    err instanceof ContentError ? err.message : `Seeding failed: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
}
