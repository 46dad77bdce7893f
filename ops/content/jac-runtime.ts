/**
 * The Jac runtime, as a shell around jaclang's `jac` command: finding it (env JAC, else
 * `jac` on PATH) and running one program in a fresh temporary directory, because jac
 * writes caches next to the file it runs and programs must not see each other's.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { JacRun } from './jac-outcome.ts';

export type RuntimeLookup =
  { found: true; jac: string; from: 'JAC' | 'PATH' } | { found: false; reason: string; misconfigured: boolean };

/** A program's run takes about a second; twenty means it is stuck (an endless walk, say). */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Enough for any course example; a runaway print loop is cut off rather than buffered. */
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

export async function findJacRuntime(env: NodeJS.ProcessEnv = process.env): Promise<RuntimeLookup> {
  const configured = env.JAC?.trim();
  if (configured) {
    const jac = isAbsolute(configured) ? configured : resolve(configured);
    return (await isExecutable(jac))
      ? { found: true, jac, from: 'JAC' }
      : { found: false, reason: `JAC=${configured} is not an executable file`, misconfigured: true };
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const jac = join(dir, 'jac');
    if (await isExecutable(jac)) return { found: true, jac, from: 'PATH' };
  }
  return { found: false, reason: 'no Jac runtime: JAC is not set and there is no jac on PATH', misconfigured: false };
}

/** Runs `source` as a program with `jac run`; never rejects for what the program does. */
export async function runJacProgram(jac: string, source: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<JacRun> {
  // realpath: jac names the file by its real path in messages (macOS's /tmp is a symlink).
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'jeseci-jac-')));
  const programPath = join(dir, 'program.jac');
  try {
    await writeFile(programPath, source.endsWith('\n') ? source : `${source}\n`);
    return await new Promise<JacRun>((done) => {
      execFile(
        jac,
        ['run', programPath],
        { cwd: dir, timeout: timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, env: { ...process.env, NO_COLOR: '1' } },
        (error, stdout, stderr) => {
          // A string code is Node's own ("ENOENT", "ERR_CHILD_PROCESS_STDIO_MAXBUFFER"): no run.
          const notRun = typeof error?.code === 'string' ? error.message : undefined;
          const timedOut = !notRun && error?.killed === true && error.signal === 'SIGTERM';
          const exitCode = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          done({ programPath, stdout, stderr, exitCode, timedOut, timeoutMs, ...(notRun && { notRun }) });
        },
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Maps `work` over `inputs`, at most `limit` at a time, results in input order. */
export async function mapWithLimit<T, R>(
  inputs: readonly T[],
  limit: number,
  work: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(inputs.length);
  // One iterator shared by every worker: each takes the next input as soon as it is free.
  const queue = inputs.entries();
  async function worker(): Promise<void> {
    for (const [index, input] of queue) results[index] = await work(input, index);
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
  return results;
}
