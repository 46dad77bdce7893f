/**
 * `npm run bench [-- --duration 10 --connections 50]`: drives load at the Worker served by
 * workerd through Miniflare (not `wrangler dev`, whose proxy drops requests under load),
 * next to a bare Worker on the same runtime (the floor), and writes the figures to
 * docs/benchmarks.md. Uses DATABASE_URL / REDIS_URL when set, the embedded ones otherwise.
 */
import { execFile } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { Miniflare, convertV4MiniflareOptions, Log, LogLevel } from 'miniflare';
import { ROOT } from '../stack/worker-runtime.ts';
import { startBenchStack } from './bench-stack.ts';
import type { LoadJob, LoadResult } from './load.ts';
import { medianResult, writeBenchmarkSection, type BenchRow } from './report.ts';
import { runWrk, wrkAvailable } from './wrk.ts';
import { cpuMilliseconds, withWorkerdPid } from './cpu.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
    /** `wrk` (default when installed: apt-get install wrk) or `autocannon`. */
    tool: { type: 'string' },
    /** Comma-separated subset of target keys (floor,twin,health,ready,version); all by default. */
    only: { type: 'string' },
  },
});
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);
const warmupSeconds = Number(values.warmup);
const rounds = Number(values.rounds);
for (const [name, value] of Object.entries({ durationSeconds, connections, warmupSeconds, rounds })) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`[bench] ${name} must be a positive whole number`);
    process.exit(2);
  }
}

const tool = values.tool ?? (wrkAvailable() ? 'wrk' : 'autocannon');
if (tool !== 'wrk' && tool !== 'autocannon') {
  console.error('[bench] --tool must be wrk or autocannon');
  process.exit(2);
}

async function load(job: LoadJob): Promise<LoadResult> {
  if (tool === 'wrk') return runWrk(job);
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

async function startBareWorker(
  script: string,
  bindings: Record<string, string> = {},
): Promise<{ url: URL; close(): Promise<void> }> {
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      workers: [
        {
          name: 'floor',
          modules: true,
          scriptPath: join(ROOT, 'ops', 'bench', script),
          compatibilityDate: '2026-11-01',
          compatibilityFlags: ['nodejs_compat'],
          bindings,
        },
      ],
      host: '127.0.0.1',
      port: 0,
      cf: false,
      log: new Log(LogLevel.WARN),
    }),
  );
  return { url: await miniflare.ready, close: () => miniflare.dispose() };
}

/** Our liveness answer's headers and body, for the wire twin to replay. */
async function captureLiveness(url: URL): Promise<Record<string, string>> {
  const res = await fetch(new URL('/api/health', url));
  const headers = Object.fromEntries([...res.headers].filter(([name]) => !['date', 'content-length'].includes(name)));
  return { HEADERS: JSON.stringify(headers), BODY: await res.text() };
}

const {
  stack,
  worker,
  workerPid,
  close: closeStack,
} = await startBenchStack((service, line) => console.log(`[${service}] ${line}`));
const { value: floor, pid: floorPid } = await withWorkerdPid(() => startBareWorker('floor-worker.js'));
const liveness = await captureLiveness(worker.url);
const { value: twin, pid: twinPid } = await withWorkerdPid(() => startBareWorker('wire-twin-worker.js', liveness));

const allTargets: { key: string; name: string; url: string; rotateClientIp: boolean; pid: number | undefined }[] = [
  {
    key: 'floor',
    pid: floorPid,
    name: 'floor: bare Worker `() => new Response("ok")`',
    url: new URL('/', floor.url).toString(),
    rotateClientIp: false,
  },
  {
    key: 'twin',
    pid: twinPid,
    name: "wire twin: the floor answering with liveness's exact headers and body",
    url: new URL('/', twin.url).toString(),
    rotateClientIp: false,
  },
  {
    key: 'health',
    pid: workerPid,
    name: '`GET /api/health` (no I/O)',
    url: new URL('/api/health', worker.url).toString(),
    rotateClientIp: false,
  },
  {
    key: 'ready',
    pid: workerPid,
    name: '`GET /api/health/ready` (Postgres + Redis round trips)',
    url: new URL('/api/health/ready', worker.url).toString(),
    rotateClientIp: false,
  },
  {
    key: 'version',
    pid: workerPid,
    name: '`GET /api/version` (rate-limited read, one client IP per request)',
    url: new URL('/api/version', worker.url).toString(),
    rotateClientIp: true,
  },
];

const only = values.only?.split(',').map((key) => key.trim());
const targets = only ? allTargets.filter((target) => only.includes(target.key)) : allTargets;

const results = new Map<string, LoadResult[]>(targets.map((target) => [target.key, []]));
try {
  for (const target of targets) {
    console.log(`[bench] ${target.name}: ${warmupSeconds} s warm-up`);
    await load({ url: target.url, connections, durationSeconds: warmupSeconds, rotateClientIp: target.rotateClientIp });
  }
  // Targets take turns, round after round, so drift on a shared machine (another process,
  // a thermal change) touches each of them alike; each figure is the median of its rounds.
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) {
      const cpuBefore = target.pid ? cpuMilliseconds(target.pid) : undefined;
      const measured = await load({
        url: target.url,
        connections,
        durationSeconds,
        rotateClientIp: target.rotateClientIp,
      });
      const cpuMs = target.pid && cpuBefore !== undefined ? cpuMilliseconds(target.pid) - cpuBefore : undefined;
      const result: LoadResult =
        cpuMs !== undefined && measured.totalRequests > 0
          ? { ...measured, serverCpuMicrosPerRequest: (cpuMs * 1000) / measured.totalRequests }
          : measured;
      console.log(
        `[bench] round ${round}/${rounds} ${target.key}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, workerd CPU ${result.serverCpuMicrosPerRequest?.toFixed(0) ?? '?'} µs/request, non-2xx ${result.non2xx}, errors ${result.errors}`,
      );
      results.get(target.key)?.push(result);
    }
  }
} finally {
  await floor.close();
  await twin.close();
  await closeStack();
}

if (only) {
  console.log('[bench] a subset of targets was run (--only): docs/benchmarks.md left as it was');
  process.exit(0);
}
const rows: BenchRow[] = targets.map((target) => ({
  name: target.name,
  ...medianResult(results.get(target.key) ?? []),
}));
const file = await writeBenchmarkSection(join(ROOT, 'docs', 'benchmarks.md'), {
  rows,
  rounds,
  durationSeconds,
  connections,
  environment: {
    'load generator': tool === 'wrk' ? 'wrk (1 thread)' : 'autocannon (own process)',
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
