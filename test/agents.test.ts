/**
 * The tutor team end to end: a learner drives a session over HTTP and their live channel
 * (WebSocket) against real Postgres and Redis — chat with the team, an item that survives
 * a refresh, struggling (an easier item and a worked example), mastery, the concept-unlocked
 * push, the session ended by the object's alarm when it goes idle — and the LearnerAgent
 * restarted between two messages without losing anything. This suite runs its own workerd
 * (with Durable Object storage on disk) so it can restart it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_MESSAGE_BYTES } from '../durable/protocol.ts';
import { seedPack } from '../ops/content/seed.ts';
import { startWorkerRuntime, type WorkerRuntime } from '../ops/stack/worker-runtime.ts';
import { CourseSchema, ItemSchema, LessonSchema } from '../worker/curriculum/pack-schema.ts';
import * as schema from '../worker/db/schema/index.ts';
import { GOOD_PASSWORD } from './support/accounts.ts';
import { useTestDatabase } from './support/db.ts';
import { callAt, freshClientIp, jsonOf, type ErrorBodyShape } from './support/http.ts';
import { openProbe, type SocketProbe } from './support/socket.ts';

const database = useTestDatabase();
const COURSE = 'agents-test';
let persistDir: string;
let worker: WorkerRuntime;

const NODES_LESSON = [
  'A node is a place in the graph that holds data. You declare one with the `node` keyword and give it',
  'fields with `has`, just like an object.',
  '',
  'Nodes become useful once they are connected: edges link one node to another, and the root node is',
  'where every graph a program builds starts.',
].join('\n');

const WALKERS_LESSON = [
  'A walker is an object that moves through the graph. You spawn a walker on a node and it travels along',
  'edges with `visit`, running its abilities on every node it arrives at.',
  '',
  'Walkers carry state with them, so they can collect results as they walk: counting nodes, summing',
  'values or finding a path.',
].join('\n');

function item(id: string, concept: string, difficulty: 'easy' | 'medium' | 'hard') {
  return ItemSchema.parse({
    id,
    concept,
    difficulty,
    type: 'short-answer',
    accepted: ['yes'],
    prompt: `Prompt of ${id}`,
    explanation: `The answer to ${id} is yes, because that is how ${concept} work.`,
    hints: [`First hint for ${id}.`, `Second hint for ${id}.`],
  });
}

async function start(): Promise<void> {
  const stack = inject('stack');
  worker = await startWorkerRuntime({ bundlePath: stack.bundlePath, bindings: stack.workerBindings, persistDir });
}

async function restart(): Promise<void> {
  await worker.close();
  await start();
}

beforeAll(async () => {
  persistDir = await mkdtemp(join(tmpdir(), 'jeseci-agents-'));
  await seedPack(drizzle({ client: database.client(), schema }), {
    course: CourseSchema.parse({
      slug: COURSE,
      title: 'Agents Test Course',
      summary: 'Nodes, then walkers.',
      language: 'jac',
      languageVersion: '0.8',
      concepts: [
        { id: 'nodes', title: 'Nodes', summary: 'Places in the graph.' },
        { id: 'walkers', title: 'Walkers', summary: 'Objects that move.', prerequisites: ['nodes'] },
      ],
    }),
    lessons: [
      LessonSchema.parse({
        id: 'nodes-intro',
        concept: 'nodes',
        title: 'Nodes hold data',
        minutes: 5,
        body: NODES_LESSON,
      }),
      LessonSchema.parse({
        id: 'walkers-intro',
        concept: 'walkers',
        title: 'Walkers move',
        minutes: 5,
        body: WALKERS_LESSON,
      }),
    ],
    items: [
      ...['n-easy-1', 'n-easy-2', 'n-easy-3'].map((id) => item(id, 'nodes', 'easy')),
      ...['n-medium-1', 'n-medium-2', 'n-medium-3', 'n-medium-4'].map((id) => item(id, 'nodes', 'medium')),
      ...['n-hard-1', 'n-hard-2'].map((id) => item(id, 'nodes', 'hard')),
      ...['w-1', 'w-2', 'w-3'].map((id) => item(id, 'walkers', 'medium')),
    ],
  });
  await start();
});

afterAll(async () => {
  await worker?.close();
  await rm(persistDir, { recursive: true, force: true });
});

interface Learner {
  email: string;
  token: string;
  userId: string;
  ip: string;
}

const call = (learner: Learner | null, method: string, path: string, body?: unknown) =>
  callAt(worker.url, learner?.token ?? null, method, path, body);
const json = jsonOf;

async function signUp(): Promise<Learner> {
  const ip = freshClientIp();
  const email = `agents-${randomUUID()}@example.test`;
  const res = await fetch(new URL('/api/auth/register', worker.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
    body: JSON.stringify({
      email,
      password: GOOD_PASSWORD,
      displayName: 'Ada',
      timeZone: 'Europe/Paris',
    }),
  });
  const body = await json<{ token: string; user: { id: string } }>(res, 201);
  return { email, token: body.token, userId: body.user.id, ip };
}

async function channel(learner: Learner): Promise<SocketProbe> {
  const socket = await openProbe(worker.url, '/api/agents/ws', {
    authorization: `Bearer ${learner.token}`,
    'cf-connecting-ip': learner.ip,
  });
  await socket.next('welcome');
  return socket;
}

interface Reply {
  agent: string;
  text: string;
  links: { kind: string; slug?: string; title: string }[];
  action?: Record<string, unknown>;
}

interface NextItem {
  item: { id: string; slug: string; concept: string; difficulty: string };
  predicted: number;
  resumed?: boolean;
  adapted?: { reason: string; workedExample: Reply };
}

async function answer(learner: Learner, itemId: string, response: string) {
  return json<{ correct: boolean; unlockedConcepts: string[]; mastery: { levelAfter: string } }>(
    await call(learner, 'POST', '/api/attempts', { itemId, attemptId: randomUUID(), response, elapsedMs: 8000 }),
  );
}

describe('chat with the tutor team', () => {
  it('routes plain questions to the right agent, over HTTP and the live channel', async () => {
    const learner = await signUp();
    const explained = await json<{ intent: string; reply: Reply }>(
      await call(learner, 'POST', '/api/agents/chat', { text: 'explain walkers', course: COURSE }),
    );
    expect(explained.intent).toBe('explain');
    expect(explained.reply.agent).toBe('content-curator');
    expect(explained.reply.text).toMatch(/walker/i);
    expect(explained.reply.links).toContainEqual(expect.objectContaining({ kind: 'lesson', slug: 'walkers-intro' }));

    const socket = await channel(learner);
    socket.send(JSON.stringify({ type: 'chat', id: 'c1', text: 'how am I doing?' }));
    expect(await socket.next('agent-status')).toEqual({ type: 'agent-status', id: 'c1', state: 'thinking' });
    const progress = await socket.next<{ id: string; intent: string; reply: Reply }>('chat-reply', 10_000);
    expect(progress).toMatchObject({ id: 'c1', intent: 'progress', reply: { agent: 'progress-tracker' } });
    expect(await socket.next('agent-status')).toMatchObject({ id: 'c1', state: 'idle' });

    socket.send(JSON.stringify({ type: 'chat', id: 'c2', text: 'what should I do next?' }));
    const next = await socket.next<{ reply: Reply }>('chat-reply', 10_000);
    expect(next.reply.agent).toBe('orchestrator');
    expect(next.reply.text).toMatch(/Nodes/);
    socket.close();

    const status = await json<{ memoryTurns: number; agents: { agent: string; calls: number }[] }>(
      await call(learner, 'GET', '/api/agents/me'),
    );
    expect(status.memoryTurns).toBe(6);
    expect(status.agents.find((row) => row.agent === 'orchestrator')?.calls).toBe(3);
    expect(status.agents.find((row) => row.agent === 'content-curator')?.calls).toBe(1);

    // A new tab or device reads the conversation back: both channels' turns, answers as shown.
    const { turns } = await json<{ turns: ({ role: 'learner'; text: string } | { role: 'agent'; reply: Reply })[] }>(
      await call(learner, 'GET', '/api/agents/chat/history'),
    );
    expect(turns.map((turn) => (turn.role === 'learner' ? turn.text : turn.reply.agent))).toEqual([
      'explain walkers',
      'content-curator',
      'how am I doing?',
      'progress-tracker',
      'what should I do next?',
      'orchestrator',
    ]);
    expect(turns[1]).toMatchObject({ role: 'agent', reply: explained.reply });
    expect(turns[5]).toMatchObject({ role: 'agent', reply: next.reply });
    expect((await call(null, 'GET', '/api/agents/chat/history')).status).toBe(401);
  });

  it('refuses bad chat input with the standard error body, and the signed-out', async () => {
    const learner = await signUp();
    const empty = await call(learner, 'POST', '/api/agents/chat', { text: '   ' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    expect((await call(learner, 'POST', '/api/agents/chat', { text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await call(null, 'POST', '/api/agents/chat', { text: 'hi' })).status).toBe(401);
    expect((await call(learner, 'GET', '/api/agents/ws')).status).toBe(400);
  });

  it('answers malformed, oversized and flooding messages with errors and keeps the channel open', async () => {
    const learner = await signUp();
    const socket = await channel(learner);
    socket.send('{"type":');
    expect(await socket.next('error')).toMatchObject({ code: 'bad_message' });
    socket.send(JSON.stringify({ type: 'chat', id: 'big', text: 'x'.repeat(MAX_MESSAGE_BYTES) }));
    expect(await socket.next('error')).toMatchObject({ code: 'too_large' });
    for (let i = 0; i < 12; i++) socket.send(JSON.stringify({ type: 'ping', id: `p${i}` }));
    expect(await socket.next('error')).toMatchObject({ code: 'rate_limited' });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    socket.send(JSON.stringify({ type: 'ping', id: 'after' }));
    const pongs: { id?: string }[] = [];
    for (;;) {
      const pong = await socket.next<{ type: string; id?: string }>('pong');
      pongs.push(pong);
      if (pong.id === 'after') break;
    }
    expect(pongs.length).toBeGreaterThanOrEqual(2);
    socket.close();
  });
});

describe('the orchestrator’s next step, read on its own', () => {
  it('names the step, its reason and its link, for a given course or the default one', async () => {
    const learner = await signUp();
    const first = await json<{
      course: string;
      step: { kind: string; reason: string; concept?: { slug: string } };
      reply: Reply;
    }>(await call(learner, 'GET', `/api/agents/next-step?course=${COURSE}`));
    expect(first.course).toBe(COURSE);
    // A newcomer starts with the first concept's lesson; the reply links to it.
    expect(first.step.kind).toBe('lesson');
    expect(first.step.concept?.slug).toBe('nodes');
    expect(first.step.reason.length).toBeGreaterThan(10);
    expect(first.reply.agent).toBe('orchestrator');
    expect(first.reply.links).toContainEqual(expect.objectContaining({ kind: 'lesson', slug: 'nodes-intro' }));

    const unknown = await call(learner, 'GET', '/api/agents/next-step?course=no-such-course');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBodyShape).error.code).toBe('not_found');
    expect((await call(null, 'GET', '/api/agents/next-step')).status).toBe(401);
  });
});

describe('the live channel’s door', () => {
  it('opens only for pages of our own origin when the session cookie is what signs in', async () => {
    const learner = await signUp();
    const login = await fetch(new URL('/api/auth/login', worker.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': freshClientIp() },
      body: JSON.stringify({ email: learner.email, password: GOOD_PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .find((value) => value.startsWith('__Host-jeseci_session='))
      ?.split(';')[0];
    expect(cookie).toBeDefined();
    const url = new URL('/api/agents/ws', worker.url);
    url.protocol = 'ws:';
    const attempt = (origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url, {
          headers: { cookie: cookie ?? '', origin, 'cf-connecting-ip': freshClientIp() },
        });
        ws.once('open', () => (ws.close(), resolve(101)));
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      });
    expect(await attempt('https://evil.example')).toBe(403);
    expect(await attempt('http://localhost:5173')).toBe(101);
  });
});

describe('a learning session with the team', () => {
  it('resumes the item in flight, adapts to struggle, and pushes the concept it unlocks', async () => {
    const learner = await signUp();
    const socket = await channel(learner);
    await json(await call(learner, 'POST', '/api/learning-sessions', { course: COURSE }), 201);

    const first = await json<NextItem>(await call(learner, 'GET', `/api/courses/${COURSE}/next-item`));
    expect(first.item.concept).toBe('nodes');
    // A refresh gets the same item back instead of a new draw.
    const again = await json<NextItem>(await call(learner, 'GET', `/api/courses/${COURSE}/next-item`));
    expect(again).toMatchObject({ item: { id: first.item.id }, resumed: true });

    // Three misses in a row: the quiz master steps down and shows a worked example.
    let current = first;
    const missed: string[] = [];
    for (let i = 0; i < 3; i++) {
      missed.push(current.item.difficulty);
      expect((await answer(learner, current.item.id, 'no')).correct).toBe(false);
      current = await json<NextItem>(await call(learner, 'GET', `/api/courses/${COURSE}/next-item`));
    }
    let worked = await socket.next<{ event: { kind: string; concept: string }; reply: Reply }>('push', 10_000);
    // An achievement may come first (Night Owl, when the suite runs after 22:00 in the learner's zone).
    while (worked.event.kind === 'achievement-unlocked') worked = await socket.next('push', 10_000);
    expect(worked.event).toMatchObject({ kind: 'worked-example', concept: 'nodes' });
    expect(worked.reply.agent).toBe('quiz-master');
    expect(worked.reply.links).toContainEqual(expect.objectContaining({ kind: 'lesson', slug: 'nodes-intro' }));
    expect(current.item.difficulty).toBe('easy');
    expect(current.adapted?.workedExample.agent).toBe('quiz-master');

    // "Why is my answer wrong?" is answered from the evaluator's feedback on that answer.
    const why = await json<{ intent: string; reply: Reply }>(
      await call(learner, 'POST', '/api/agents/chat', { text: 'why is my answer wrong?', course: COURSE }),
    );
    expect(why).toMatchObject({ intent: 'why-wrong', reply: { agent: 'evaluator' } });
    expect(why.reply.text).toMatch(/yes/);

    // Right answers until Proficient: walkers unlock, and the channel says so.
    let unlocked: string[] = [];
    for (let i = 0; i < 12 && !unlocked.length; i++) {
      unlocked = (await answer(learner, current.item.id, 'yes')).unlockedConcepts;
      current = await json<NextItem>(await call(learner, 'GET', `/api/courses/${COURSE}/next-item`));
    }
    expect(unlocked).toEqual(['walkers']);
    for (;;) {
      const push = await socket.next<{ event: { kind: string; concept?: string }; reply?: Reply }>('push', 10_000);
      if (push.event.kind !== 'concept-unlocked') continue;
      expect(push.event.concept).toBe('walkers');
      expect(push.reply?.agent).toBe('motivator');
      break;
    }

    const ended = await json<{ summary: { answers: number } }>(
      await call(learner, 'POST', '/api/learning-sessions/current/end'),
    );
    expect(ended.summary.answers).toBeGreaterThanOrEqual(5);
    const status = await json<{ nudges: { kind: string }[] }>(await call(learner, 'GET', '/api/agents/me'));
    expect(status.nudges.map((nudge) => nudge.kind)).not.toContain('session-idle');
    socket.close();
  });

  it('ends a session that went idle from the object’s alarm and tells the learner', async () => {
    const learner = await signUp();
    const socket = await channel(learner);
    const session = await json<{ id: string }>(
      await call(learner, 'POST', '/api/learning-sessions', { course: COURSE }),
      201,
    );
    const status = await json<{ nudges: { kind: string; dueAt: string }[] }>(
      await call(learner, 'GET', '/api/agents/me'),
    );
    const idle = status.nudges.find((nudge) => nudge.kind === 'session-idle');
    expect(Date.parse(idle?.dueAt ?? '') - Date.now()).toBeGreaterThan(29 * 60_000);

    // The session went quiet 31 minutes ago; the Worker tells the object, whose alarm ends it.
    const quietSince = new Date(Date.now() - 31 * 60_000);
    await database.query('update learning_sessions set last_activity_at = $2 where id = $1', [session.id, quietSince]);
    const namespace = (await worker.miniflare.getDurableObjectNamespace('LEARNER_AGENT')) as unknown as {
      idFromName(name: string): unknown;
      get(id: unknown): { sessionActivity(activity: Record<string, string>): Promise<void> };
    };
    await namespace.get(namespace.idFromName(learner.userId)).sessionActivity({
      userId: learner.userId,
      course: COURSE,
      sessionId: session.id,
      lastActivityAt: quietSince.toISOString(),
    });
    const push = await socket.next<{ event: { kind: string; sessionId: string; reason: string } }>('push', 10_000);
    expect(push.event).toMatchObject({ kind: 'session-ended', sessionId: session.id, reason: 'idle' });
    const { rows } = await database.query('select end_reason, ended_at from learning_sessions where id = $1', [
      session.id,
    ]);
    expect(rows[0]).toMatchObject({ end_reason: 'idle', ended_at: quietSince });
    socket.close();
  });
});

describe('the LearnerAgent restarted between two messages', () => {
  it('keeps the chat memory, the item in flight and the counters', async () => {
    const learner = await signUp();
    await json(await call(learner, 'POST', '/api/agents/chat', { text: 'explain nodes', course: COURSE }));
    const served = await json<NextItem>(await call(learner, 'GET', `/api/courses/${COURSE}/next-item`));
    const before = await json<{ memoryTurns: number; agents: unknown[] }>(await call(learner, 'GET', '/api/agents/me'));

    await restart();

    const after = await json<{ memoryTurns: number; agents: unknown[]; inFlight: { item: { id: string } } }>(
      await call(learner, 'GET', '/api/agents/me'),
    );
    expect(after.memoryTurns).toBe(before.memoryTurns);
    expect(after.agents).toEqual(before.agents);
    expect(after.inFlight.item.id).toBe(served.item.id);
    const resumed = await json<NextItem>(await call(learner, 'GET', `/api/courses/${COURSE}/next-item`));
    expect(resumed).toMatchObject({ item: { id: served.item.id }, resumed: true });
    // "Tell me more" still knows what the conversation was about.
    const more = await json<{ reply: Reply }>(
      await call(learner, 'POST', '/api/agents/chat', { text: 'tell me more', course: COURSE }),
    );
    expect(more.reply.links).toContainEqual(expect.objectContaining({ kind: 'lesson', slug: 'nodes-intro' }));
  });
});

describe('hints and the team’s status', () => {
  it('gives the item in flight’s hints one at a time, and shows admins every agent’s counters', async () => {
    const learner = await signUp();
    const served = await json<NextItem>(await call(learner, 'GET', `/api/courses/${COURSE}/next-item`));
    const hint = async () =>
      (
        await json<{ intent: string; reply: Reply }>(
          await call(learner, 'POST', '/api/agents/chat', { text: 'give me a hint', course: COURSE }),
        )
      ).reply;
    const first = await hint();
    expect(first.agent).toBe('quiz-master');
    expect(first.text).toContain(`First hint for ${served.item.slug}.`);
    expect((await hint()).text).toContain(`Second hint for ${served.item.slug}.`);
    expect((await hint()).text).toMatch(/all 2 hints/);

    expect((await call(learner, 'GET', '/api/admin/agents')).status).toBe(403);
    await database.query(`update users set role = 'admin' where id = $1`, [learner.userId]);
    // The objects add to the team's totals just after answering: wait for the third hint to land.
    type Team = { agents: { agent: string; calls: number; averageMs: number; errors: number }[] };
    let team: Team = { agents: [] };
    for (let tries = 0; tries < 30; tries++) {
      team = await json<Team>(await call(learner, 'GET', '/api/admin/agents'));
      if ((team.agents.find((row) => row.agent === 'quiz-master')?.calls ?? 0) >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(team.agents.map((row) => row.agent).sort()).toEqual(
      ['content-curator', 'evaluator', 'motivator', 'orchestrator', 'progress-tracker', 'quiz-master'].sort(),
    );
    const quizMaster = team.agents.find((row) => row.agent === 'quiz-master');
    expect(quizMaster?.calls).toBeGreaterThanOrEqual(3);
    expect(team.agents.find((row) => row.agent === 'orchestrator')?.averageMs).toBeGreaterThan(0);
  });
});
