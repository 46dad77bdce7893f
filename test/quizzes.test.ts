/**
 * Quizzes planned by the quiz master, through the real Worker against real Postgres: the
 * kind's difficulty mix, answering through the attempts route with the quiz id, one
 * answer per question, completion, and the perfect-quiz bonus and achievement.
 */
import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedPack } from '../ops/content/seed.ts';
import { CourseSchema, ItemSchema, LessonSchema } from '../worker/curriculum/pack-schema.ts';
import * as schema from '../worker/db/schema/index.ts';
import { getAs, sendAs, signUp, type TestAccount } from './support/accounts.ts';
import { useTestDatabase } from './support/db.ts';
import type { ErrorBodyShape } from './support/http.ts';

const database = useTestDatabase();
const COURSE = 'quiz-test';

function item(id: string, concept: string, difficulty: 'easy' | 'medium' | 'hard') {
  return ItemSchema.parse({
    id,
    concept,
    difficulty,
    type: 'short-answer',
    accepted: ['yes'],
    prompt: `Prompt of ${id}`,
    explanation: `Because ${id}.`,
  });
}

beforeAll(async () => {
  await seedPack(drizzle({ client: database.client(), schema }), {
    course: CourseSchema.parse({
      slug: COURSE,
      title: 'Quiz Test Course',
      summary: 'One concept to quiz on, one locked behind it.',
      language: 'jac',
      languageVersion: '0.8',
      concepts: [
        { id: 'basics', title: 'Basics', summary: 'The first concept.' },
        { id: 'later', title: 'Later', summary: 'Needs basics.', prerequisites: ['basics'] },
      ],
    }),
    lessons: [
      LessonSchema.parse({ id: 'intro', concept: 'basics', title: 'Intro', minutes: 5, body: 'Read me.' }),
      LessonSchema.parse({ id: 'after', concept: 'later', title: 'After', minutes: 5, body: 'Then me.' }),
    ],
    items: [
      ...['e1', 'e2', 'e3', 'e4'].map((id) => item(id, 'basics', 'easy')),
      ...['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((id) => item(id, 'basics', 'medium')),
      ...['h1', 'h2', 'h3', 'h4'].map((id) => item(id, 'basics', 'hard')),
      ...['l1', 'l2', 'l3'].map((id) => item(id, 'later', 'medium')),
    ],
  });
});

interface QuizBody {
  id: string;
  kind: string;
  total: number;
  answered: number;
  correct: number;
  completedAt: string | null;
  perfect: boolean;
  target: number;
  items: { item: { id: string; slug: string; difficulty: string; concept: string }; answered?: boolean }[];
}

interface AttemptBody {
  correct: boolean;
  xp: { gained: number; total: number };
  achievements: { id: string }[];
  quiz?: {
    answered: number;
    total: number;
    correct: number;
    completedAt: string | null;
    perfect: boolean;
    bonusXp: number;
  };
}

async function startQuiz(learner: TestAccount, body: Record<string, unknown>) {
  const res = await sendAs(learner, 'POST', '/api/quizzes', { course: COURSE, ...body });
  return { res, body: (await res.json()) as QuizBody & ErrorBodyShape };
}

async function answer(learner: TestAccount, quizId: string | undefined, itemId: string, response: string) {
  const res = await sendAs(learner, 'POST', '/api/attempts', {
    itemId,
    attemptId: randomUUID(),
    response,
    elapsedMs: 9000,
    ...(quizId ? { quizId } : {}),
  });
  return { res, body: (await res.json()) as AttemptBody & ErrorBodyShape };
}

const difficulties = (quiz: QuizBody) => quiz.items.map((entry) => entry.item.difficulty);

describe('planning a quiz', () => {
  it('follows each kind’s easy/medium/hard mix, easy first, aimed at its target', async () => {
    const learner = await signUp();
    const formative = (await startQuiz(learner, { kind: 'formative', length: 10 })).body;
    expect(formative).toMatchObject({ kind: 'formative', total: 10, answered: 0, target: 0.75, completedAt: null });
    expect(difficulties(formative)).toEqual([
      ...Array(3).fill('easy'),
      ...Array(5).fill('medium'),
      ...Array(2).fill('hard'),
    ]);
    const diagnostic = (await startQuiz(learner, { kind: 'diagnostic', concept: 'basics', length: 10 })).body;
    expect(diagnostic.target).toBe(0.5);
    expect(difficulties(diagnostic)).toEqual([
      ...Array(4).fill('easy'),
      ...Array(4).fill('medium'),
      ...Array(2).fill('hard'),
    ]);
    const summative = (await startQuiz(learner, { kind: 'summative', length: 10 })).body;
    expect(difficulties(summative)).toEqual([
      ...Array(2).fill('easy'),
      ...Array(4).fill('medium'),
      ...Array(4).fill('hard'),
    ]);
    expect(new Set(summative.items.map((entry) => entry.item.id)).size).toBe(10);
    expect(JSON.stringify(summative)).not.toContain('accepted');
  });

  it('refuses a locked concept, an unknown kind or course, and the signed-out', async () => {
    const learner = await signUp();
    const locked = await startQuiz(learner, { kind: 'formative', concept: 'later' });
    expect(locked.res.status).toBe(409);
    expect(locked.body.error.code).toBe('conflict');
    expect((await startQuiz(learner, { kind: 'final-exam' })).res.status).toBe(400);
    expect((await startQuiz(learner, { kind: 'formative', length: 50 })).res.status).toBe(400);
    expect(
      (await sendAs(learner, 'POST', '/api/quizzes', { course: 'no-such-course', kind: 'formative' })).status,
    ).toBe(404);
  });
});

describe('answering a quiz', () => {
  it('counts each question once, completes on the last answer, and pays the perfect bonus once', async () => {
    const learner = await signUp();
    const quiz = (await startQuiz(learner, { kind: 'formative', concept: 'basics', length: 4 })).body;
    expect(quiz.total).toBe(4);
    const [first, ...rest] = quiz.items;
    if (!first) throw new Error('the quiz has no questions');

    const answered = await answer(learner, quiz.id, first.item.id, 'yes');
    expect(answered.res.status).toBe(200);
    expect(answered.body.quiz).toMatchObject({ answered: 1, total: 4, correct: 1, completedAt: null, perfect: false });
    const again = await answer(learner, quiz.id, first.item.id, 'yes');
    expect(again.res.status).toBe(409);
    const { rows: notIn } = await database.query(
      `select i.id from items i join courses c on c.id = i.course_id join concepts k on k.id = i.concept_id
        where c.slug = $1 and k.slug = 'basics' and not (i.id = any($2::uuid[])) limit 1`,
      [COURSE, quiz.items.map((entry) => entry.item.id)],
    );
    expect((await answer(learner, quiz.id, notIn[0].id as string, 'yes')).res.status).toBe(400);
    const stranger = await signUp();
    expect((await answer(stranger, quiz.id, rest[0]?.item.id ?? '', 'yes')).res.status).toBe(404);

    let last: AttemptBody | undefined;
    for (const entry of rest) last = (await answer(learner, quiz.id, entry.item.id, 'yes')).body;
    expect(last?.quiz).toMatchObject({ answered: 4, correct: 4, perfect: true, bonusXp: 100 });
    expect(last?.quiz?.completedAt).not.toBeNull();
    expect(last?.achievements.map((achievement) => achievement.id)).toContain('perfect-score');
    const { rows: bonus } = await database.query(
      `select amount from xp_events where user_id = $1 and reason = 'perfect-quiz'`,
      [learner.userId],
    );
    expect(bonus).toEqual([{ amount: 100 }]);

    const done = await answer(learner, quiz.id, first.item.id, 'yes');
    expect(done.res.status).toBe(409);
    const view = (await (await getAs(learner, `/api/quizzes/${quiz.id}`)).json()) as QuizBody;
    expect(view).toMatchObject({ answered: 4, correct: 4, perfect: true, concept: 'basics' });
    expect(view.items.every((entry) => entry.answered)).toBe(true);
    expect((await getAs(stranger, `/api/quizzes/${quiz.id}`)).status).toBe(404);
  });

  it('completes a quiz with a miss without the bonus', async () => {
    const learner = await signUp();
    const quiz = (await startQuiz(learner, { kind: 'diagnostic', length: 3 })).body;
    const results: AttemptBody[] = [];
    for (const [index, entry] of quiz.items.entries()) {
      results.push((await answer(learner, quiz.id, entry.item.id, index === 0 ? 'no' : 'yes')).body);
    }
    expect(results.at(-1)?.quiz).toMatchObject({ answered: 3, correct: 2, perfect: false, bonusXp: 0 });
    const { rows } = await database.query(
      `select count(*)::int as n from xp_events where user_id = $1 and reason = 'perfect-quiz'`,
      [learner.userId],
    );
    expect(rows[0].n).toBe(0);
  });
});
