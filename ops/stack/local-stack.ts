/**
 * The data side of the local stack, shared by `npm run dev`, the test suites and the
 * benchmarks: Postgres (DATABASE_URL, or embedded PGlite), migrations and the course
 * content of content/, the WebSocket proxy
 * the Neon driver needs, and the Upstash REST bridge (REDIS_URL, or in-memory Redis).
 * It returns the bindings the Worker needs to reach all of it.
 */
import { ensureDatabase } from '../db/databases.ts';
import { startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { describeSeed, loadContent } from '../content/load-content.ts';
import { startRedisBridge } from '../redis-bridge/index.ts';
import { startWsProxy } from '../ws-proxy/ws-proxy.ts';

export interface LocalStackOptions {
  /** A real Postgres; when unset an embedded PGlite is started. */
  databaseUrl?: string;
  /** A real Redis; when unset the bridge's in-memory Redis is used. */
  redisUrl?: string;
  /**
   * What the Worker connects to, when not the database itself: a connection pooler in front
   * of it, as Neon's pooled endpoint is in production (the benchmarks use PgBouncer).
   */
  poolerUrl?: string;
  /** Where PGlite keeps its files; in memory when unset. */
  pgliteDir?: string;
  ports: { pglite: number; wsProxy: number; redisBridge: number };
  redisToken: string;
  redisPrefix: string;
  log: (service: 'db' | 'proxy' | 'redis', line: string) => void;
}

export interface LocalStack {
  databaseUrl: string;
  embeddedDatabase: boolean;
  redisBackend: 'redis' | 'memory';
  /** Secrets and local overrides for the Worker: DATABASE_URL, NEON_WS_PROXY, UPSTASH_*, REDIS_PREFIX. */
  workerBindings: Record<string, string>;
  close(): Promise<void>;
}

/** `host:port` of a Postgres URL, as the Neon driver puts it in the proxy's `address`. */
export function postgresTarget(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || '5432'}`;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => {});
  };
  try {
    let databaseUrl: string;
    if (options.databaseUrl) {
      databaseUrl = options.databaseUrl;
      if (await ensureDatabase(databaseUrl))
        options.log('db', `created database ${new URL(databaseUrl).pathname.slice(1)}`);
      options.log('db', `using Postgres at ${postgresTarget(databaseUrl)}`);
    } else {
      const embedded = await startEmbeddedPostgres({ port: options.ports.pglite, dataDir: options.pgliteDir });
      closers.push(embedded.close);
      databaseUrl = embedded.url;
      options.log(
        'db',
        `embedded Postgres (PGlite) on port ${embedded.port}, data in ${options.pgliteDir ?? 'memory'}`,
      );
    }

    const { applied, total } = await migrateDatabase(databaseUrl);
    options.log(
      'db',
      applied ? `applied ${applied} migration(s), ${total} in all` : `schema up to date (${total} migrations)`,
    );
    options.log('db', `content: ${describeSeed(await loadContent(databaseUrl))}`);

    const proxy = await startWsProxy({
      port: options.ports.wsProxy,
      allowedTargets: [postgresTarget(databaseUrl), ...(options.poolerUrl ? [postgresTarget(options.poolerUrl)] : [])],
      log: (line) => options.log('proxy', line),
    });
    closers.push(proxy.close);
    options.log('proxy', `Neon WebSocket proxy on ${proxy.address}`);

    const bridge = await startRedisBridge({
      port: options.ports.redisBridge,
      token: options.redisToken,
      ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
      log: (line) => options.log('redis', line),
    });
    closers.push(bridge.close);

    return {
      databaseUrl,
      embeddedDatabase: !options.databaseUrl,
      redisBackend: bridge.backend,
      workerBindings: {
        DATABASE_URL: options.poolerUrl ?? databaseUrl,
        NEON_WS_PROXY: proxy.address,
        UPSTASH_REDIS_REST_URL: bridge.url,
        UPSTASH_REDIS_REST_TOKEN: options.redisToken,
        REDIS_PREFIX: options.redisPrefix,
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
