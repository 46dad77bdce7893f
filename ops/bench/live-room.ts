/**
 * `npm run bench:live [-- --players 200,500 --questions 3]`
 *
 * One live quiz room with hundreds of connected players on the local stack:
 * - fan-out: from the host sending "next question" to each player receiving it (p50, p99,
 *   the last player), per question;
 * - answer burst: every player answers within one second; each answer's acknowledgement
 *   latency (p50, p99) and whether every answer was counted (the host's answer count).
 * Players are WebSocket clients in this process (the `ws` package), on the same 2-core
 * machine as workerd, so the figures include the clients' own share of the CPU.
 * Writes docs/benchmarks.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import WebSocket from 'ws';
import { ROOT } from '../stack/worker-runtime.ts';
import { startBenchStack } from './bench-stack.ts';
import { pgbouncerAvailable } from './pgbouncer.ts';
import { writeSection } from './report.ts';

const { values } = parseArgs({
  options: {
    players: { type: 'string', default: '200,500' },
    questions: { type: 'string', default: '3' },
  },
});
const playerCounts = values.players.split(',').map(Number);
const questionCount = Number(values.questions);

interface Client {
  ws: WebSocket;
  /** performance.now() of each message type's latest arrival, by question index. */
  questionAt: Map<number, number>;
  ackAt: Map<number, number>;
  /** An option of the current question, to answer with. */
  option: string;
}

const ip = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function openClient(url: URL, token: string): Promise<Client> {
  const ws = new WebSocket(url, { headers: { 'cf-connecting-ip': ip() } });
  const client: Client = { ws, questionAt: new Map(), ackAt: new Map(), option: '' };
  const ready = new Promise<void>((resolve, reject) => {
    ws.on('message', (data: WebSocket.RawData) => {
      const now = performance.now();
      const message = JSON.parse(data.toString()) as {
        type: string;
        index?: number;
        question?: { index: number; options: { id: string }[] };
      };
      if (message.type === 'live-state') resolve();
      if (message.type === 'question' && message.question) {
        client.questionAt.set(message.question.index, now);
        client.option = message.question.options[0]?.id ?? '';
      }
      if (message.type === 'answer-ack' && message.index !== undefined) client.ackAt.set(message.index, now);
    });
    ws.once('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'hello', token }));
  await ready;
  return client;
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, k) => make(start + k)))));
  }
  return out;
}

const bench = await startBenchStack((service, line) => console.log(`[${service}] ${line}`), {
  pooler: pgbouncerAvailable(),
});
const db = new pg.Client({ connectionString: bench.stack.databaseUrl });
await db.connect();
const rows: string[] = [];
try {
  const token = randomBytes(32).toString('base64url');
  const { rows: host } = await db.query<{ id: string }>(
    `insert into users (email, display_name, password_hash, role) values ($1, 'Bench host', 'bench', 'instructor') returning id`,
    [`bench-host-${randomBytes(4).toString('hex')}@example.test`],
  );
  await db.query(`insert into sessions (token_hash, user_id, expires_at) values ($1, $2, now() + interval '1 day')`, [
    createHash('sha256').update(token).digest('hex'),
    host[0]?.id,
  ]);
  const base = bench.worker.url;
  const post = async (path: string, body: unknown, bearer?: string) => {
    const res = await fetch(new URL(path, base), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'cf-connecting-ip': ip(),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, string>>;
  };
  const { rows: course } = await db.query<{ slug: string }>(
    `select co.slug from courses co join items i on i.course_id = co.id where i.type = 'multiple-choice'
      group by co.slug order by count(*) desc limit 1`,
  );
  for (const players of playerCounts) {
    const room = await post(
      '/api/live/sessions',
      { course: course[0]?.slug, count: questionCount, timeLimitSeconds: 60, streakBonus: true },
      token,
    );
    const url = new URL(`/api/live/rooms/${room.roomId}/ws`, base);
    url.protocol = 'ws:';
    const hostClient = await openClient(url, room.hostToken ?? '');
    let answered = 0;
    hostClient.ws.on('message', (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { type: string; answered?: number };
      if (message.type === 'answer-count') answered = Math.max(answered, message.answered ?? 0);
    });
    const joinStarted = performance.now();
    const seats = await inBatches(players, 25, (i) =>
      post('/api/live/join', { pin: room.pin, nickname: `Player ${i}` }),
    );
    const joinSeconds = (performance.now() - joinStarted) / 1000;
    const clients = await inBatches(players, 50, (i) => openClient(url, seats[i]?.token ?? ''));
    console.log(`[bench] ${players} players joined in ${joinSeconds.toFixed(1)} s and connected`);

    const fanOut: number[] = [];
    const lasts: number[] = [];
    const acks: number[] = [];
    let counted = 0;
    for (let index = 0; index < questionCount; index++) {
      const sent = performance.now();
      hostClient.ws.send(JSON.stringify({ type: 'host', action: index === 0 ? 'start' : 'next' }));
      await until(() => clients.every((client) => client.questionAt.has(index)), 30_000, `question ${index}`);
      const latencies = clients.map((client) => (client.questionAt.get(index) ?? sent) - sent).sort((a, b) => a - b);
      fanOut.push(...latencies);
      lasts.push(latencies.at(-1) ?? 0);
      // The burst: every player answers once, spread evenly over one second.
      answered = 0;
      const sentAt = new Map<Client, number>();
      await Promise.all(
        clients.map(
          (client, i) =>
            new Promise<void>((resolve) =>
              setTimeout(
                () => {
                  sentAt.set(client, performance.now());
                  client.ws.send(JSON.stringify({ type: 'answer', index, optionIds: [client.option] }));
                  resolve();
                },
                (i / players) * 1000,
              ),
            ),
        ),
      );
      await until(() => clients.every((client) => client.ackAt.has(index)), 30_000, `acks of question ${index}`);
      await until(() => answered === players, 10_000, `the host's count of question ${index}`).catch(() => {});
      counted += answered;
      for (const client of clients) acks.push((client.ackAt.get(index) ?? 0) - (sentAt.get(client) ?? 0));
      console.log(
        `[bench] ${players} players, question ${index + 1}: last received it after ${lasts.at(-1)?.toFixed(1)} ms; ${answered} answers counted`,
      );
    }
    fanOut.sort((a, b) => a - b);
    acks.sort((a, b) => a - b);
    rows.push(
      `| ${players} | ${joinSeconds.toFixed(1)} | ${percentile(fanOut, 50).toFixed(1)} | ${percentile(fanOut, 99).toFixed(1)} | ${Math.max(...lasts).toFixed(1)} | ${percentile(acks, 50).toFixed(1)} | ${percentile(acks, 99).toFixed(1)} | ${counted} of ${players * questionCount} |`,
    );
    hostClient.ws.send(JSON.stringify({ type: 'host', action: 'end' }));
    for (const client of [hostClient, ...clients]) client.ws.close();
  }
  const body = `## Live quiz room (${new Date().toISOString().slice(0, 10)})

\`npm run bench:live\`: one room on the local stack, its players WebSocket clients in the benchmark's own process (on the same ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} as workerd, so they take their share of the CPU). Fan-out: from the host's "next question" to each player receiving it, over ${questionCount} questions. Burst: every player answers within one second (evenly spread); the acknowledgement latency of each answer, and the answers the host's count reached.

| players | joining (s) | fan-out p50 ms | fan-out p99 ms | last player ms (worst question) | answer ack p50 ms | answer ack p99 ms | answers counted |
|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

**Target: question fan-out p99 under 250 ms at 500 players.**`;
  const file = await writeSection(join(ROOT, 'docs', 'benchmarks.md'), 'live', body);
  console.log(`[bench] results written to ${file}`);
} finally {
  await db.end();
  await bench.close();
}
