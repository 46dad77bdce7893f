/**
 * Code exercises through the real Worker: the learner's code runs against the hidden tests
 * in QuickJS inside workerd (the Worker's bundle carries QuickJS as a CompiledWasm module),
 * is graded Exercism-style, stored with the attempt and replayed; the sandbox's limits
 * (instruction budget, memory, stack, output, code size) hold through HTTP; the next item
 * serves code exercises; Problem Solver counts the exercises solved.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { seedPack } from '../ops/content/seed.ts';
import { CourseSchema, ItemSchema } from '../worker/curriculum/pack-schema.ts';
import * as schema from '../worker/db/schema/index.ts';
import { getAs, sendAs, signUp, type TestAccount } from './support/accounts.ts';
import { useTestDatabase } from './support/db.ts';
import type { ErrorBodyShape } from './support/http.ts';

const database = useTestDatabase();
const COURSE = 'js-graphs';
const CONCEPT = 'adjacency-lists';
/** Ten one-line exercises of its own, for Problem Solver. */
const SOLVER_COURSE = 'code-exercise-test';

interface Key {
  tests: string;
  solution: string;
  wrongSolutions: { why: string; code: string }[];
}

interface ServedItem {
  id: string;
  slug: string;
  type: string;
  content: Record<string, unknown>;
}

interface Evaluation {
  status: 'pass' | 'fail' | 'error';
  message?: string;
  limit?: 'time' | 'memory' | 'stack';
  tests: { name: string; status: 'pass' | 'fail' | 'error'; message?: string; output?: string }[];
}

interface AttemptBody {
  correct: boolean;
  replayed: boolean;
  feedback: string[];
  evaluation?: Evaluation;
  answer: unknown;
  achievements: { id: string }[];
}

beforeAll(async () => {
  const exercise = (n: number) =>
    ItemSchema.parse({
      id: `value-${n}`,
      concept: 'values',
      type: 'code-exercise',
      difficulty: 'easy',
      prompt: `Export value() returning ${n}.`,
      explanation: 'Return the number.',
      language: 'javascript',
      starter: 'export function value() {}',
      tests: `test('returns ${n}', () => { expect(value()).toBe(${n}); });`,
      solution: `export function value() { return ${n}; }`,
      wrongSolutions: [{ why: 'returns nothing', code: 'export function value() {}' }],
    });
  await seedPack(drizzle({ client: database.client(), schema }), {
    course: CourseSchema.parse({
      slug: SOLVER_COURSE,
      title: 'Code Exercise Test Course',
      summary: 'Ten tiny code exercises.',
      language: 'javascript',
      languageVersion: 'ES2022',
      concepts: [{ id: 'values', title: 'Values', summary: 'Returning a value.' }],
    }),
    lessons: [],
    items: Array.from({ length: 10 }, (_, index) => exercise(index + 1)),
  });
});

async function keyOf(itemId: string): Promise<{ type: string; answer: Record<string, unknown> }> {
  const { rows } = await database.query('select type, answer from items where id = $1', [itemId]);
  return rows[0] as { type: string; answer: Record<string, unknown> };
}

async function exerciseKey(itemId: string): Promise<Key> {
  return (await keyOf(itemId)).answer as unknown as Key;
}

/** The right answer to a fixed-answer item, from its key, to move through the concept. */
function rightAnswer(type: string, key: Record<string, unknown>): unknown {
  const first = (values: unknown) => (values as string[])[0];
  switch (type) {
    case 'multiple-choice':
      return first(key.correct);
    case 'multi-select':
      return key.correct;
    case 'true-false':
      return key.value;
    case 'short-answer':
      return first(key.accepted);
    case 'fill-blanks':
      return Object.fromEntries(Object.entries(key.blanks as Record<string, string[]>).map(([id, a]) => [id, a[0]]));
    case 'predict-output':
      return key.output;
    default:
      return key.order;
  }
}

async function submit(account: TestAccount, itemId: string, response: unknown, attemptId = randomUUID()) {
  const started = Date.now();
  const res = await sendAs(account, 'POST', '/api/attempts', { itemId, attemptId, response, elapsedMs: 60_000 });
  const body = (await res.json()) as AttemptBody & ErrorBodyShape;
  return { res, body, ms: Date.now() - started };
}

/** Answers the concept's items rightly until the next item is a code exercise. */
async function nextCodeExercise(account: TestAccount): Promise<ServedItem> {
  for (let round = 0; round < 20; round++) {
    const res = await getAs(account, `/api/courses/${COURSE}/next-item?concept=${CONCEPT}`);
    expect(res.status).toBe(200);
    const { item } = (await res.json()) as { item: ServedItem };
    if (item.type === 'code-exercise') return item;
    const { type, answer } = await keyOf(item.id);
    const { res: answered } = await submit(account, item.id, rightAnswer(type, answer));
    expect(answered.status).toBe(200);
  }
  throw new Error(`no code exercise was served in ${CONCEPT}`);
}

async function attemptCount(userId: string): Promise<number> {
  const { rows } = await database.query('select count(*)::int as n from attempts where user_id = $1', [userId]);
  return rows[0].n as number;
}

/** The exported function's name, from the starter: `export function fromEdges(`. */
function exportedName(starter: unknown): string {
  const name = /export function (\w+)\s*\(/.exec(String(starter))?.[1];
  if (!name) throw new Error(`no exported function in the starter: ${String(starter)}`);
  return name;
}

describe('code exercises, graded in workerd', () => {
  let learner: TestAccount;
  let item: ServedItem;
  let key: Key;

  beforeAll(async () => {
    learner = await signUp();
    const session = await sendAs(learner, 'POST', '/api/learning-sessions', { course: COURSE, concept: CONCEPT });
    expect(session.status).toBe(201);
    item = await nextCodeExercise(learner);
    key = await exerciseKey(item.id);
  }, 60_000);

  it('the bundle the Worker runs carries QuickJS as a WebAssembly module of its own', () => {
    const files = readdirSync(dirname(inject('stack').bundlePath));
    expect(files.filter((file) => file.endsWith('.wasm'))).toHaveLength(1);
  });

  it('security: the next item serves a code exercise without its tests or solutions', () => {
    expect(item.content).toEqual({ language: 'javascript', starter: expect.any(String) });
    const text = JSON.stringify(item);
    expect(text).not.toContain(key.tests.slice(0, 40));
    expect(text).not.toContain('solution');
  });

  it('happy: the reference solution passes every hidden test, and the result replays', async () => {
    const attemptId = randomUUID();
    const { res, body } = await submit(learner, item.id, { code: key.solution }, attemptId);
    expect(res.status).toBe(200);
    const tests = key.tests.match(/^test\(/gm)?.length ?? 0;
    expect(tests).toBeGreaterThan(1);
    expect(body).toMatchObject({ correct: true, feedback: [`All ${tests} tests passed.`] });
    expect(body.evaluation?.status).toBe('pass');
    expect(body.evaluation?.tests).toHaveLength(tests);
    expect(body.evaluation?.tests.every((test) => test.status === 'pass' && test.message === undefined)).toBe(true);
    // After the attempt the reference solution is shown; the tests and wrong solutions never are.
    expect(body.answer).toEqual({ solution: key.solution });
    const text = JSON.stringify(body);
    expect(text).not.toContain(key.tests.slice(0, 40));
    for (const wrong of key.wrongSolutions) expect(text).not.toContain(wrong.why);

    const { rows } = await database.query(
      'select response, correct, result from attempts where client_attempt_id = $1',
      [attemptId],
    );
    expect(rows[0]).toMatchObject({ response: { code: key.solution }, correct: true });
    expect(rows[0].result.evaluation).toEqual(body.evaluation);
    const again = await submit(learner, item.id, { code: 'while (true) {}' }, attemptId);
    expect(again.body).toEqual({ ...body, replayed: true });
  });

  it('error: a wrong solution fails, and the feedback names the failing test and why', async () => {
    const { res, body } = await submit(learner, item.id, { code: key.wrongSolutions[0]?.code });
    expect(res.status).toBe(200);
    expect(body.correct).toBe(false);
    expect(body.evaluation?.status).toBe('fail');
    const failed = body.evaluation?.tests.find((test) => test.status !== 'pass');
    expect(failed?.message).toBeTruthy();
    expect(body.feedback).toContain(`Test "${failed?.name}" failed: ${failed?.message}`);
  });

  it('error: an endless loop is stopped by the instruction budget, and the request answers promptly', async () => {
    const { res, body, ms } = await submit(learner, item.id, { code: 'while (true) {}' });
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      correct: false,
      evaluation: { status: 'error', limit: 'time', tests: [] },
      feedback: ['Stopped: the code ran past its instruction budget — is there a loop that never ends?'],
    });
    expect(body.evaluation?.message).toMatch(/instruction budget/);
    expect(ms).toBeLessThan(10_000);
  });

  it('error: memory bombs and endless recursion are stopped, and the next run is unharmed', async () => {
    const name = exportedName(item.content.starter);
    const bombs: [string, string][] = [
      ['memory', `export function ${name}() { const all = []; for (;;) all.push(new Array(1000).fill(all.length)); }`],
      ['memory', `let s = 'ab'; const all = []; for (;;) all.push(s + all.length);`],
      ['stack', `export function ${name}(x) { return ${name}(x) + 1; }`],
    ];
    for (const [limit, code] of bombs) {
      const { res, body, ms } = await submit(learner, item.id, { code });
      expect(res.status, code).toBe(200);
      expect(body.evaluation, code).toMatchObject({ status: 'error', limit });
      expect(body.feedback[0], code).toMatch(/^Stopped: /);
      expect(ms, code).toBeLessThan(10_000);
    }
    const { body } = await submit(learner, item.id, { code: key.solution });
    expect(body.evaluation?.status).toBe('pass');
  });

  it('a flood of console output is cut to 10 KB, and each test keeps what it logged', async () => {
    const name = exportedName(item.content.starter);
    const noisy = `${key.solution.replace(`export function ${name}(`, `function reference(`)}
export function ${name}(...args) {
  for (let i = 0; i < 5000; i += 1) console.log('noise', i, 'x'.repeat(100));
  return reference(...args);
}`;
    const { res, body } = await submit(learner, item.id, { code: noisy });
    expect(res.status).toBe(200);
    expect(body.evaluation?.status).toBe('pass');
    const outputs = body.evaluation?.tests.map((test) => test.output ?? '') ?? [];
    expect(outputs[0]).toMatch(/^noise 0 x+/);
    expect(outputs.join('\n').length).toBeLessThan(11 * 1024);
    expect(outputs.join('\n')).toMatch(/cut/);
  });

  it('error: code over 100 KB, or not { code }, is a 400 with the standard body, and nothing is stored', async () => {
    const before = await attemptCount(learner.userId);
    const oversized = `// ${'x'.repeat(100 * 1024)}\n${key.solution}`;
    const cases: [unknown, string][] = [
      [{ code: oversized }, 'response.code'],
      [{ code: 42 }, 'response.code'],
      [key.solution, 'response'],
    ];
    for (const [response, path] of cases) {
      const { res, body } = await submit(learner, item.id, response);
      expect(res.status, path).toBe(400);
      expect(body.error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path })] });
    }
    const { body } = await submit(learner, item.id, { code: oversized });
    expect((body.error.details as { message: string }[])[0]?.message).toBe('Code is limited to 100 KB.');
    expect(await attemptCount(learner.userId)).toBe(before);
  });
});

describe('Problem Solver', () => {
  it('unlocks with the tenth distinct code exercise solved, on that very attempt', async () => {
    const learner = await signUp();
    const { rows } = await database.query(
      `select i.id, i.slug, i.answer from items i join courses c on c.id = i.course_id where c.slug = $1 order by i.slug`,
      [SOLVER_COURSE],
    );
    expect(rows).toHaveLength(10);
    const solve = async (row: { id: string; answer: Key }) =>
      (await submit(learner, row.id, { code: row.answer.solution })).body;
    for (const row of rows.slice(0, 9)) {
      const body = await solve(row);
      expect(body.correct).toBe(true);
      expect(body.achievements.map((a) => a.id)).not.toContain('problem-solver');
    }
    // Solving one again, or failing the tenth, does not count.
    expect((await solve(rows[0])).achievements.map((a) => a.id)).not.toContain('problem-solver');
    const failed = (await submit(learner, rows[9].id, { code: 'export function value() {}' })).body;
    expect(failed).toMatchObject({ correct: false, evaluation: { status: 'fail' } });
    expect(failed.achievements.map((a) => a.id)).not.toContain('problem-solver');

    const tenth = await solve(rows[9]);
    expect(tenth.correct).toBe(true);
    expect(tenth.achievements.map((a) => a.id)).toContain('problem-solver');
    const progress = await getAs(learner, '/api/me/achievements');
    expect(progress.status).toBe(200);
    const list = (await progress.json()) as { achievements: { id: string; unlocked: boolean; current: number }[] };
    expect(list.achievements.find((a) => a.id === 'problem-solver')).toMatchObject({ unlocked: true, current: 10 });
  });
});
