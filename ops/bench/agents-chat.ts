/**
 * `npm run bench:agents [-- --duration 10 --learners 1,10]`
 *
 * Chat with the tutor team over each learner's live channel: every learner opens the
 * WebSocket to their LearnerAgent and asks one question after another (explain, quiz me,
 * how am I doing, what next, why was I wrong), each sent when the previous answer arrived.
 * Measures the round trip from send to the `chat-reply` (p50, p99) and answers per second,
 * for one learner alone and for several at once. Each answer loads the learner's state
 * from Postgres, so this is the agents plus their reads. Writes docs/benchmarks.md.
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
    duration: { type: 'string', default: '10' },
    learners: { type: 'string', default: '1,10' },
    warmup: { type: 'string', default: '2' },
  },
});
const durationMs = Number(values.duration) * 1000;
const warmupMs = Number(values.warmup) * 1000;
const learnerCounts = values.learners.split(',').map(Number);

const QUESTIONS = [
  'explain walkers',
  'quiz me on nodes',
  'how am I doing?',
  'what should I do next?',
  'why is my answer wrong?',
  'what is an edge?',
];

interface RunResult {
  learners: number;
  answers: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function openChannel(url: URL, token: string): Promise<WebSocket> {
  const ws = new WebSocket(url, {
    headers: { authorization: `Bearer ${token}`, 'cf-connecting-ip': `2001:db8::${randomBytes(2).toString('hex')}` },
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

/** One learner asking questions back to back until `until`; returns each round trip in ms. */
async function converse(ws: WebSocket, course: string, until: number, latencies: number[], errors: { n: number }) {
  let asked = 0;
  while (Date.now() < until) {
    const id = `q${asked}`;
    const text = QUESTIONS[asked % QUESTIONS.length] ?? 'help';
    asked++;
    const started = performance.now();
    const reply = await new Promise<{ type: string }>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(data.toString()) as { type: string; id?: string };
        if (message.id === id && (message.type === 'chat-reply' || message.type === 'error')) {
          ws.off('message', onMessage);
          resolve(message);
        }
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ type: 'chat', id, text, course }));
    });
    if (reply.type === 'chat-reply') latencies.push(performance.now() - started);
    else errors.n++;
    // Stay under the channel's per-socket limit (2 messages/s sustained, bursts of 10).
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const bench = await startBenchStack((service, line) => console.log(`[${service}] ${line}`), {
  pooler: pgbouncerAvailable(),
});
const db = new pg.Client({ connectionString: bench.stack.databaseUrl });
await db.connect();
try {
  const { rows: courses } = await db.query<{ slug: string }>(
    `select co.slug from courses co join concepts c on c.course_id = co.id where co.retired_at is null
      group by co.slug order by count(c.id) desc, co.slug limit 1`,
  );
  const course = courses[0]?.slug;
  if (!course) throw new Error('no course content is seeded: the benchmark needs a course in content/');
  const tokens: string[] = [];
  for (let i = 0; i < Math.max(...learnerCounts); i++) {
    const token = randomBytes(32).toString('base64url');
    const { rows } = await db.query<{ id: string }>(
      `insert into users (email, display_name, password_hash) values ($1, $2, 'bench') returning id`,
      [`bench-chat-${i}-${randomBytes(4).toString('hex')}@example.test`, `Bench learner ${i}`],
    );
    await db.query(`insert into sessions (token_hash, user_id, expires_at) values ($1, $2, now() + interval '1 day')`, [
      createHash('sha256').update(token).digest('hex'),
      rows[0]?.id,
    ]);
    tokens.push(token);
  }
  const url = new URL('/api/agents/ws', bench.worker.url);
  url.protocol = 'ws:';

  const results: RunResult[] = [];
  for (const count of learnerCounts) {
    const sockets = await Promise.all(tokens.slice(0, count).map((token) => openChannel(url, token)));
    const warm: number[] = [];
    await Promise.all(sockets.map((ws) => converse(ws, course, Date.now() + warmupMs, warm, { n: 0 })));
    const latencies: number[] = [];
    const errors = { n: 0 };
    const started = Date.now();
    await Promise.all(sockets.map((ws) => converse(ws, course, started + durationMs, latencies, errors)));
    const elapsed = (Date.now() - started) / 1000;
    for (const ws of sockets) ws.close();
    latencies.sort((a, b) => a - b);
    const result = {
      learners: count,
      answers: latencies.length,
      perSecond: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      errors: errors.n,
    };
    console.log(
      `[bench] ${count} learner(s): ${result.answers} answers, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}`,
    );
    results.push(result);
  }

  const body = `## Tutor chat over the live channel (${new Date().toISOString().slice(0, 10)})

\`npm run bench:agents\`: each learner asks the team one question after another over their WebSocket (${QUESTIONS.map((q) => `"${q}"`).join(', ')}), the next 500 ms after the answer (the channel allows 2 messages/s per socket). Round trip = send to \`chat-reply\`; each answer loads the learner's state from Postgres (${bench.pooled ? 'through PgBouncer' : bench.stack.embeddedDatabase ? 'embedded PGlite' : 'a new connection per answer'}) and runs the agents. ${values.duration} s per row after a ${values.warmup} s warm-up; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}.

| learners at once | answers | answers/s | p50 ms | p99 ms | errors |
|---:|---:|---:|---:|---:|---:|
${results.map((r) => `| ${r.learners} | ${r.answers} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`).join('\n')}`;
  const file = await writeSection(join(ROOT, 'docs', 'benchmarks.md'), 'agents-chat', body);
  console.log(`[bench] results written to ${file}`);
} finally {
  await db.end();
  await bench.close();
}
