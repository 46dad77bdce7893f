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
import { GOOD_PASSWORD } from './support/accounts.ts';
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

async function signUp(role?: 'instructor'): Promise<{ token: string; userId: string }> {
  const body = await json<{ token: string; user: { id: string } }>(
    await call(null, 'POST', '/api/auth/register', {
      email: `live-${randomUUID()}@example.test`,
      password: GOOD_PASSWORD,
      displayName: 'Live',
      timeZone: 'UTC',
    }),
    201,
  );
  if (role) await database.query('update users set role = $2 where id = $1', [body.user.id, role]);
  return { token: body.token, userId: body.user.id };
}

async function connect(roomId: string, token?: string): Promise<SocketProbe & { raw: WebSocket }> {
  const socket = await openProbe(worker.url, `/api/live/rooms/${roomId}/ws`, { 'cf-connecting-ip': freshClientIp() });
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
