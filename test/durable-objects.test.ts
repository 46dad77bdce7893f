/**
 * The two Durable Objects in workerd: WebSocket upgrade (Hibernation API), the wire
 * protocol's validation, presence in a room, and the learner's state surviving a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LEARNER_HEADER } from '../durable/learner-header.ts';
import { MAX_MESSAGE_BYTES } from '../durable/protocol.ts';
import { startWorkerRuntime, type WorkerRuntime } from '../ops/stack/worker-runtime.ts';
import { probe } from './support/socket.ts';

interface Namespace {
  idFromName(name: string): unknown;
  get(id: unknown): {
    fetch(url: string, init: RequestInit): Promise<Response & { webSocket: Parameters<typeof probe>[0] | null }>;
    status(): Promise<{ connections: number; lastSeenAt?: number | null; phase?: string | null; players?: number }>;
  };
}

let persistDir: string;
let worker: WorkerRuntime;

async function start(): Promise<{ LEARNER_AGENT: Namespace; LIVE_ROOM: Namespace }> {
  const stack = inject('stack');
  worker = await startWorkerRuntime({ bundlePath: stack.bundlePath, bindings: stack.workerBindings, persistDir });
  return worker.miniflare.getBindings();
}

async function connect(ns: Namespace, name: string, headers: Record<string, string> = {}) {
  const res = await ns
    .get(ns.idFromName(name))
    .fetch('http://object/ws', { headers: { Upgrade: 'websocket', ...headers } });
  expect(res.status).toBe(101);
  if (!res.webSocket) throw new Error('no WebSocket in the 101 response');
  return probe(res.webSocket);
}

beforeAll(async () => {
  persistDir = await mkdtemp(join(tmpdir(), 'jeseci-do-'));
});
afterAll(async () => {
  await worker?.close();
  await rm(persistDir, { recursive: true, force: true });
});

describe('LiveRoom', () => {
  it('refuses a request that is not a WebSocket upgrade', async () => {
    const { LIVE_ROOM } = await start();
    const res = await LIVE_ROOM.get(LIVE_ROOM.idFromName('plain')).fetch('http://object/ws', {});
    expect(res.status).toBe(426);
    await worker.close();
  });

  it('keeps a socket that has not presented a token out of the game, in a room that does not exist', async () => {
    const { LIVE_ROOM } = await start();
    const first = await connect(LIVE_ROOM, 'room-a');
    expect(await first.next('welcome')).toMatchObject({ connections: 1 });
    first.send(JSON.stringify({ type: 'answer', index: 0, optionIds: ['a'] }));
    expect(await first.next('error')).toMatchObject({ code: 'ended' });
    first.send(JSON.stringify({ type: 'hello', token: 'x'.repeat(32) }));
    expect(await first.next('error')).toMatchObject({ code: 'ended' });
    expect(await LIVE_ROOM.get(LIVE_ROOM.idFromName('room-a')).status()).toEqual({
      connections: 1,
      phase: null,
      players: 0,
    });
    first.close();
    await worker.close();
  });

  it('answers malformed and oversized messages with an error and keeps the socket alive', async () => {
    const { LIVE_ROOM } = await start();
    const socket = await connect(LIVE_ROOM, 'room-c');
    await socket.next('welcome');
    socket.send('not json');
    expect(await socket.next('error')).toMatchObject({ code: 'bad_message' });
    socket.send(JSON.stringify({ type: 'ping', id: 'x'.repeat(MAX_MESSAGE_BYTES) }));
    expect(await socket.next('error')).toMatchObject({ code: 'too_large' });
    socket.send(JSON.stringify({ type: 'ping', id: 'still-here' }));
    expect(await socket.next('pong')).toMatchObject({ type: 'pong', id: 'still-here' });
    socket.close();
    await worker.close();
  });
});

describe('LearnerAgent', () => {
  it('only opens a channel the Worker has authenticated (it names the learner)', async () => {
    const { LEARNER_AGENT } = await start();
    const res = await LEARNER_AGENT.get(LEARNER_AGENT.idFromName('user-0')).fetch('http://object/ws', {
      headers: { Upgrade: 'websocket' },
    });
    expect(res.status).toBe(400);
    await worker.close();
  });

  it('remembers when the learner was last active across a restart of the runtime', async () => {
    const before = Date.now();
    let env = await start();
    const socket = await connect(env.LEARNER_AGENT, 'user-1', { [LEARNER_HEADER]: 'user-1' });
    await socket.next('welcome');
    socket.send(JSON.stringify({ type: 'ping', id: 'p1' }));
    expect(await socket.next('pong')).toMatchObject({ id: 'p1' });
    // Copied out of the RPC result: its proxy dies with the runtime we are about to stop.
    const seen = { ...(await env.LEARNER_AGENT.get(env.LEARNER_AGENT.idFromName('user-1')).status()) };
    expect(seen.connections).toBe(1);
    expect(seen.lastSeenAt).toBeGreaterThanOrEqual(before);
    socket.close();
    await worker.close();

    env = await start();
    const after = await env.LEARNER_AGENT.get(env.LEARNER_AGENT.idFromName('user-1')).status();
    expect(after).toMatchObject({ connections: 0, lastSeenAt: seen.lastSeenAt });
    const stranger = await env.LEARNER_AGENT.get(env.LEARNER_AGENT.idFromName('user-2')).status();
    expect(stranger).toMatchObject({ connections: 0, lastSeenAt: null, memoryTurns: 0, agents: [] });
    await worker.close();
  });
});
