/**
 * Running the external commands the operations tools drive (wrangler, pg_dump, npm, git):
 * either streamed to the terminal, or captured for parsing. Never through a shell, so an
 * argument is never re-split or expanded.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The project's own wrangler, whatever is on PATH. */
export const WRANGLER = join(REPO_ROOT, 'node_modules', '.bin', 'wrangler');

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Capture stdout/stderr instead of passing them through to the terminal. */
  capture?: boolean;
  /** Written to the command's standard input (then closed). */
  input?: string;
}

export type Exec = (argv: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

export const exec: Exec = (argv, options = {}) =>
  new Promise((resolve, reject) => {
    const [command, ...args] = argv;
    if (!command) {
      reject(new Error('exec: empty command'));
      return;
    }
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? process.env,
      stdio: [
        options.input === undefined ? 'ignore' : 'pipe',
        options.capture ? 'pipe' : 'inherit',
        options.capture ? 'pipe' : 'inherit',
      ],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    if (options.input !== undefined) child.stdin?.end(options.input);
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`${command}: command not found`) : error),
    );
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });

/** Runs a command and fails with its output when it exits non-zero. */
export async function execOrThrow(argv: readonly string[], options: ExecOptions = {}, run: Exec = exec) {
  const result = await run(argv, options);
  if (result.code !== 0) {
    const output = (result.stderr || result.stdout).trim().split('\n').slice(-15).join('\n');
    throw new Error(`\`${argv.join(' ')}\` exited with ${result.code}${output ? `:\n${output}` : ''}`);
  }
  return result;
}
