/**
 * Brings up the stack once per `npm test`: Postgres (a fresh database on DATABASE_URL's
 * server, or in-memory PGlite), migrations, the Neon WebSocket proxy, the Upstash bridge
 * (REDIS_URL, or in-memory Redis, with a run-unique key prefix), and the Worker bundled
 * as for deploy and served by workerd. Everything it made is removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropDatabase, withDatabase } from '../ops/db/databases.ts';
import { startLocalStack } from '../ops/stack/local-stack.ts';
import { ROOT, bundleWorker, startWorkerRuntime } from '../ops/stack/worker-runtime.ts';
import { deleteKeysWithPrefix } from '../ops/stack/redis-keys.ts';
import './support/context.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const verbose = Boolean(process.env.TEST_VERBOSE);
  const databaseUrl = process.env.DATABASE_URL
    ? withDatabase(process.env.DATABASE_URL, `jeseci_test_${runId}`)
    : undefined;
  const redisPrefix = `jeseci:test:${runId}:`;
  const bundleDir = join(ROOT, '.build', `test-${runId}`);

  const stack = await startLocalStack({
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    ports: { pglite: 0, wsProxy: 0, redisBridge: 0 },
    redisToken: `test-${runId}`,
    redisPrefix,
    log: (service, line) => {
      if (verbose) console.log(`[${service}] ${line}`);
    },
  });
  const bundlePath = await bundleWorker(bundleDir);
  const workerBindings = { ...stack.workerBindings, EXPOSE_TEST_ROUTES: 'true' };
  const runtime = await startWorkerRuntime({ bundlePath, bindings: workerBindings, verbose });

  project.provide('stack', {
    runId,
    workerUrl: runtime.url.toString(),
    bundlePath,
    workerBindings,
    databaseUrl: stack.databaseUrl,
    embeddedDatabase: stack.embeddedDatabase,
    redisBackend: stack.redisBackend,
  });

  return async () => {
    await runtime.close();
    await stack.close();
    if (process.env.REDIS_URL) await deleteKeysWithPrefix(process.env.REDIS_URL, redisPrefix);
    if (databaseUrl) await dropDatabase(databaseUrl);
    await rm(bundleDir, { recursive: true, force: true });
    // The web app builds of the browser suites (test/support/web-app.ts), one per test process.
    for (const entry of await readdir(join(ROOT, '.build')).catch(() => [] as string[])) {
      if (entry.startsWith(`web-${runId}-`)) await rm(join(ROOT, '.build', entry), { recursive: true, force: true });
    }
  };
}
