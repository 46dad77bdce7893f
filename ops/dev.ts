/**
 * `npm run dev`: the whole platform in one terminal. Starts the data side of the local
 * stack (ops/stack/local-stack.ts), then `wrangler dev` (Worker + Durable Objects), then
 * the frontend's Vite server, which serves the app and passes /api/* (WebSockets too) to
 * the Worker so the browser sees one origin, as in production. Ctrl-C stops everything.
 */
import { join } from 'node:path';
import { startLocalStack, type LocalStack } from './stack/local-stack.ts';
import { PortInUseError, assertPortFree, portFromEnv } from './stack/ports.ts';
import { startProcess, waitForHttp, type ManagedProcess } from './stack/processes.ts';
import { ROOT } from './stack/worker-runtime.ts';

const COLORS: Record<string, string> = { db: '34', proxy: '36', redis: '31', worker: '33', web: '35', dev: '32' };
const useColor = process.stdout.isTTY;
function log(service: string, line: string): void {
  const tag = `[${service}]`.padEnd(9);
  console.log(useColor ? `\x1b[${COLORS[service] ?? '0'}m${tag}\x1b[0m ${line}` : `${tag} ${line}`);
}

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

async function main(): Promise<void> {
  const ports = {
    web: portFromEnv('PORT', 5173),
    worker: portFromEnv('WORKER_PORT', 8787),
    pglite: portFromEnv('PGLITE_PORT', 5433),
    wsProxy: portFromEnv('WS_PROXY_PORT', 5480),
    redisBridge: portFromEnv('REDIS_BRIDGE_PORT', 8079),
  };
  const children: ManagedProcess[] = [];
  let stack: LocalStack | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('dev', 'stopping…');
    await Promise.all(children.map((child) => child.stop()));
    await stack?.close();
    log('dev', 'stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    // wrangler and Vite would report a busy port in their own words, or (worse) we would
    // wait on whatever else answers there; check both first and say what to change.
    await assertPortFree({
      port: ports.worker,
      host: '127.0.0.1',
      name: 'Worker (wrangler dev)',
      envVar: 'WORKER_PORT',
    });
    await assertPortFree({ port: ports.web, host: 'localhost', name: 'Frontend (Vite)', envVar: 'PORT' });
    stack = await startLocalStack({
      ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
      ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
      pgliteDir: join(ROOT, '.data', 'pglite'),
      ports,
      redisToken: process.env.UPSTASH_REDIS_REST_TOKEN || 'local-dev-token',
      redisPrefix: 'jeseci:dev:',
      log,
    });

    // Locally Prometheus (or curl) scrapes /api/metrics with this token; production sets a secret.
    const bindings = { ...stack.workerBindings, METRICS_TOKEN: process.env.METRICS_TOKEN || 'local-dev-metrics-token' };
    const vars = Object.entries(bindings).flatMap(([name, value]) => ['--var', `${name}:${value}`]);
    const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', FORCE_COLOR: useColor ? '1' : '0' };
    const worker = startProcess(
      'worker',
      bin('wrangler'),
      [
        'dev',
        '--port',
        String(ports.worker),
        '--ip',
        '127.0.0.1',
        '--persist-to',
        join(ROOT, '.data', 'wrangler'),
        '--show-interactive-dev-session=false',
        ...vars,
      ],
      { cwd: ROOT, env, log: (line) => log('worker', line) },
    );
    children.push(worker);
    const workerUrl = `http://127.0.0.1:${ports.worker}`;
    await waitForHttp(`${workerUrl}/api/health`, 60_000, () => worker.child.exitCode === null);

    const web = startProcess(
      'web',
      bin('vite'),
      ['--config', join(ROOT, 'frontend', 'vite.config.ts'), '--port', String(ports.web), '--strictPort'],
      {
        cwd: ROOT,
        env: { ...env, JESECI_API_URL: workerUrl },
        log: (line) => log('web', line),
      },
    );
    children.push(web);
    await waitForHttp(`http://localhost:${ports.web}/`, 60_000, () => web.child.exitCode === null);

    for (const child of children) {
      void child.exited.then((code) => {
        if (!stopping) {
          log('dev', `${child.name} exited (code ${code}); stopping the rest`);
          void shutdown(1);
        }
      });
    }
    log('dev', `Jeseci is running. Open http://localhost:${ports.web}`);
  } catch (err) {
    log(
      'dev',
      err instanceof PortInUseError
        ? err.message
        : `could not start: ${err instanceof Error ? err.message : String(err)}`,
    );
    await shutdown(1);
  }
}

await main();
