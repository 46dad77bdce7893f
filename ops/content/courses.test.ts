/**
 * The shipped courses in content/: they pass the publishing checks, seed into a real
 * Postgres, re-seed without changing a row, and an edit to one item changes that item only.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoursePack } from '../../worker/curriculum/pack-schema.ts';
import * as schema from '../../worker/db/schema/index.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded-postgres.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { main as contentCheck, PUBLISHING_RULES } from './check.ts';
import { listPacks, readPack, REPO_ROOT } from './read-pack.ts';
import { seedPack, type SeedDatabase } from './seed.ts';

let database: EmbeddedPostgres;
let client: pg.Client;
let db: SeedDatabase;
const packs: CoursePack[] = [];

beforeAll(async () => {
  for (const dir of await listPacks(`${REPO_ROOT}content`)) {
    const { pack, problems } = await readPack(dir, PUBLISHING_RULES);
    expect(problems).toEqual([]);
    if (pack) packs.push(pack);
  }
  database = await startEmbeddedPostgres({ port: 0 });
  await migrateDatabase(database.url);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  db = drizzle({ client, schema });
}, 120_000);
afterAll(async () => {
  await client?.end();
  await database?.close();
});

/** Every content row as text, keyed by table and id: what "changes nothing" is checked on. */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const table of ['courses', 'concepts', 'concept_prerequisites', 'lessons', 'items']) {
    const { rows } = await client.query(`select * from ${table}`);
    for (const row of rows as Record<string, unknown>[]) {
      const key = `${table}:${String(row.id ?? `${String(row.concept_id)}>${String(row.prerequisite_id)}`)}`;
      out.set(key, JSON.stringify(row));
    }
  }
  return out;
}

function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key));
}

const count = (items: CoursePack['items'], type: string) => items.filter((item) => item.type === type).length;

describe('the shipped courses', () => {
  it('pass npm run content:check, code exercises run included', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await contentCheck([])).toBe(0);
      expect(log.mock.calls.at(-1)?.[0]).toBe('2 packs OK');
    } finally {
      log.mockRestore();
    }
  }, 60_000);

  it('are the two courses the content issue asks for, at the size it asks for', () => {
    const jac = packs.find((pack) => pack.course.slug === 'osp-with-jac');
    const js = packs.find((pack) => pack.course.slug === 'js-graphs');
    expect(jac?.course.concepts.length).toBeGreaterThanOrEqual(14);
    expect(jac?.lessons.length).toBeGreaterThanOrEqual(20);
    expect(jac?.items.length).toBeGreaterThanOrEqual(150);
    const jacTypes = new Set(jac?.items.map((item) => item.type));
    expect(jacTypes.size).toBeGreaterThanOrEqual(5);
    for (const concept of jac?.course.concepts ?? []) {
      expect(jac?.items.filter((item) => item.concept === concept.id).length, concept.id).toBeGreaterThanOrEqual(10);
    }
    // A real graph, not a chain: some concept has two prerequisites or more.
    expect(jac?.course.concepts.some((concept) => concept.prerequisites.length >= 2)).toBe(true);
    expect(js?.course.concepts.length).toBeGreaterThanOrEqual(5);
    expect(count(js?.items ?? [], 'code-exercise')).toBeGreaterThanOrEqual(12);
  });

  it('seed into Postgres; seeding again changes no row; one edited item changes that row only', async () => {
    const now = new Date('2026-11-26T12:00:00Z');
    for (const pack of packs) await seedPack(db, pack, now);
    const first = await snapshot();
    const itemCount = packs.reduce((sum, pack) => sum + pack.items.length, 0);
    expect([...first.keys()].filter((key) => key.startsWith('items:'))).toHaveLength(itemCount);

    for (const pack of packs) await seedPack(db, pack, new Date('2026-11-27T12:00:00Z'));
    expect(changedKeys(first, await snapshot())).toEqual([]);

    const jac = packs.find((pack) => pack.course.slug === 'osp-with-jac');
    if (!jac) throw new Error('osp-with-jac is missing');
    const [target, ...rest] = jac.items;
    if (!target) throw new Error('osp-with-jac has no items');
    const edited: CoursePack = { ...jac, items: [{ ...target, prompt: `${target.prompt}\n\n(Reworded.)` }, ...rest] };
    await seedPack(db, edited, new Date('2026-11-28T12:00:00Z'));
    const changed = changedKeys(first, await snapshot());
    expect(changed).toHaveLength(1);
    const { rows } = await client.query('select slug from items where id = $1', [changed[0]?.slice('items:'.length)]);
    expect(rows).toEqual([{ slug: target.id }]);
  });
});
