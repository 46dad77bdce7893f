/**
 * The CLI entry as a developer runs it: env configuration, the printed URL, a clear error for
 * a busy port, and a clean exit on Ctrl-C (SIGINT).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { startRedisBridge } from './index.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

function runCli(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitFor(check: () => RegExpMatchArray | null, timeoutMs = 15_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = check();
    if (match) return match;
    if (Date.now() > deadline) throw new Error('timed out waiting for CLI output');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('main.ts CLI', () => {
  test('prints the URL and token, serves requests, and exits 0 on SIGINT', async () => {
    const cli = runCli({ REDIS_BRIDGE_PORT: '0', UPSTASH_REDIS_REST_TOKEN: 'cli-token' });
    try {
      const [, url] = await waitFor(() => cli.output().match(/UPSTASH_REDIS_REST_URL=(http:\/\/127\.0\.0\.1:\d+)/));
      expect(cli.output()).toContain('UPSTASH_REDIS_REST_TOKEN=cli-token');
      const res = await fetch(`${url}/`, {
        method: 'POST',
        headers: { authorization: 'Bearer cli-token' },
        body: '["ECHO","hi"]',
      });
      expect(await res.json()).toEqual({ result: 'hi' });
      cli.child.kill('SIGINT');
      expect(await cli.exit).toBe(0);
      expect(cli.output()).toContain('SIGINT received, closing');
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    }
  });

  test('a busy port exits 1 with a message naming the port', async () => {
    const busy = await startRedisBridge({ port: 0, token: 't' });
    try {
      const cli = runCli({ REDIS_BRIDGE_PORT: String(busy.port) });
      expect(await cli.exit).toBe(1);
      expect(cli.output()).toContain(
        `Upstash REST bridge: port ${busy.port} is already in use. Stop whatever uses it, or set REDIS_BRIDGE_PORT to another port.`,
      );
      expect(cli.output()).not.toMatch(/\n\s+at /);
    } finally {
      await busy.close();
    }
  });
});
