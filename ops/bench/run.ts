/**
 * `npm run bench [-- --duration 10 --connections 50]`: drives load at the Worker served by
 * workerd through Miniflare (not `wrangler dev`, whose proxy drops requests under load),
 * next to a bare Worker on the same runtime (the floor), and writes the figures to
 * docs/benchmarks.md. Uses DATABASE_URL / REDIS_URL when set, the embedded ones otherwise.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { Miniflare, convertV4MiniflareOptions, Log, LogLevel } from 'miniflare';
import { dropDatabase, withDatabase } from '../db/databases.ts';
import { startLocalStack } from '../stack/local-stack.ts';
import { ROOT, bundleWorker, startWorkerRuntime } from '../stack/worker-runtime.ts';
import { deleteKeysWithPrefix } from '../stack/redis-keys.ts';
import type { LoadJob, LoadResult } from './load.ts';
import { writeBenchmarkSection, type BenchRow } from './report.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '2' },
  },
});
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);
const warmupSeconds = Number(values.warmup);

async function load(job: LoadJob): Promise<LoadResult> {
  const { stdout } = await promisify(execFile)(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [join(ROOT, 'ops', 'bench', 'load.ts'), JSON.stringify(job)],
    {
      cwd: ROOT,
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as LoadResult;
}

async function startFloor(): Promise<{ url: URL; close(): Promise<void> }> {
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      name: 'floor',
      modules: true,
      scriptPath: join(ROOT, 'ops', 'bench', 'floor-worker.js'),
      compatibilityDate: '2026-11-01',
      compatibilityFlags: ['nodejs_compat'],
      host: '127.0.0.1',
      port: 0,
      cf: false,
      log: new Log(LogLevel.WARN),
    }),
  );
  return { url: await miniflare.ready, close: () => miniflare.dispose() };
}

const runId = randomBytes(4).toString('hex');
const databaseUrl = process.env.DATABASE_URL
  ? withDatabase(process.env.DATABASE_URL, `jeseci_bench_${runId}`)
  : undefined;
const redisPrefix = `jeseci:bench:${runId}:`;
const stack = await startLocalStack({
  ...(databaseUrl ? { databaseUrl } : {}),
  ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
  ports: { pglite: 0, wsProxy: 0, redisBridge: 0 },
  redisToken: `bench-${runId}`,
  redisPrefix,
  log: (service, line) => console.log(`[${service}] ${line}`),
});
const bundlePath = await bundleWorker(join(ROOT, '.build', `bench-${runId}`));
const worker = await startWorkerRuntime({ bundlePath, bindings: stack.workerBindings });
const floor = await startFloor();

const targets: { name: string; url: string; rotateClientIp: boolean }[] = [
  {
    name: 'floor: bare Worker `() => new Response("ok")`',
    url: new URL('/', floor.url).toString(),
    rotateClientIp: false,
  },
  { name: '`GET /api/health` (no I/O)', url: new URL('/api/health', worker.url).toString(), rotateClientIp: false },
  {
    name: '`GET /api/health/ready` (Postgres + Redis round trips)',
    url: new URL('/api/health/ready', worker.url).toString(),
    rotateClientIp: false,
  },
  {
    name: '`GET /api/version` (rate-limited read, one client IP per request)',
    url: new URL('/api/version', worker.url).toString(),
    rotateClientIp: true,
  },
];

const rows: BenchRow[] = [];
try {
  for (const target of targets) {
    console.log(
      `[bench] ${target.name}: ${warmupSeconds} s warm-up, then ${durationSeconds} s at ${connections} connections`,
    );
    await load({ url: target.url, connections, durationSeconds: warmupSeconds, rotateClientIp: target.rotateClientIp });
    const result = await load({ url: target.url, connections, durationSeconds, rotateClientIp: target.rotateClientIp });
    console.log(
      `[bench]   ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
    rows.push({ name: target.name, ...result });
  }
} finally {
  await floor.close();
  await worker.close();
  await stack.close();
  if (process.env.REDIS_URL) await deleteKeysWithPrefix(process.env.REDIS_URL, redisPrefix);
  if (databaseUrl) await dropDatabase(databaseUrl);
}

const file = await writeBenchmarkSection(join(ROOT, 'docs', 'benchmarks.md'), {
  rows,
  durationSeconds,
  connections,
  environment: {
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    node: process.version,
    database: stack.embeddedDatabase ? 'embedded PGlite' : 'PostgreSQL (DATABASE_URL)',
    redis:
      stack.redisBackend === 'redis'
        ? 'Redis (REDIS_URL) via the Upstash bridge'
        : 'in-memory Redis via the Upstash bridge',
  },
});
console.log(`[bench] results written to ${file}`);
