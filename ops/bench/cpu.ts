/**
 * Server CPU per request: the CPU time a workerd process used during a run, divided by
 * the requests it served. Unlike latency under load, it hardly moves when the machine's
 * neighbours are busy, so it compares the cost of two Workers fairly on a shared box.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** workerd processes this process started (Miniflare spawns one per instance). */
export function workerdChildren(): Set<number> {
  try {
    const out = execFileSync('pgrep', ['-P', String(process.pid), '-x', 'workerd']).toString();
    return new Set(out.split('\n').filter(Boolean).map(Number));
  } catch {
    return new Set(); // pgrep exits 1 when nothing matches
  }
}

/** Runs `start` and returns what it returns plus the pid of the workerd it spawned. */
export async function withWorkerdPid<T>(start: () => Promise<T>): Promise<{ value: T; pid: number | undefined }> {
  const before = workerdChildren();
  const value = await start();
  const pid = [...workerdChildren()].find((candidate) => !before.has(candidate));
  return { value, pid };
}

/** User + system CPU time of a process so far, in milliseconds (Linux /proc). */
export function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at "state"; utime and
  // stime are fields 14 and 15 of the whole line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
