import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded-postgres.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { ContentError, describeSeed, loadContent } from './load-content.ts';

let database: EmbeddedPostgres;
let root: string;

const COURSE = `slug: tiny
title: Tiny
summary: One concept.
language: javascript
languageVersion: ES2023
concepts:
  - id: basics
    title: Basics
    summary: The very start.
`;
const ITEMS = `- id: one
  concept: basics
  type: true-false
  difficulty: easy
  prompt: Is one a number?
  explanation: It is.
  answer: true
`;

async function writeCourse(name: string, files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(root, name, file, '..'), { recursive: true });
    await writeFile(join(root, name, file), text);
  }
}

beforeAll(async () => {
  database = await startEmbeddedPostgres({ port: 0 });
  await migrateDatabase(database.url);
  root = await mkdtemp(join(tmpdir(), 'content-'));
});
afterAll(async () => {
  await database?.close();
  await rm(root, { recursive: true, force: true });
});

describe('loadContent (npm run db:seed, and on start)', () => {
  it('does nothing, and says so, when there is no pack', async () => {
    const reports = await loadContent(database.url, root);
    expect(describeSeed(reports)).toBe('no course packs under content/');
  });

  it('seeds every pack under the content root, and again without duplicates', async () => {
    await writeCourse('tiny', { 'course.yaml': COURSE, 'items/basics.yaml': ITEMS });
    expect(describeSeed(await loadContent(database.url, root))).toBe('tiny: 1 concepts, 0 lessons, 1 items');
    await loadContent(database.url, root);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`select count(*)::int as n from items where slug = 'one'`);
    await client.end();
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('stops on a broken pack, naming the file and line, before writing anything', async () => {
    await writeCourse('broken', {
      'course.yaml': COURSE.replace('slug: tiny', 'slug: broken').replace('summary: One concept.', 'summary: ""'),
    });
    const attempt = loadContent(database.url, root);
    await expect(attempt).rejects.toBeInstanceOf(ContentError);
    await expect(attempt).rejects.toThrow(/broken\/course\.yaml:3: /);
  });
});
