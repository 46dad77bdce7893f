/**
 * Content editing through the real Worker against real Postgres: the authoring view with
 * answer keys for instructors only, lesson and item edits checked by the pack rules (code
 * exercises run in the sandbox), learners seeing an edit at once, their history kept, new
 * lessons and items, and each edit in the admin activity log.
 */
import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedPack } from '../ops/content/seed.ts';
import { CourseSchema, ItemSchema, LessonSchema } from '../worker/curriculum/pack-schema.ts';
import * as schema from '../worker/db/schema/index.ts';
import { getAs, sendAs, signUp, type TestAccount } from './support/accounts.ts';
import { useTestDatabase } from './support/db.ts';
import { api, type ErrorBodyShape } from './support/http.ts';

const database = useTestDatabase();
const COURSE = 'editing-test';
const base = { concept: 'basics', prompt: 'Which one?', explanation: 'Because.' };

let instructor: TestAccount;
let admin: TestAccount;
let learner: TestAccount;

async function withRole(role: 'instructor' | 'admin'): Promise<TestAccount> {
  const account = await signUp({ displayName: `Content ${role}` });
  await database.query('update users set role = $1 where id = $2', [role, account.userId]);
  return account;
}

beforeAll(async () => {
  await seedPack(drizzle({ client: database.client(), schema }), {
    course: CourseSchema.parse({
      slug: COURSE,
      title: 'Editing Test Course',
      summary: 'A course to edit.',
      language: 'javascript',
      languageVersion: 'ES2022',
      concepts: [
        { id: 'basics', title: 'Basics', summary: 'The first concept.' },
        { id: 'later', title: 'Later', summary: 'Needs basics.', prerequisites: ['basics'] },
      ],
    }),
    lessons: [
      LessonSchema.parse({ id: 'intro', concept: 'basics', title: 'Intro', minutes: 5, body: 'The old text.' }),
    ],
    items: [
      ItemSchema.parse({
        ...base,
        id: 'pick',
        type: 'multiple-choice',
        difficulty: 'easy',
        options: [
          { id: 'left', text: 'Left', correct: true },
          { id: 'right', text: 'Right' },
        ],
      }),
      ItemSchema.parse({ ...base, id: 'fresh', type: 'true-false', difficulty: 'easy', answer: true }),
      ItemSchema.parse({
        ...base,
        id: 'double',
        type: 'code-exercise',
        difficulty: 'medium',
        language: 'javascript',
        starter: 'export function double(n) {}',
        tests: "test('doubles', () => { expect(double(2)).toBe(4); expect(double(5)).toBe(10); });",
        solution: 'export function double(n) { return n * 2; }',
        wrongSolutions: [{ why: 'squares', code: 'export function double(n) { return n * n; }' }],
      }),
    ],
  });
  [instructor, admin, learner] = await Promise.all([withRole('instructor'), withRole('admin'), signUp()]);
});

interface AuthoringCourse {
  course: { slug: string; title: string };
  concepts: {
    slug: string;
    lessons: { slug: string; title: string; minutes: number; body: string; updatedAt: string }[];
    items: { slug: string; answers: number; updatedAt: string; fields: Record<string, unknown> }[];
  }[];
}

async function view(account: TestAccount): Promise<AuthoringCourse> {
  const res = await getAs(account, `/api/content/courses/${COURSE}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AuthoringCourse;
}

const put = (account: TestAccount, path: string, body: unknown) =>
  sendAs(account, 'PUT', `/api/content/courses/${COURSE}/${path}`, body);

async function itemRow(slug: string) {
  const { rows } = await database.query(
    'select i.id, i.rating, i.answers, i.content, i.answer from items i join courses c on c.id = i.course_id where c.slug = $1 and i.slug = $2',
    [COURSE, slug],
  );
  return rows[0] as { id: string; rating: number; answers: number; content: unknown; answer: unknown };
}

async function answer(account: TestAccount, slug: string, response: unknown) {
  const res = await sendAs(account, 'POST', '/api/attempts', {
    itemId: (await itemRow(slug)).id,
    attemptId: randomUUID(),
    response,
    elapsedMs: 8000,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { correct: boolean };
}

async function edits(userId: string): Promise<Record<string, unknown>[]> {
  const { rows } = await database.query(
    "select detail from activity_log where kind = 'content-edited' and user_id = $1 order by id",
    [userId],
  );
  return rows.map((row: { detail: Record<string, unknown> }) => row.detail);
}

const mcFields = (correct: 'left' | 'right') => ({
  type: 'multiple-choice',
  difficulty: 'medium',
  prompt: 'Which side, now?',
  explanation: 'The key moved.',
  hints: ['Think again.'],
  options: [
    { id: 'left', text: 'Left', correct: correct === 'left' },
    { id: 'right', text: 'Right', correct: correct === 'right' },
  ],
});

describe('GET /api/content/courses/{course}', () => {
  it('gives instructors and admins every lesson body and every answer key, by concept', async () => {
    const body = await view(instructor);
    expect(body.course).toMatchObject({ slug: COURSE, title: 'Editing Test Course' });
    expect(body.concepts.map((concept) => concept.slug)).toEqual(['basics', 'later']);
    const [basics] = body.concepts;
    expect(basics?.lessons).toEqual([
      expect.objectContaining({ slug: 'intro', title: 'Intro', minutes: 5, body: 'The old text.' }),
    ]);
    const pick = basics?.items.find((item) => item.slug === 'pick');
    expect(pick?.fields).toMatchObject({
      type: 'multiple-choice',
      options: [
        { id: 'left', text: 'Left', correct: true },
        { id: 'right', text: 'Right', correct: false },
      ],
    });
    const exercise = basics?.items.find((item) => item.slug === 'double');
    expect(exercise?.fields).toMatchObject({
      tests: expect.stringContaining('doubles'),
      wrongSolutions: [{ why: 'squares' }],
    });
    expect((await view(admin)).concepts).toHaveLength(2);
  });

  it('refuses learners (403) and anonymous visitors (401), and 404s an unknown course', async () => {
    expect((await getAs(learner, `/api/content/courses/${COURSE}`)).status).toBe(403);
    expect((await api(`/api/content/courses/${COURSE}`)).status).toBe(401);
    const missing = await getAs(instructor, '/api/content/courses/no-such-course');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorBodyShape).error.code).toBe('not_found');
  });
});

describe('PUT /api/content/courses/{course}/lessons/{lesson}', () => {
  it('saves a lesson that learners read at once, and logs the edit', async () => {
    const res = await put(instructor, 'lessons/intro', {
      title: 'Introduction',
      minutes: 7,
      body: '# Hello\n\nThe new text.',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slug: 'intro', title: 'Introduction', minutes: 7 });
    const read = await getAs(learner, `/api/courses/${COURSE}/lessons/intro`);
    expect(await read.json()).toMatchObject({ title: 'Introduction', minutes: 7, body: '# Hello\n\nThe new text.' });
    expect(await edits(instructor.userId)).toContainEqual({ course: COURSE, lesson: 'intro', change: 'updated' });
  });

  it('answers 400 with a detail per field for content the pack format refuses', async () => {
    const res = await put(instructor, 'lessons/intro', { title: '', minutes: 500, body: '' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBodyShape & { error: { details: { path: string }[] } };
    expect(body.error.details.map((detail) => detail.path).sort()).toEqual(['body', 'minutes', 'title']);
    const slugChange = await put(instructor, 'lessons/intro', { title: 'T', minutes: 5, body: 'B', slug: 'other' });
    expect(slugChange.status).toBe(400);
  });

  it('404s an unknown lesson and refuses learners', async () => {
    const lesson = { title: 'T', minutes: 5, body: 'B' };
    expect((await put(instructor, 'lessons/nope', lesson)).status).toBe(404);
    expect((await put(learner, 'lessons/intro', lesson)).status).toBe(403);
    const read = (await (await getAs(learner, `/api/courses/${COURSE}/lessons/intro`)).json()) as { body: string };
    expect(read.body).not.toBe('B');
  });
});

describe('PUT /api/content/courses/{course}/items/{item}', () => {
  it('changes the key learners are graded against and keeps the item, its answers and its learned rating', async () => {
    const before = await itemRow('pick');
    expect((await answer(learner, 'pick', 'left')).correct).toBe(true);
    const rated = await itemRow('pick');
    expect(rated.answers).toBe(1);

    const res = await put(instructor, 'items/pick', mcFields('right'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slug: 'pick', answers: 1, fields: mcFields('right') });

    const after = await itemRow('pick');
    expect(after.id).toBe(before.id);
    // Answered once: the learned rating stands though the authored difficulty changed.
    expect(after.rating).toBeCloseTo(rated.rating);
    expect(after.content).toEqual({
      options: [
        { id: 'left', text: 'Left' },
        { id: 'right', text: 'Right' },
      ],
    });
    expect(after.answer).toEqual({ correct: ['right'] });
    const { rows } = await database.query('select count(*)::int as n from attempts where item_id = $1', [after.id]);
    expect(rows[0].n).toBe(1);

    const other = await signUp();
    expect((await answer(other, 'pick', 'right')).correct).toBe(true);
    expect((await answer(other, 'pick', 'left')).correct).toBe(false);
    expect(await edits(instructor.userId)).toContainEqual({ course: COURSE, item: 'pick', change: 'updated' });
  });

  it('resets an unanswered item’s rating to its new authored difficulty', async () => {
    const res = await put(admin, 'items/fresh', {
      type: 'true-false',
      difficulty: 'hard',
      prompt: 'Still true?',
      explanation: 'Yes.',
      answer: false,
    });
    expect(res.status).toBe(200);
    expect((await itemRow('fresh')).rating).toBe(1);
    expect((await itemRow('fresh')).answer).toEqual({ value: false });
  });

  it('refuses a type change, a multiple-choice item with two correct options, and schema errors, per field', async () => {
    const details = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { details: { path: string; message: string }[] } }).error.details;
    };
    const typeChange = await details(
      await put(instructor, 'items/pick', {
        type: 'true-false',
        difficulty: 'easy',
        prompt: 'P',
        explanation: 'E',
        answer: true,
      }),
    );
    expect(typeChange).toEqual([
      expect.objectContaining({ path: 'type', message: expect.stringContaining('cannot change') }),
    ]);

    const twoCorrect = mcFields('left');
    twoCorrect.options = twoCorrect.options.map((option) => ({ ...option, correct: true }));
    expect(await details(await put(instructor, 'items/pick', twoCorrect))).toEqual([
      expect.objectContaining({ path: 'options', message: expect.stringContaining('exactly one correct option') }),
    ]);

    const schemaErrors = await details(
      await put(instructor, 'items/pick', { ...mcFields('left'), prompt: '', options: [{ id: 'Bad Id', text: 'x' }] }),
    );
    expect(schemaErrors.map((issue) => issue.path).sort()).toEqual(['options', 'options.0.id', 'prompt']);
    expect((await itemRow('pick')).answer).toEqual({ correct: ['right'] });
  });

  it('runs a code exercise in the sandbox: a solution that fails its tests is refused', async () => {
    const view = await (await getAs(instructor, `/api/content/courses/${COURSE}`)).json();
    const current = (view as AuthoringCourse).concepts[0]?.items.find((item) => item.slug === 'double')?.fields;
    const broken = await put(instructor, 'items/double', {
      ...current,
      solution: 'export function double(n) { return n + 2; }',
    });
    expect(broken.status).toBe(400);
    const body = (await broken.json()) as { error: { details: { path: string; message: string }[] } };
    expect(body.error.details).toEqual([
      expect.objectContaining({ path: 'solution', message: expect.stringMatching(/^The solution fails 1 of 1 tests/) }),
    ]);

    const better = await put(instructor, 'items/double', {
      ...current,
      starter: 'export function double(n) {\n  // here\n}',
    });
    expect(better.status).toBe(200);
    expect((await itemRow('double')).content).toEqual({
      language: 'javascript',
      starter: 'export function double(n) {\n  // here\n}',
    });
  });

  it('404s an unknown item and refuses learners', async () => {
    expect((await put(instructor, 'items/nope', mcFields('left'))).status).toBe(404);
    expect((await put(learner, 'items/pick', mcFields('left'))).status).toBe(403);
  });
});

describe('POST lessons and items into a concept', () => {
  it('adds a lesson learners find in the course graph', async () => {
    const res = await sendAs(instructor, 'POST', `/api/content/courses/${COURSE}/concepts/later/lessons`, {
      slug: 'later-reading',
      title: 'Later reading',
      minutes: 4,
      body: 'More.',
    });
    expect(res.status).toBe(201);
    const course = (await (await getAs(learner, `/api/courses/${COURSE}`)).json()) as {
      concepts: { slug: string; lessons: { slug: string }[] }[];
    };
    expect(course.concepts.find((concept) => concept.slug === 'later')?.lessons).toEqual([
      expect.objectContaining({ slug: 'later-reading' }),
    ]);
    expect(await edits(instructor.userId)).toContainEqual({
      course: COURSE,
      lesson: 'later-reading',
      change: 'created',
    });
  });

  it('adds an item with its starting rating, and refuses a slug in use, a bad item or an unknown concept', async () => {
    const item = {
      slug: 'later-tf',
      type: 'true-false',
      difficulty: 'easy',
      prompt: 'P?',
      explanation: 'E.',
      answer: true,
    };
    const path = `/api/content/courses/${COURSE}/concepts/later/items`;
    const res = await sendAs(instructor, 'POST', path, item);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      slug: 'later-tf',
      answers: 0,
      fields: { type: 'true-false', answer: true },
    });
    expect((await itemRow('later-tf')).rating).toBe(-1);

    const again = await sendAs(instructor, 'POST', path, item);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe('slug');
    const noCorrect = await sendAs(instructor, 'POST', path, {
      ...mcFields('left'),
      slug: 'later-mc',
      options: mcFields('left').options.map((option) => ({ ...option, correct: false })),
    });
    expect(noCorrect.status).toBe(400);
    expect((await sendAs(instructor, 'POST', `/api/content/courses/${COURSE}/concepts/nope/items`, item)).status).toBe(
      404,
    );
    expect((await sendAs(learner, 'POST', path, { ...item, slug: 'learner-made' })).status).toBe(403);
  });
});
