/**
 * The built frontend served as Pages would serve it, for browser tests: `vite build` once
 * per run, then `vite preview` with the security headers of `frontend/public/_headers` (so
 * pages run under the real Content-Security-Policy) and /api/* (WebSockets too) passed to
 * the Worker under test, so the browser sees one origin.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { preview, type PreviewServer } from 'vite';
import { inject } from 'vitest';
import { ROOT } from '../../ops/stack/worker-runtime.ts';

const FRONTEND = join(ROOT, 'frontend');

/** The headers `_headers` gives every page (its `/*` block). */
export function pageHeaders(headersFile = join(FRONTEND, 'public', '_headers')): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAllPages = false;
  for (const line of readFileSync(headersFile, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      inAllPages = line.trim() === '/*';
      continue;
    }
    const separator = line.indexOf(':');
    if (inAllPages && separator > 0) headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return headers;
}

/**
 * Where this test process builds the app: a folder of its own, so two runs (or a run and a
 * developer's `npm run build`) never empty each other's `dist` halfway through.
 */
const OUT_DIR = join(ROOT, '.build', `web-${inject('stack').runId}-${process.pid}`);

let built: Promise<void> | undefined;

/** Builds the app into OUT_DIR (once per test process). */
export function buildFrontend(): Promise<void> {
  built ??= promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'vite'), [
    'build',
    '--config',
    join(FRONTEND, 'vite.config.ts'),
    '--outDir',
    OUT_DIR,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]).then(() => undefined);
  return built;
}

export interface WebApp {
  url: string;
  close(): Promise<void>;
}

export async function startWebApp(apiUrl: string): Promise<WebApp> {
  await buildFrontend();
  const server: PreviewServer = await preview({
    configFile: join(FRONTEND, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: {
      host: 'localhost',
      port: 0,
      strictPort: false,
      headers: pageHeaders(),
      proxy: { '/api': { target: apiUrl, ws: true, changeOrigin: false } },
    },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('vite preview did not listen on a port');
  return {
    url: `http://localhost:${address.port}`,
    close: async () => {
      await server.close();
    },
  };
}
