/**
 * One load run with wrk (Debian's `wrk` package), preferred over autocannon when present:
 * it is C, so on a 2-core machine it takes less CPU from the server it measures, and it
 * reports latency below a millisecond. Parses wrk's `--latency` report into a LoadResult.
 */
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { LoadJob, LoadResult } from './load.ts';

const ROTATE_SCRIPT = fileURLToPath(new URL('./rotate-client-ip.lua', import.meta.url));

export function wrkAvailable(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

/** wrk prints durations as `812.00us`, `8.21ms` or `1.02s`. */
export function toMilliseconds(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) throw new Error(`unreadable wrk duration "${text}"`);
  const value = Number(match[1]);
  return { us: value / 1000, ms: value, s: value * 1000, m: value * 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
}

export function parseWrkReport(url: string, report: string): LoadResult {
  const percentile = (p: string) => {
    const match = new RegExp(`^\\s*${p}%\\s+(\\S+)`, 'm').exec(report);
    if (!match?.[1]) throw new Error(`wrk report has no ${p}th percentile:\n${report}`);
    return toMilliseconds(match[1]);
  };
  const number = (pattern: RegExp) => Number(pattern.exec(report)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(report);
  return {
    url,
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    latencyP50Ms: percentile('50'),
    latencyP90Ms: percentile('90'),
    latencyP99Ms: percentile('99'),
    totalRequests: number(/(\d+) requests in/),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/),
    errors: socketErrors ? Number(socketErrors[1]) + Number(socketErrors[2]) + Number(socketErrors[3]) : 0,
    timeouts: socketErrors ? Number(socketErrors[4]) : 0,
  };
}

export async function runWrk(job: LoadJob): Promise<LoadResult> {
  // A generous timeout: a slow answer must show in the percentiles, not vanish as a timeout.
  const args = ['-t1', `-c${job.connections}`, `-d${job.durationSeconds}s`, '--latency', '--timeout', '30s'];
  if (job.script) args.push('-s', job.script);
  else if (job.rotateClientIp) args.push('-s', ROTATE_SCRIPT);
  else args.push('-H', 'cf-connecting-ip: 2001:db8::1');
  const { stdout } = await promisify(execFile)('wrk', [...args, job.url], { maxBuffer: 1 << 20 });
  return parseWrkReport(job.url, stdout);
}
