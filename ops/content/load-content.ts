/**
 * Reads every course pack under content/ and seeds it into a database: what
 * `npm run db:seed`, `npm run dev` and the test setup run after migrations. A pack with
 * problems stops the load with each problem as `file:line: message`.
 */
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../../worker/db/schema/index.ts';
import { REPO_ROOT, listPacks, readPack, type FileProblem } from './read-pack.ts';
import { seedPack, type SeedReport } from './seed.ts';

export const CONTENT_ROOT = join(REPO_ROOT, 'content');

export class ContentError extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(
      `the course content has ${problems.length} problem(s):\n${problems
        .map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'ContentError';
  }
}

export async function loadContent(databaseUrl: string, contentRoot = CONTENT_ROOT): Promise<SeedReport[]> {
  const packs = [];
  for (const dir of await listPacks(contentRoot)) {
    const { pack, problems } = await readPack(dir);
    if (!pack || problems.length) throw new ContentError(problems);
    packs.push(pack);
  }
  if (packs.length === 0) return [];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const db = drizzle({ client, schema });
    const reports: SeedReport[] = [];
    for (const pack of packs) reports.push(await seedPack(db, pack));
    return reports;
  } finally {
    await client.end();
  }
}

export function describeSeed(reports: SeedReport[]): string {
  if (reports.length === 0) return 'no course packs under content/';
  return reports
    .map(
      (r) =>
        `${r.course}: ${r.concepts} concepts, ${r.lessons} lessons, ${r.items} items${r.retired ? `, ${r.retired} retired` : ''}`,
    )
    .join('; ');
}
