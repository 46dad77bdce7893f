/**
 * `npm run bench:evaluator [-- --runs 300 --submissions 100]`
 *
 * What grading a code exercise costs, on one core, for a typical js-graphs exercise (its
 * reference solution against its hidden tests, a fresh QuickJS runtime each time):
 * 1. the sandbox alone, in Node: runs per second and the latency of each, for that exercise
 *    and, as a spread, for every code exercise of the course;
 * 2. through the Worker in workerd: submissions (POST /api/attempts) one after another,
 *    their latency and the workerd process's CPU per submission, next to a multiple-choice
 *    submission of the same concept (the attempt without the sandbox) and an endless loop
 *    (the most a run stopped by the instruction budget costs).
 * Writes the figures to docs/benchmarks.md (its `evaluator` section).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildProgram } from '../../worker/evaluation/build-program.ts';
import { passedEveryTest } from '../../worker/evaluation/exercise-result.ts';
import { createQuickJsSandbox } from '../../worker/evaluation/quickjs-sandbox.ts';
import { DEFAULT_TIME_LIMIT_MS } from '../../worker/evaluation/sandbox.ts';
import type { CodeExercise } from '../../worker/evaluation/verify-exercise.ts';
import { readPackSources } from '../content/read-pack.ts';
import { ROOT } from '../stack/worker-runtime.ts';
import { startBenchStack } from './bench-stack.ts';
import { cpuMilliseconds } from './cpu.ts';
import { writeSection } from './report.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '300' },
    submissions: { type: 'string', default: '100' },
    exercise: { type: 'string', default: 'adjacency-code-to-undirected' },
  },
});
const runs = Number(values.runs);
const submissions = Number(values.submissions);
const COURSE = 'js-graphs';

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

interface Timing {
  perSecond: number;
  p50: number;
  p99: number;
}

function timing(samples: number[], totalMs: number): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { perSecond: (samples.length * 1000) / totalMs, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

// 1. The sandbox alone, in this Node process (one thread: one core).
const { items } = await readPackSources(join(ROOT, 'content', COURSE));
const exercises = items.map(({ item }) => item).filter((item): item is CodeExercise => item.type === 'code-exercise');
const typical = exercises.find((exercise) => exercise.id === values.exercise);
if (!typical) throw new Error(`no code exercise "${values.exercise}" in ${COURSE}`);
const sandbox = createQuickJsSandbox();

async function timeRuns(exercise: CodeExercise, count: number): Promise<Timing> {
  const program = buildProgram({ language: exercise.language, code: exercise.solution, tests: exercise.tests });
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const before = performance.now();
    const result = await sandbox.run(program, { timeoutMs: DEFAULT_TIME_LIMIT_MS });
    samples.push(performance.now() - before);
    if (!passedEveryTest(result)) throw new Error(`${exercise.id}: the reference solution did not pass`);
  }
  return timing(samples, performance.now() - started);
}

await timeRuns(typical, 20); // warm-up: the engine's compilation and V8's JIT
const node = await timeRuns(typical, runs);
const spread: { id: string; p50: number }[] = [];
for (const exercise of exercises) spread.push({ id: exercise.id, p50: (await timeRuns(exercise, 20)).p50 });
spread.sort((a, b) => a.p50 - b.p50);
console.log(
  `[bench] sandbox in Node: ${node.perSecond.toFixed(0)} runs/s, p50 ${ms(node.p50)} ms, p99 ${ms(node.p99)} ms`,
);

// 2. Through the Worker in workerd.
const bench = await startBenchStack((service, line) => console.log(`[${service}] ${line}`));
const { workerPid: pid } = bench;
if (!pid) throw new Error('could not find the workerd process');
const db = new pg.Client({ connectionString: bench.stack.databaseUrl });
await db.connect();

interface Row {
  name: string;
  count: number;
  latency: Timing;
  cpuMs: number;
}

try {
  const { rows: found } = await db.query<{ id: string; concept_id: string }>(
    `select i.id, i.concept_id from items i join courses c on c.id = i.course_id where c.slug = $1 and i.slug = $2`,
    [COURSE, typical.id],
  );
  const target = found[0];
  if (!target) throw new Error(`${typical.id} is not seeded`);
  const { rows: choice } = await db.query<{ id: string; correct: string }>(
    `select id, answer->'correct'->>0 as correct from items where concept_id = $1 and type = 'multiple-choice' limit 1`,
    [target.concept_id],
  );
  // One learner, written directly: signing up through scrypt is not what this measures.
  const token = randomBytes(32).toString('base64url');
  const { rows: user } = await db.query<{ id: string }>(
    `insert into users (email, display_name, password_hash) values ($1, 'Bench learner', 'bench') returning id`,
    [`bench-evaluator-${randomBytes(4).toString('hex')}@example.test`],
  );
  await db.query(`insert into sessions (token_hash, user_id, expires_at) values ($1, $2, now() + interval '1 day')`, [
    createHash('sha256').update(token).digest('hex'),
    user[0]?.id,
  ]);

  let ip = 0;
  const submit = (itemId: string, response: unknown) =>
    fetch(new URL('/api/attempts', bench.worker.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'cf-connecting-ip': `2001:db8::${(++ip).toString(16)}`,
      },
      body: JSON.stringify({ itemId, attemptId: randomUUID(), response, elapsedMs: 60_000 }),
    });

  async function measure(name: string, count: number, itemId: string, response: unknown, expect: string) {
    const samples: number[] = [];
    const cpuBefore = cpuMilliseconds(pid as number);
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const before = performance.now();
      const res = await submit(itemId, response);
      const body = (await res.json()) as { evaluation?: { status: string }; correct?: boolean };
      samples.push(performance.now() - before);
      const outcome = body.evaluation?.status ?? String(body.correct);
      if (res.status !== 200 || outcome !== expect) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
    }
    const total = performance.now() - started;
    return {
      name,
      count,
      latency: timing(samples, total),
      cpuMs: (cpuMilliseconds(pid as number) - cpuBefore) / count,
    };
  }

  const solution = { code: typical.solution };
  await measure('warm-up', 10, target.id, solution, 'pass');
  const rows: Row[] = [];
  if (choice[0]) {
    rows.push(await measure('multiple choice (no sandbox)', submissions, choice[0].id, choice[0].correct, 'true'));
  }
  rows.push(
    await measure(`code exercise \`${typical.id}\`, reference solution`, submissions, target.id, solution, 'pass'),
  );
  rows.push(
    await measure(
      'code exercise, `while (true) {}` (stopped by the budget)',
      10,
      target.id,
      { code: 'while (true) {}' },
      'error',
    ),
  );

  const baseline = rows.find((row) => row.name.startsWith('multiple choice'));
  const code = rows.find((row) => row.name.includes('reference solution'));
  const sandboxCpu = baseline && code ? code.cpuMs - baseline.cpuMs : undefined;
  const median = spread[Math.floor(spread.length / 2)];
  const text = `## Code exercises in the sandbox (\`npm run bench:evaluator\`)

Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}. The typical exercise is \`${typical.id}\` (${typical.difficulty}, ${(typical.tests.match(/^test\(/gm) ?? []).length} tests), graded against its reference solution, a fresh QuickJS runtime per run.

**The sandbox alone (Node, one thread):** ${node.perSecond.toFixed(0)} runs/s; p50 ${ms(node.p50)} ms, p99 ${ms(node.p99)} ms per run (${runs} runs after a warm-up). Across the course's ${exercises.length} code exercises the median run takes ${ms(spread[0]?.p50 ?? 0)}–${ms(spread.at(-1)?.p50 ?? 0)} ms (median of medians ${ms(median?.p50 ?? 0)} ms, \`${median?.id ?? ''}\`).

**Through the Worker (workerd via Miniflare, one connection, submissions one after another):**

| submission | count | req/s | p50 ms | p99 ms | workerd CPU per submission |
|---|---:|---:|---:|---:|---:|
${rows.map((row) => `| ${row.name} | ${row.count} | ${row.latency.perSecond.toFixed(1)} | ${ms(row.latency.p50)} | ${ms(row.latency.p99)} | ${row.cpuMs.toFixed(1)} ms |`).join('\n')}

${
  sandboxCpu === undefined
    ? ''
    : `Grading in workerd costs about ${sandboxCpu.toFixed(1)} ms of CPU per submission over a multiple-choice answer: on one core that is about ${(1000 / sandboxCpu).toFixed(0)} sandbox runs/s, and ${(1000 / (code?.cpuMs ?? 1)).toFixed(0)} whole code-exercise submissions/s (the attempt's transaction included).`
}`;
  console.log(text);
  await writeSection(join(ROOT, 'docs', 'benchmarks.md'), 'evaluator', text);
} finally {
  await db.end();
  await bench.close();
}
