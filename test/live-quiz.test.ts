/**
 * A live quiz end to end with real WebSocket clients: an instructor's room, 30 players
 * joining by PIN (guests and a signed-in learner), questions timed by the room, answers
 * scored by speed, reconnects, late and double answers, pause and resume, a kick, the room
 * restarted mid-question without losing an answer, and the results in Postgres and CSV.
 * Runs its own workerd (Durable Object storage on disk) so the room can be restarted.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type WebSocket from 'ws';
import { seedPack } from '../ops/content/seed.ts';
import { startWorkerRuntime, type WorkerRuntime } from '../ops/stack/worker-runtime.ts';
import { CourseSchema, ItemSchema, LessonSchema } from '../worker/curriculum/pack-schema.ts';
import * as schema from '../worker/db/schema/index.ts';
import { accountWithRole, type Role } from './support/accounts.ts';
import { useTestDatabase } from './support/db.ts';
import { callAt, freshClientIp, jsonOf } from './support/http.ts';
import { openProbe, type SocketProbe } from './support/socket.ts';

const database = useTestDatabase();
const COURSE = 'live-test';
let persistDir: string;
let worker: WorkerRuntime;

async function start(): Promise<void> {
  const stack = inject('stack');
  worker = await startWorkerRuntime({ bundlePath: stack.bundlePath, bindings: stack.workerBindings, persistDir });
}

beforeAll(async () => {
  persistDir = await mkdtemp(join(tmpdir(), 'jeseci-live-'));
  await seedPack(drizzle({ client: database.client(), schema }), {
    course: CourseSchema.parse({
      slug: COURSE,
      title: 'Live Test Course',
      summary: 'Questions for a live quiz.',
      language: 'jac',
      languageVersion: '0.8',
      concepts: [{ id: 'basics', title: 'Basics', summary: 'The only concept.' }],
    }),
    lessons: [LessonSchema.parse({ id: 'intro', concept: 'basics', title: 'Intro', minutes: 5, body: 'Read me.' })],
    items: [1, 2, 3, 4].map((n) =>
      ItemSchema.parse({
        id: `mc${n}`,
        concept: 'basics',
        difficulty: 'easy',
        type: 'multiple-choice',
        prompt: `Question ${n}?`,
        explanation: `Because ${n}.`,
        options: [
          { id: 'right', text: 'Right', correct: true },
          { id: 'wrong', text: 'Wrong' },
        ],
      }),
    ),
  });
  await start();
});

afterAll(async () => {
  await worker?.close();
  await rm(persistDir, { recursive: true, force: true });
});

const call = (token: string | null, method: string, path: string, body?: unknown) =>
  callAt(worker.url, token, method, path, body);
const json = jsonOf;

/** An account made through this suite's own Worker (a learner unless a role is given). */
const signUp = (role: Role = 'learner') => accountWithRole(role, { base: worker.url.href, timeZone: 'UTC' });

async function connect(
  roomId: string,
  token?: string,
  ip = freshClientIp(),
): Promise<SocketProbe & { raw: WebSocket }> {
  const socket = await openProbe(worker.url, `/api/live/rooms/${roomId}/ws`, { 'cf-connecting-ip': ip });
  await socket.next('welcome');
  if (token) socket.send(JSON.stringify({ type: 'hello', token }));
  return socket;
}

interface Seat {
  playerId: string;
  token: string;
  nickname: string;
  socket: SocketProbe & { raw: WebSocket };
}

interface State {
  role: string;
  phase: string;
  pin: string | null;
  players: unknown[];
  question: { index: number; options: { id: string }[]; deadline: number | null } | null;
  you: { score: number; answered: boolean } | null;
}

/** The acknowledgement of this question's answer (earlier ones may still be queued). */
async function ackFor(seat: Seat, index: number): Promise<void> {
  for (;;) if ((await seat.socket.next<{ index: number }>('answer-ack')).index === index) return;
}

const host = (socket: SocketProbe, action: string) => socket.send(JSON.stringify({ type: 'host', action }));
const answer = (seat: Seat, index: number, optionId: string) =>
  seat.socket.send(JSON.stringify({ type: 'answer', index, optionIds: [optionId] }));

describe('a live quiz', () => {
  it('runs a full game for 30 players, through reconnects, a kick and a restart of the room', async () => {
    const learner = await signUp();
    expect((await call(learner.token, 'POST', '/api/live/sessions', { course: COURSE })).status).toBe(403);
    const instructor = await signUp('instructor');
    const room = await json<{ roomId: string; pin: string; hostToken: string; questions: number }>(
      await call(instructor.token, 'POST', '/api/live/sessions', { course: COURSE, count: 4, timeLimitSeconds: 30 }),
      201,
    );
    expect(room.pin).toMatch(/^\d{6}$/);
    expect(room.questions).toBe(4);

    // Joining: bad PINs and nicknames are refused with the standard error body.
    expect((await call(null, 'POST', '/api/live/join', { pin: '12345', nickname: 'x' })).status).toBe(400);
    const wrongPin = room.pin === '000000' ? '000001' : '000000';
    expect((await call(null, 'POST', '/api/live/join', { pin: wrongPin, nickname: 'x' })).status).toBe(404);
    expect((await call(null, 'POST', '/api/live/join', { pin: room.pin, nickname: 'bad\u0007name' })).status).toBe(400);

    const hostSocket = await connect(room.roomId, room.hostToken);
    const hostState = await hostSocket.next<State>('live-state');
    expect(hostState).toMatchObject({ role: 'host', phase: 'lobby', pin: room.pin });

    const seats: Seat[] = [];
    for (let i = 0; i < 30; i++) {
      const token = i === 0 ? learner.token : null;
      const joined = await json<{ playerId: string; token: string; nickname: string }>(
        await call(token, 'POST', '/api/live/join', { pin: room.pin, nickname: `Player ${i}` }),
      );
      seats.push({ ...joined, socket: await connect(room.roomId, joined.token) });
    }
    const taken = await call(null, 'POST', '/api/live/join', { pin: room.pin, nickname: 'player 0' });
    expect(taken.status).toBe(409);
    for (const seat of seats)
      expect(await seat.socket.next<State>('live-state')).toMatchObject({ role: 'player', phase: 'lobby' });

    // A socket that has not said hello, and players, cannot run the game.
    const stranger = await connect(room.roomId);
    stranger.send(JSON.stringify({ type: 'answer', index: 0, optionIds: ['right'] }));
    expect(await stranger.next('error')).toMatchObject({ code: 'unauthorized' });
    const [first, second, third, ...others] = seats;
    if (!first || !second || !third) throw new Error('players missing');
    host(first.socket, 'start');
    expect(await first.socket.next('error')).toMatchObject({ code: 'not_allowed' });

    // Question 1: everyone answers; the question closes when the last answer is in.
    host(hostSocket, 'start');
    for (const seat of seats) {
      const question = await seat.socket.next<{ question: { index: number; options: unknown[] } }>('question');
      expect(question.question.index).toBe(0);
      expect(JSON.stringify(question)).not.toContain('correct');
    }
    answer(first, 0, 'right');
    expect(await first.socket.next('answer-ack')).toMatchObject({ index: 0 });
    answer(first, 0, 'wrong');
    expect(await first.socket.next('error')).toMatchObject({ code: 'duplicate' });
    answer(second, 0, 'wrong');
    for (const seat of [third, ...others]) answer(seat, 0, 'right');
    const firstResults = await first.socket.next<{
      correct: string[];
      distribution: Record<string, number>;
      you: { points: number; rank: number };
    }>('question-results', 10_000);
    expect(firstResults.correct).toEqual(['right']);
    expect(firstResults.distribution).toEqual({ right: 29, wrong: 1 });
    expect(firstResults.you.points).toBeGreaterThan(500);
    const secondResults = await second.socket.next<{ you: { points: number; rank: number } }>('question-results');
    expect(secondResults.you).toMatchObject({ points: 0, rank: 30 });
    for (const seat of [third, ...others]) await seat.socket.next('question-results');

    // Question 2: a refresh mid-question gets the seat and the question back.
    host(hostSocket, 'next');
    for (const seat of seats) await seat.socket.next('question');
    answer(first, 1, 'right');
    await ackFor(first, 1);
    first.socket.close();
    const back = await connect(room.roomId, first.token);
    const restored = await back.next<State>('live-state');
    expect(restored).toMatchObject({ phase: 'question', question: { index: 1 }, you: { answered: true } });
    expect(restored.you?.score).toBeGreaterThan(500);
    first.socket = back;

    // Pause and resume keep the remaining time.
    host(hostSocket, 'pause');
    const paused = await second.socket.next<{ remainingMs: number }>('paused');
    expect(paused.remainingMs).toBeGreaterThan(25_000);
    host(hostSocket, 'resume');
    const resumed = await second.socket.next<{ deadline: number }>('resumed');
    expect(resumed.deadline).toBeGreaterThan(Date.now() + 20_000);

    // The host kicks a player: their socket is told and closed, and their token is dead.
    host(hostSocket, 'reveal');
    hostSocket.send(JSON.stringify({ type: 'kick', playerId: third.playerId }));
    await third.socket.next('kicked');
    const again = await connect(room.roomId, third.token);
    await again.next('kicked');

    // The room restarts mid-question 3; answers given before it count after it.
    host(hostSocket, 'next');
    for (const seat of [first, second, ...others]) await seat.socket.next('question');
    answer(second, 2, 'right');
    await ackFor(second, 2);
    await worker.close();
    await start();
    const hostAgain = await connect(room.roomId, room.hostToken);
    expect(await hostAgain.next<State>('live-state')).toMatchObject({ phase: 'question', question: { index: 2 } });
    const secondAgain = await connect(room.roomId, second.token);
    expect(await secondAgain.next<State>('live-state')).toMatchObject({ you: { answered: true } });
    host(hostAgain, 'end');
    const over = await secondAgain.next<{ podium: { nickname: string }[]; you: { answered: number } }>('game-over');
    expect(over.podium.length).toBeGreaterThanOrEqual(3);
    expect(over.you.answered).toBe(1);

    // Results: in Postgres, the signed-in learner's answers as practice, and the host's CSV.
    let saved: { results: { players: unknown[] } | null } | undefined;
    for (let tries = 0; tries < 50 && !saved?.results; tries++) {
      const { rows } = await database.query('select results from live_sessions where id = $1', [room.roomId]);
      saved = rows[0] as typeof saved;
      if (!saved?.results) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(saved?.results?.players).toHaveLength(30);
    const { rows: practice } = await database.query(
      `select client_attempt_id from attempts where user_id = $1 order by client_attempt_id`,
      [learner.userId],
    );
    expect(practice.map((row) => row.client_attempt_id)).toEqual([`live-${room.roomId}-0`, `live-${room.roomId}-1`]);
    const csv = await call(instructor.token, 'GET', `/api/live/sessions/${room.roomId}/results.csv`);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^rank,nickname,score,correct,answered,signed in,Q1 mc\d,/);
    expect(lines).toHaveLength(30); // header + 29 players (the kicked one is off the board)
    expect((await call(learner.token, 'GET', `/api/live/sessions/${room.roomId}/results.csv`)).status).toBe(404);
    // The PIN is free again.
    expect((await call(null, 'POST', '/api/live/join', { pin: room.pin, nickname: 'late' })).status).toBe(404);
    for (const socket of [hostAgain, secondAgain, stranger]) socket.close();
  }, 60_000);

  it('closes a question at its deadline and refuses answers after it', async () => {
    const instructor = await signUp('instructor');
    const room = await json<{ roomId: string; pin: string; hostToken: string }>(
      await call(instructor.token, 'POST', '/api/live/sessions', { course: COURSE, count: 2, timeLimitSeconds: 5 }),
      201,
    );
    const hostSocket = await connect(room.roomId, room.hostToken);
    await hostSocket.next('live-state');
    const joined = await json<{ token: string }>(
      await call(null, 'POST', '/api/live/join', { pin: room.pin, nickname: 'Slow' }),
    );
    const slow = await connect(room.roomId, joined.token);
    await slow.next('live-state');
    host(hostSocket, 'start');
    await slow.next('question');
    const results = await slow.next<{ noAnswer: number; you: { points: number; correct: null } }>(
      'question-results',
      9000,
    );
    expect(results).toMatchObject({ noAnswer: 1, you: { points: 0, correct: null } });
    slow.send(JSON.stringify({ type: 'answer', index: 0, optionIds: ['right'] }));
    expect(await slow.next('error')).toMatchObject({ code: 'late' });
    hostSocket.close();
    slow.close();
  }, 20_000);

  it('pauses the question when the host has been gone for the grace period, and resumes on return', async () => {
    const instructor = await signUp('instructor');
    const room = await json<{ roomId: string; pin: string; hostToken: string }>(
      await call(instructor.token, 'POST', '/api/live/sessions', { course: COURSE, count: 1, timeLimitSeconds: 60 }),
      201,
    );
    const hostSocket = await connect(room.roomId, room.hostToken);
    await hostSocket.next('live-state');
    const joined = await json<{ token: string }>(
      await call(null, 'POST', '/api/live/join', { pin: room.pin, nickname: 'Patient' }),
    );
    const player = await connect(room.roomId, joined.token);
    await player.next('live-state');
    host(hostSocket, 'start');
    await player.next('question');
    const left = Date.now();
    hostSocket.close();
    const paused = await player.next<{ remainingMs: number }>('paused', 20_000);
    expect(Date.now() - left).toBeGreaterThanOrEqual(14_000);
    expect(paused.remainingMs).toBeGreaterThan(40_000);
    const back = await connect(room.roomId, room.hostToken);
    expect(await back.next<State>('live-state')).toMatchObject({ phase: 'question' });
    host(back, 'resume');
    expect((await player.next<{ deadline: number }>('resumed')).deadline).toBeGreaterThan(Date.now() + 40_000);
    back.close();
    player.close();
  }, 30_000);
});

describe('a class joining from one school network', () => {
  it('seats thirty guests on one address at once: joins and sockets, none refused', async () => {
    const instructor = await signUp('instructor');
    const room = await json<{ roomId: string; pin: string; hostToken: string }>(
      await call(instructor.token, 'POST', '/api/live/sessions', { course: COURSE, count: 1 }),
      201,
    );
    const hostSocket = await connect(room.roomId, room.hostToken);
    await hostSocket.next('live-state');
    const school = freshClientIp();
    // Sixty requests at once from one address: the general API limit (bursts of 20) would
    // refuse forty of them; guests' live-quiz traffic has a class-sized allowance.
    const joins = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(new URL('/api/live/join', worker.url), {
          method: 'POST',
          headers: { 'cf-connecting-ip': school, 'content-type': 'application/json' },
          body: JSON.stringify({ pin: room.pin, nickname: `Pupil ${i}` }),
        }),
      ),
    );
    expect(joins.map((res) => res.status)).toEqual(Array(30).fill(200));
    expect(joins[0]?.headers.get('ratelimit-policy')).toBe('30;w=1;burst=60');
    const seats = await Promise.all(joins.map((res) => res.json() as Promise<{ token: string }>));
    const sockets = await Promise.all(seats.map((seat) => connect(room.roomId, seat.token, school)));
    const states = await Promise.all(sockets.map((socket) => socket.next<State>('live-state')));
    expect(states.every((state) => state.phase === 'lobby')).toBe(true);
    for (const socket of [hostSocket, ...sockets]) socket.close();
  }, 30_000);
});

describe('taking over hosting from another tab or device', () => {
  it('gives the room’s own instructor a new host token; the old one and its screen stop hosting', async () => {
    const instructor = await signUp('instructor');
    const room = await json<{ roomId: string; pin: string; hostToken: string }>(
      await call(instructor.token, 'POST', '/api/live/sessions', { course: COURSE, count: 2, timeLimitSeconds: 60 }),
      201,
    );
    const firstTab = await connect(room.roomId, room.hostToken);
    await firstTab.next('live-state');
    const joined = await json<{ token: string }>(
      await call(null, 'POST', '/api/live/join', { pin: room.pin, nickname: 'Steady' }),
    );
    const player = await connect(room.roomId, joined.token);
    await player.next('live-state');
    host(firstTab, 'start');
    await player.next('question');

    // Nobody else can take the room: another instructor, a learner, a guest.
    const other = await signUp('instructor');
    expect((await call(other.token, 'POST', `/api/live/sessions/${room.roomId}/host`)).status).toBe(404);
    expect((await call((await signUp()).token, 'POST', `/api/live/sessions/${room.roomId}/host`)).status).toBe(403);
    expect((await call(null, 'POST', `/api/live/sessions/${room.roomId}/host`)).status).toBe(401);
    expect((await call(instructor.token, 'POST', `/api/live/sessions/${randomUUID()}/host`)).status).toBe(404);

    const taken = await json<{ roomId: string; hostToken: string }>(
      await call(instructor.token, 'POST', `/api/live/sessions/${room.roomId}/host`),
    );
    expect(taken.roomId).toBe(room.roomId);
    expect(taken.hostToken).not.toBe(room.hostToken);
    // The first tab is told, and let go.
    expect(await firstTab.next('error')).toMatchObject({ code: 'unauthorized' });
    // The new tab hosts the same game, mid-question, with its player.
    const secondTab = await connect(room.roomId, taken.hostToken);
    expect(await secondTab.next<State>('live-state')).toMatchObject({ role: 'host', phase: 'question' });
    // The count comes with it, not only at the next answer.
    expect(await secondTab.next('answer-count')).toMatchObject({ index: 0, answered: 0, players: 1 });
    host(secondTab, 'reveal');
    await player.next('question-results');
    // The old token no longer opens the host's seat.
    const stale = await connect(room.roomId, room.hostToken);
    expect(await stale.next('error')).toMatchObject({ code: 'unauthorized' });
    for (const socket of [stale, secondTab, player]) socket.close();
  }, 30_000);
});

interface SessionList {
  sessions: {
    id: string;
    status: string;
    pin: string | null;
    players: number;
    questions: number;
    host: { id: string };
    course: { slug: string } | null;
    endedAt: string | null;
    resultsCsv: string;
  }[];
  nextBefore: string | null;
}

describe('the live sessions list', () => {
  it('shows a host their own rooms newest first, following each from lobby to running to ended', async () => {
    const instructor = await signUp('instructor');
    const mine = async () =>
      (await json<SessionList>(await call(instructor.token, 'GET', '/api/live/sessions'))).sessions.map(
        ({ id, status, pin, players }) => ({ id, status, pin, players }),
      );
    expect(await mine()).toEqual([]);
    const older = await json<{ roomId: string; pin: string; hostToken: string }>(
      await call(instructor.token, 'POST', '/api/live/sessions', { course: COURSE, count: 2, timeLimitSeconds: 30 }),
      201,
    );
    const newer = await json<{ roomId: string; pin: string; hostToken: string }>(
      await call(instructor.token, 'POST', '/api/live/sessions', { course: COURSE, count: 1, timeLimitSeconds: 30 }),
      201,
    );
    const first = await json<SessionList>(await call(instructor.token, 'GET', '/api/live/sessions'));
    expect(first.sessions.map((session) => session.id)).toEqual([newer.roomId, older.roomId]);
    expect(first.sessions[1]).toMatchObject({
      status: 'lobby',
      pin: older.pin,
      players: 0,
      questions: 2,
      host: { id: instructor.userId },
      course: { slug: COURSE },
      endedAt: null,
      resultsCsv: `/api/live/sessions/${older.roomId}/results.csv`,
    });

    // A player joins and the host starts: the room is running with one player.
    await json(await call(null, 'POST', '/api/live/join', { pin: older.pin, nickname: 'Listed' }));
    const hostSocket = await connect(older.roomId, older.hostToken);
    await hostSocket.next('live-state');
    host(hostSocket, 'start');
    await hostSocket.next('question');
    expect((await mine())[1]).toEqual({ id: older.roomId, status: 'running', pin: older.pin, players: 1 });

    // Ended: the PIN is gone and the count comes from the saved results.
    host(hostSocket, 'end');
    let ended = (await mine())[1];
    for (let tries = 0; tries < 50 && ended?.status !== 'ended'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      ended = (await mine())[1];
    }
    expect(ended).toEqual({ id: older.roomId, status: 'ended', pin: null, players: 1 });
    hostSocket.close();

    // Pages: one room a page, the cursor leads to the older one and then stops.
    const page1 = await json<SessionList>(await call(instructor.token, 'GET', '/api/live/sessions?limit=1'));
    expect(page1.sessions.map((session) => session.id)).toEqual([newer.roomId]);
    const page2 = await json<SessionList>(
      await call(
        instructor.token,
        'GET',
        `/api/live/sessions?limit=1&before=${encodeURIComponent(page1.nextBefore ?? '')}`,
      ),
    );
    expect(page2.sessions.map((session) => session.id)).toEqual([older.roomId]);
    expect(page2.nextBefore).toBeNull();
  }, 30_000);

  it('keeps rooms to their host; only admins see everyone’s; learners and guests none', async () => {
    const owner = await signUp('instructor');
    const other = await signUp('instructor');
    const admin = await signUp('admin');
    const learner = await signUp();
    const room = await json<{ roomId: string }>(
      await call(owner.token, 'POST', '/api/live/sessions', { course: COURSE, count: 1 }),
      201,
    );
    const ids = async (token: string, query = '') =>
      (await json<SessionList>(await call(token, 'GET', `/api/live/sessions${query}`))).sessions.map((s) => s.id);
    expect(await ids(other.token)).not.toContain(room.roomId);
    expect(await ids(admin.token)).not.toContain(room.roomId);
    expect(await ids(admin.token, '?scope=all&limit=50')).toContain(room.roomId);
    expect((await call(other.token, 'GET', '/api/live/sessions?scope=all')).status).toBe(403);
    expect((await call(learner.token, 'GET', '/api/live/sessions')).status).toBe(403);
    expect((await call(null, 'GET', '/api/live/sessions')).status).toBe(401);
    expect((await call(owner.token, 'GET', '/api/live/sessions?before=yesterday')).status).toBe(400);
  });
});
