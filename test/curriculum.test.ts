/** The course catalogue through the real Worker, over a pack seeded into the test database. */
import { drizzle } from 'drizzle-orm/node-postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedPack } from '../ops/content/seed.ts';
import { CourseSchema, ItemSchema, LessonSchema } from '../worker/curriculum/pack-schema.ts';
import * as schema from '../worker/db/schema/index.ts';
import { useTestDatabase } from './support/db.ts';
import { api, type ErrorBodyShape } from './support/http.ts';

const database = useTestDatabase();

beforeAll(async () => {
  await seedPack(drizzle({ client: database.client(), schema }), {
    course: CourseSchema.parse({
      slug: 'osp-test',
      title: 'Object-Spatial Test Course',
      summary: 'Walkers visiting nodes.',
      language: 'jac',
      languageVersion: '0.8',
      concepts: [
        {
          id: 'walkers',
          title: 'Walkers',
          summary: 'A walker moves along edges and visits nodes.',
          prerequisites: ['nodes', 'edges'],
        },
        { id: 'nodes', title: 'Nodes', summary: 'Nodes are the places of a graph.' },
        { id: 'edges', title: 'Edges', summary: 'Edges connect nodes.', prerequisites: ['nodes'] },
      ],
    }),
    lessons: [
      LessonSchema.parse({
        id: 'first-walker',
        concept: 'walkers',
        title: 'Your first walker',
        minutes: 8,
        body: 'A walker is spawned on a node and uses visit to move along edges.\n\n```jac\nwalker Greeter {}\n```',
      }),
      LessonSchema.parse({
        id: 'meet-nodes',
        concept: 'nodes',
        title: 'Meet nodes',
        minutes: 5,
        body: 'Nodes hold data with has fields.',
      }),
    ],
    items: [
      ItemSchema.parse({
        id: 'w1',
        concept: 'walkers',
        type: 'short-answer',
        difficulty: 'easy',
        prompt: 'Which keyword moves a walker?',
        explanation: 'visit',
        accepted: ['visit'],
      }),
    ],
  });
});

describe('the catalogue', () => {
  it('lists published courses', async () => {
    const res = await api('/api/courses');
    expect(res.status).toBe(200);
    const { courses } = (await res.json()) as { courses: { slug: string }[] };
    expect(courses).toContainEqual({
      slug: 'osp-test',
      title: 'Object-Spatial Test Course',
      summary: 'Walkers visiting nodes.',
      language: 'jac',
    });
  });

  it('gives a course as its concept graph in teaching order, with lessons, and no item answers', async () => {
    const res = await api('/api/courses/osp-test');
    expect(res.status).toBe(200);
    const course = (await res.json()) as {
      concepts: { slug: string; prerequisites: string[]; lessons: { slug: string }[] }[];
    };
    expect(course.concepts.map((concept) => concept.slug)).toEqual(['nodes', 'edges', 'walkers']);
    expect(course.concepts[2]?.prerequisites.sort()).toEqual(['edges', 'nodes']);
    expect(course.concepts[2]?.lessons).toEqual([{ slug: 'first-walker', title: 'Your first walker', minutes: 8 }]);
    expect(JSON.stringify(course)).not.toContain('accepted');
  });

  it('serves a lesson, and 404s for what does not exist', async () => {
    const res = await api('/api/courses/osp-test/lessons/first-walker');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      course: 'osp-test',
      concept: 'walkers',
      title: 'Your first walker',
      minutes: 8,
    });
    for (const path of ['/api/courses/no-such-course', '/api/courses/osp-test/lessons/no-such-lesson']) {
      const missing = await api(path);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as ErrorBodyShape).error.code).toBe('not_found');
    }
    expect((await api('/api/courses/Not%20A%20Slug')).status).toBe(400);
  });
});

describe('search', () => {
  it('finds lessons and concepts, best first, with highlight offsets instead of markup', async () => {
    const res = await api(`/api/search?q=${encodeURIComponent('walker visit')}&limit=50`);
    expect(res.status).toBe(200);
    const { hits: allHits } = (await res.json()) as {
      hits: {
        kind: string;
        course: string;
        slug: string;
        rank: number;
        snippet: { text: string; highlights: [number, number][] };
      }[];
    };
    // The real courses in content/ are seeded too and talk about walkers a lot.
    const hits = allHits.filter((hit) => hit.course === 'osp-test');
    expect(
      hits
        .slice(0, 2)
        .map((hit) => `${hit.kind}:${hit.slug}`)
        .sort(),
    ).toEqual(['concept:walkers', 'lesson:first-walker']);
    const ranks = allHits.map((hit) => hit.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const snippet = hits.find((hit) => hit.kind === 'lesson')?.snippet;
    expect(snippet?.highlights.length).toBeGreaterThan(0);
    for (const [start, end] of snippet?.highlights ?? [])
      expect(snippet?.text.slice(start, end).toLowerCase()).toMatch(/^(walker|visit)/);
    expect(snippet?.text.includes(String.fromCharCode(2)) || snippet?.text.includes(String.fromCharCode(3))).toBe(
      false,
    );
  });

  it('answers an empty list for no match, and 400 for a query too short', async () => {
    expect(await (await api('/api/search?q=xylophone')).json()).toEqual({ hits: [] });
    expect((await api('/api/search?q=a')).status).toBe(400);
  });
});
