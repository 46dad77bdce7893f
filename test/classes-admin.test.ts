/**
 * Classes (instructors and learners) and the admin API through the real Worker, including
 * every way a user might reach data that is not theirs.
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
const COURSE = 'class-test';

beforeAll(async () => {
  await seedPack(drizzle({ client: database.client(), schema }), {
    course: CourseSchema.parse({
      slug: COURSE,
      title: 'Class Test Course',
      summary: 'For class reports.',
      language: 'jac',
      languageVersion: '0.8',
      concepts: [
        { id: 'one', title: 'One', summary: 'First.' },
        { id: 'two', title: 'Two', summary: 'Second.', prerequisites: ['one'] },
      ],
    }),
    lessons: [LessonSchema.parse({ id: 'l1', concept: 'one', title: 'L1', minutes: 3, body: 'Text.' })],
    items: ['q1', 'q2', 'q3'].map((id) =>
      ItemSchema.parse({
        id,
        concept: 'one',
        type: 'true-false',
        difficulty: 'easy',
        prompt: `Is ${id} true?`,
        explanation: 'It is.',
        answer: true,
      }),
    ),
  });
});

async function withRole(role: 'instructor' | 'admin', displayName?: string): Promise<TestAccount> {
  const account = await signUp(displayName ? { displayName } : {});
  await database.query('update users set role = $1 where id = $2', [role, account.userId]);
  return account;
}

const send = (method: string, path: string, account: TestAccount, body?: unknown) =>
  sendAs(account, method, path, body);
const get = (path: string, account: TestAccount) => getAs(account, path);

async function practise(account: TestAccount, item: string, response: boolean) {
  const { rows } = await database.query(
    'select i.id from items i join courses c on c.id = i.course_id where c.slug = $1 and i.slug = $2',
    [COURSE, item],
  );
  const res = await send('POST', '/api/attempts', account, {
    itemId: rows[0].id,
    attemptId: randomUUID(),
    response,
    elapsedMs: 4000,
  });
  expect(res.status).toBe(200);
}

describe('classes', () => {
  it('instructor creates, learners join by code, the report and CSV show their mastery', async () => {
    const teacher = await withRole('instructor');
    const created = await send('POST', '/api/classes', teacher, { name: 'Jac 101', course: COURSE });
    expect(created.status).toBe(201);
    const klass = (await created.json()) as { id: string; joinCode: string; members: number };
    expect(klass.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(klass.members).toBe(0);

    const ada = await signUp({ displayName: 'Ada' });
    const mallory = await signUp({ displayName: '=HYPERLINK("http://evil")' });
    // Codes are typed by people: case and a dash are forgiven; joining twice is harmless.
    const typed = `${klass.joinCode.slice(0, 4).toLowerCase()}-${klass.joinCode.slice(4)}`;
    for (const learner of [ada, mallory, ada]) {
      const joined = await send('POST', '/api/classes/join', learner, { code: typed });
      expect(joined.status).toBe(200);
      expect(await joined.json()).toMatchObject({ id: klass.id, name: 'Jac 101', course: COURSE });
    }
    expect((await send('POST', '/api/classes/join', ada, { code: 'ZZZZZZZZ' })).status).toBe(404);

    // True/false has a 0.3 guess rate: three right answers make Ada Proficient.
    for (const item of ['q1', 'q2', 'q3']) await practise(ada, item, true);
    await practise(mallory, 'q1', false);

    const mine = (await (await get('/api/classes', teacher)).json()) as { teaching: { members: number }[] };
    expect(mine.teaching).toEqual([expect.objectContaining({ id: klass.id, members: 2 })]);
    const enrolled = (await (await get('/api/classes', ada)).json()) as { enrolled: { id: string }[] };
    expect(enrolled.enrolled.map((c) => c.id)).toEqual([klass.id]);

    const report = (await (await get(`/api/classes/${klass.id}/report`, teacher)).json()) as {
      concepts: { slug: string }[];
      learners: { displayName: string; answers: number; mastery: Record<string, { level: string } | null> }[];
      struggling: { concept: string }[];
    };
    expect(report.concepts.map((c) => c.slug)).toEqual(['one', 'two']);
    const adaRow = report.learners.find((l) => l.displayName === 'Ada');
    expect(adaRow).toMatchObject({ answers: 3, mastery: { two: null } });
    expect(adaRow?.mastery.one?.level).toBe('proficient');
    expect(report.struggling.map((s) => s.concept)).toEqual(['one']);

    const csv = await get(`/api/classes/${klass.id}/report.csv`, teacher);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('Jac-101-report.csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('learner,last active,answers,accuracy,one,two');
    expect(lines).toHaveLength(3);
    // A display name that looks like a formula is neutralised for spreadsheets.
    expect(lines.some((line) => line.startsWith(`"'=HYPERLINK(""http://evil"")"`))).toBe(true);
  });

  it('keeps classes and their reports to their instructor', async () => {
    const owner = await withRole('instructor');
    const other = await withRole('instructor');
    const learner = await signUp();
    const { id } = (await (await send('POST', '/api/classes', owner, { name: 'Mine', course: COURSE })).json()) as {
      id: string;
    };
    for (const intruder of [other, learner]) {
      for (const path of [`/api/classes/${id}/report`, `/api/classes/${id}/report.csv`]) {
        const res = await get(path, intruder);
        expect(res.status, path).toBe(404);
      }
    }
    const denied = await send('POST', '/api/classes', learner, { name: 'Nope', course: COURSE });
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as ErrorBodyShape).error.code).toBe('forbidden');
    expect((await send('POST', '/api/classes', owner, { name: '', course: COURSE })).status).toBe(400);
    expect((await send('POST', '/api/classes', owner, { name: 'X', course: 'no-course' })).status).toBe(404);
    expect((await get('/api/classes/not-a-uuid/report', owner)).status).toBe(400);
    const admin = await withRole('admin');
    expect((await get(`/api/classes/${id}/report`, admin)).status).toBe(200);
  });
});

describe('admin', () => {
  it('is for admins only', async () => {
    const learner = await signUp();
    const instructor = await withRole('instructor');
    for (const account of [learner, instructor]) {
      for (const path of ['/api/admin/stats', '/api/admin/activity', '/api/admin/users']) {
        expect((await get(path, account)).status, path).toBe(403);
      }
      expect((await send('PATCH', `/api/admin/users/${learner.userId}`, account, { role: 'admin' })).status).toBe(403);
    }
    expect((await api('/api/admin/stats')).status).toBe(401);
  });

  it('reports platform stats, the activity log and users', async () => {
    const admin = await withRole('admin');
    const learner = await signUp({ displayName: 'Stats Learner' });
    await practise(learner, 'q1', true);
    await send('POST', `/api/courses/${COURSE}/lessons/l1/complete`, learner);

    const stats = (await (await get('/api/admin/stats', admin)).json()) as {
      users: { total: number; admins: number };
      activeUsers: number;
      attemptsToday: { total: number };
      courses: { course: string; learnersStarted: number; lessonCompletionRate: number | null }[];
    };
    expect(stats.users.total).toBeGreaterThanOrEqual(2);
    expect(stats.users.admins).toBeGreaterThanOrEqual(1);
    expect(stats.activeUsers).toBeGreaterThanOrEqual(1);
    expect(stats.attemptsToday.total).toBeGreaterThanOrEqual(1);
    const course = stats.courses.find((c) => c.course === COURSE);
    expect(course?.learnersStarted).toBeGreaterThanOrEqual(1);
    expect(course?.lessonCompletionRate).toBeGreaterThan(0);

    const activity = (await (await get('/api/admin/activity?limit=200', admin)).json()) as {
      events: { kind: string; userId: string | null }[];
    };
    const mine = activity.events.filter((event) => event.userId === learner.userId).map((event) => event.kind);
    expect(mine).toEqual(expect.arrayContaining(['registered', 'lesson-completed']));
    const onlyRegistrations = (await (await get('/api/admin/activity?kind=registered', admin)).json()) as {
      events: { kind: string }[];
    };
    expect(onlyRegistrations.events.every((event) => event.kind === 'registered')).toBe(true);

    const found = (await (await get(`/api/admin/users?q=${encodeURIComponent('stats learner')}`, admin)).json()) as {
      total: number;
      users: { id: string; role: string }[];
    };
    expect(found.users.map((user) => user.id)).toEqual([learner.userId]);
    // LIKE wildcards in the query are searched for literally.
    expect(((await (await get('/api/admin/users?q=%25', admin)).json()) as { total: number }).total).toBe(0);
  });

  it('changes roles and disables accounts, logging both, but never on oneself', async () => {
    const admin = await withRole('admin');
    const learner = await signUp();
    const promoted = await send('PATCH', `/api/admin/users/${learner.userId}`, admin, { role: 'instructor' });
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ role: 'instructor', disabled: false });
    expect((await send('POST', '/api/classes', learner, { name: 'Now I can', course: COURSE })).status).toBe(201);

    const disabled = await send('PATCH', `/api/admin/users/${learner.userId}`, admin, { disabled: true });
    expect(await disabled.json()).toMatchObject({ disabled: true });
    expect((await get('/api/me', learner)).status).toBe(401);

    const { rows } = await database.query(
      'select kind, actor_id from activity_log where user_id = $1 and actor_id is not null order by id',
      [learner.userId],
    );
    expect(rows).toEqual([
      { kind: 'role-changed', actor_id: admin.userId },
      { kind: 'account-disabled', actor_id: admin.userId },
    ]);

    expect((await send('PATCH', `/api/admin/users/${admin.userId}`, admin, { role: 'learner' })).status).toBe(409);
    expect((await send('PATCH', `/api/admin/users/${randomUUID()}`, admin, { role: 'learner' })).status).toBe(404);
    expect((await send('PATCH', `/api/admin/users/${learner.userId}`, admin, {})).status).toBe(400);
    expect((await send('PATCH', `/api/admin/users/${learner.userId}`, admin, { role: 'root' })).status).toBe(400);
  });
});

describe('one learner never reaches another learner’s data', () => {
  it('scopes every learning endpoint to the signed-in learner', async () => {
    const alice = await signUp();
    const bob = await signUp();
    await practise(alice, 'q1', true);
    await send('POST', '/api/learning-sessions', alice, { course: COURSE });
    // Bob sees only his own (empty) state wherever he looks.
    const none = await get('/api/learning-sessions/current', bob);
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ session: null });
    expect((await send('POST', '/api/learning-sessions/current/end', bob)).status).toBe(404);
    const skills = (await (await get(`/api/courses/${COURSE}/skills`, bob)).json()) as {
      concepts: { answers: number }[];
    };
    expect(skills.concepts.every((concept) => concept.answers === 0)).toBe(true);
    const calibration = (await (await get('/api/progress/calibration', bob)).json()) as { answers: number };
    expect(calibration.answers).toBe(0);
    const reviews = (await (await get('/api/reviews', bob)).json()) as { counts: { dueToday: number } };
    expect(reviews.counts.dueToday).toBe(0);
    // Alice's attempt id cannot be replayed by Bob to read her result: ids are per learner.
    const { rows } = await database.query('select client_attempt_id, item_id from attempts where user_id = $1', [
      alice.userId,
    ]);
    const replay = await send('POST', '/api/attempts', bob, {
      itemId: rows[0].item_id,
      attemptId: rows[0].client_attempt_id,
      response: false,
      elapsedMs: 1000,
    });
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { replayed: boolean; correct: boolean }).replayed).toBe(false);
  });
});
