/**
 * What every benchmark stands on: the local stack on its own database and Redis key
 * prefix (real servers when DATABASE_URL / REDIS_URL are set), the Worker bundled as for
 * deploy and served by workerd, and the pid of that workerd for CPU readings. `close`
 * removes everything the run created.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { dropDatabase, withDatabase } from '../db/databases.ts';
import { startLocalStack, type LocalStack } from '../stack/local-stack.ts';
import { deleteKeysWithPrefix } from '../stack/redis-keys.ts';
import { ROOT, bundleWorker, startWorkerRuntime, type WorkerRuntime } from '../stack/worker-runtime.ts';
import { withWorkerdPid } from './cpu.ts';
import { startPgBouncer } from './pgbouncer.ts';

export interface BenchStack {
  stack: LocalStack;
  /** Whether the Worker reached Postgres through PgBouncer. */
  pooled: boolean;
  worker: WorkerRuntime;
  workerPid: number | undefined;
  close(): Promise<void>;
}

export async function startBenchStack(
  log: (service: string, line: string) => void,
  options: { pooler?: boolean } = {},
): Promise<BenchStack> {
  const runId = randomBytes(4).toString('hex');
  const databaseUrl = process.env.DATABASE_URL
    ? withDatabase(process.env.DATABASE_URL, `jeseci_bench_${runId}`)
    : undefined;
  const redisPrefix = `jeseci:bench:${runId}:`;
  const pooler = options.pooler && databaseUrl ? await startPgBouncer(databaseUrl) : undefined;
  if (pooler) log('db', `PgBouncer (transaction mode) in front of Postgres at ${pooler.url.replace(/^.*@/, '')}`);
  const stack = await startLocalStack({
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(pooler ? { poolerUrl: pooler.url } : {}),
    ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    ports: { pglite: 0, wsProxy: 0, redisBridge: 0 },
    redisToken: `bench-${runId}`,
    redisPrefix,
    log,
  });
  const bundlePath = await bundleWorker(join(ROOT, '.build', `bench-${runId}`));
  const { value: worker, pid: workerPid } = await withWorkerdPid(() =>
    startWorkerRuntime({ bundlePath, bindings: stack.workerBindings }),
  );
  return {
    stack,
    pooled: pooler !== undefined,
    worker,
    workerPid,
    close: async () => {
      await worker.close();
      await stack.close();
      await pooler?.close();
      if (process.env.REDIS_URL) await deleteKeysWithPrefix(process.env.REDIS_URL, redisPrefix);
      if (databaseUrl) await dropDatabase(databaseUrl);
    },
  };
}
