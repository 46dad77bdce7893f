/**
 * Writes the foundation benchmark's section of docs/benchmarks.md, between markers, so
 * a re-run replaces its own figures and leaves other sections alone.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { LoadResult } from './load.ts';

export interface BenchRow extends LoadResult {
  name: string;
}

export interface BenchReport {
  rows: BenchRow[];
  rounds: number;
  durationSeconds: number;
  connections: number;
  environment: Record<string, string>;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Each measure's median over the rounds; counts (requests, non-2xx, errors) are summed. */
export function medianResult(runs: LoadResult[]): LoadResult {
  const sum = (pick: (run: LoadResult) => number) => runs.reduce((total, run) => total + pick(run), 0);
  return {
    url: runs[0]?.url ?? '',
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    latencyP50Ms: median(runs.map((run) => run.latencyP50Ms)),
    latencyP90Ms: median(runs.map((run) => run.latencyP90Ms)),
    latencyP99Ms: median(runs.map((run) => run.latencyP99Ms)),
    totalRequests: sum((run) => run.totalRequests),
    non2xx: sum((run) => run.non2xx),
    errors: sum((run) => run.errors),
    timeouts: sum((run) => run.timeouts),
    ...(runs.every((run) => run.serverCpuMicrosPerRequest !== undefined) && runs.length
      ? { serverCpuMicrosPerRequest: median(runs.map((run) => run.serverCpuMicrosPerRequest ?? 0)) }
      : {}),
  };
}

/** The issue's target: liveness within 1.3× of the bare Worker's median latency. */
export const HEALTH_TARGET_RATIO = 1.3;

function cpuSentence(floor?: BenchRow, twin?: BenchRow, health?: BenchRow): string {
  const f = floor?.serverCpuMicrosPerRequest;
  const h = health?.serverCpuMicrosPerRequest;
  if (f === undefined || h === undefined || f <= 0) return '';
  const t = twin?.serverCpuMicrosPerRequest;
  return ` workerd CPU per request, which a busy neighbour hardly moves: floor ${f.toFixed(0)} µs${
    t === undefined ? '' : `, wire twin ${t.toFixed(0)} µs`
  }, liveness ${h.toFixed(0)} µs (${(h / f).toFixed(2)}× the floor).`;
}

export function renderSection(report: BenchReport, date = new Date()): string {
  const row = (prefix: string) => report.rows.find((r) => r.name.startsWith(prefix));
  const floor = row('floor');
  const health = row('`GET /api/health`');
  const twin = row('wire twin');
  const ratio = floor && health && floor.latencyP50Ms > 0 ? health.latencyP50Ms / floor.latencyP50Ms : undefined;
  const verdict =
    ratio === undefined
      ? 'not computed'
      : `${ratio.toFixed(2)}× — ${ratio <= HEALTH_TARGET_RATIO ? 'meets' : 'misses'} the ${HEALTH_TARGET_RATIO}× target`;
  const table = report.rows
    .map(
      (row) =>
        `| ${row.name} | ${Math.round(row.requestsPerSecond)} | ${row.latencyP50Ms} | ${row.latencyP99Ms} | ${row.serverCpuMicrosPerRequest?.toFixed(0) ?? '–'} | ${row.totalRequests} | ${row.non2xx} | ${row.errors + row.timeouts} |`,
    )
    .join('\n');
  const env = Object.entries(report.environment)
    .map(([key, value]) => `${key}: ${value}`)
    .join('; ');
  return `## Platform foundation (\`npm run bench\`)

Run ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${report.connections} connections, ${report.rounds} rounds of ${report.durationSeconds} s per target (taking turns, after a warm-up; medians shown, counts summed), the Worker bundled as for deploy and served by workerd through Miniflare. ${env}.

| target | req/s | p50 ms | p99 ms | workerd CPU µs/req | requests | non-2xx | errors |
|---|---:|---:|---:|---:|---:|---:|---:|
${table}

Liveness p50 vs the floor's p50: ${verdict}.${
    twin && floor && health
      ? ` The wire twin (same bytes, no code) is at ${(twin.latencyP50Ms / floor.latencyP50Ms).toFixed(2)}× the floor's p50, our liveness at ${(health.latencyP50Ms / twin.latencyP50Ms).toFixed(2)}× the twin's: the first gap is what the response's bytes (security headers, JSON body) cost, the second what our code costs.`
      : ''
  }${cpuSentence(floor, twin, health)}`;
}

export async function writeBenchmarkSection(file: string, report: BenchReport): Promise<string> {
  return writeSection(file, 'foundation', renderSection(report));
}

/** Writes `body` between the `bench:<name>` markers of the file, replacing what was there. */
export async function writeSection(file: string, name: string, body: string): Promise<string> {
  const START = `<!-- bench:${name}:start -->`;
  const END = `<!-- bench:${name}:end -->`;
  const section = `${START}\n${body}\n${END}`;
  let text = existsSync(file)
    ? await readFile(file, 'utf8')
    : '# Benchmarks\n\nFigures written by `npm run bench`; each section is replaced when its benchmark runs again.\n';
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  text =
    start >= 0 && end > start
      ? text.slice(0, start) + section + text.slice(end + END.length)
      : `${text.trimEnd()}\n\n${section}\n`;
  await mkdir(dirname(file), { recursive: true });
  // Formatted as `npm run check` expects, so a fresh benchmark never turns CI red.
  await writeFile(file, await format(text, { ...(await resolveConfig(file)), filepath: file }));
  return file;
}
