import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourseSchema, ItemSchema, LessonSchema, type CoursePack } from '../../worker/curriculum/pack-schema.ts';
import * as schema from '../../worker/db/schema/index.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded-postgres.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { seedPack, type SeedDatabase } from './seed.ts';

let database: EmbeddedPostgres;
let client: pg.Client;
let db: SeedDatabase;

beforeAll(async () => {
  database = await startEmbeddedPostgres({ port: 0 });
  await migrateDatabase(database.url);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  db = drizzle({ client, schema });
});
afterAll(async () => {
  await client?.end();
  await database?.close();
});

const item = (id: string, concept: string, extra: Record<string, unknown> = {}) =>
  ItemSchema.parse({
    id,
    concept,
    type: 'true-false',
    difficulty: 'easy',
    prompt: `Is ${id} true?`,
    explanation: 'It is.',
    answer: true,
    ...extra,
  });

function pack(overrides: Partial<CoursePack> = {}): CoursePack {
  return {
    course: CourseSchema.parse({
      slug: 'graphs',
      title: 'Graphs',
      summary: 'Nodes and edges.',
      language: 'javascript',
      languageVersion: 'ES2023',
      concepts: [
        { id: 'walkers', title: 'Walkers', summary: 'Moving through graphs.', prerequisites: ['nodes', 'edges'] },
        { id: 'nodes', title: 'Nodes', summary: 'Places.' },
        { id: 'edges', title: 'Edges', summary: 'Connections.', prerequisites: ['nodes'] },
      ],
    }),
    lessons: [
      LessonSchema.parse({ id: 'meet-nodes', concept: 'nodes', title: 'Meet nodes', minutes: 5, body: '# Nodes' }),
    ],
    items: [item('n1', 'nodes'), item('e1', 'edges'), item('w1', 'walkers', { difficulty: 'hard' })],
    ...overrides,
  };
}

const rows = async (sqlText: string, params: unknown[] = []) => (await client.query(sqlText, params)).rows;

describe('seedPack', () => {
  it('loads the course, its graph in teaching order, lessons and items with answers kept apart', async () => {
    const report = await seedPack(db, pack());
    expect(report).toEqual({ course: 'graphs', concepts: 3, lessons: 1, items: 3, retired: 0 });
    const order = await rows('select slug from concepts order by position');
    expect(order.map((row) => row.slug)).toEqual(['nodes', 'edges', 'walkers']);
    const edges = await rows(
      `select c.slug as concept, p.slug as prerequisite from concept_prerequisites cp
       join concepts c on c.id = cp.concept_id join concepts p on p.id = cp.prerequisite_id order by 1, 2`,
    );
    expect(edges).toEqual([
      { concept: 'edges', prerequisite: 'nodes' },
      { concept: 'walkers', prerequisite: 'edges' },
      { concept: 'walkers', prerequisite: 'nodes' },
    ]);
    const [w1] = await rows(`select rating, content, answer from items where slug = 'w1'`);
    expect(w1).toEqual({ rating: 1, content: {}, answer: { value: true } });
  });

  it('is idempotent: a second run changes nothing and keeps every id', async () => {
    const before = await rows('select id, slug from items order by slug');
    await seedPack(db, pack());
    expect(await rows('select id, slug from items order by slug')).toEqual(before);
    expect(await rows('select count(*)::int as n from concept_prerequisites')).toEqual([{ n: 3 }]);
  });

  it('updates changed content in place, retires what the pack dropped, and keeps learned ratings', async () => {
    const [e1] = await rows(`select id from items where slug = 'e1'`);
    await client.query(`update items set answers = 12, rating = 0.4 where slug = 'n1'`);
    const changed = pack({
      items: [item('n1', 'nodes', { difficulty: 'medium', prompt: 'Reworded?' }), item('w1', 'walkers')],
    });
    const report = await seedPack(db, changed);
    expect(report.retired).toBe(1);
    const [n1] = await rows(`select prompt, difficulty, rating from items where slug = 'n1'`);
    expect(n1).toEqual({ prompt: 'Reworded?', difficulty: 'medium', rating: 0.4 });
    // Unanswered, so its rating follows the new authored difficulty.
    expect(await rows(`select rating from items where slug = 'w1'`)).toEqual([{ rating: -1 }]);
    const [retired] = await rows(`select id, retired_at from items where slug = 'e1'`);
    expect(retired?.id).toBe(e1?.id);
    expect(retired?.retired_at).not.toBeNull();

    await seedPack(db, pack());
    expect(await rows(`select retired_at from items where slug = 'e1'`)).toEqual([{ retired_at: null }]);
  });

  it('refuses a pack whose prerequisites form a cycle, writing nothing', async () => {
    const cyclic = pack();
    cyclic.course = {
      ...cyclic.course,
      slug: 'loops',
      concepts: [
        { id: 'a', title: 'A', summary: 'a', prerequisites: ['b'] },
        { id: 'b', title: 'B', summary: 'b', prerequisites: ['a'] },
      ],
    };
    await expect(seedPack(db, { ...cyclic, lessons: [], items: [] })).rejects.toThrow(
      'loops: prerequisites form a cycle: a → b → a',
    );
    expect(await rows(`select 1 from courses where slug = 'loops'`)).toEqual([]);
  });
});
