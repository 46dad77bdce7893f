/**
 * Postgres for one request: a Neon serverless `Pool` wrapped by drizzle. Workers must not
 * share a pool across requests (its sockets belong to the request that opened them), so
 * every request gets its own and closes it in `waitUntil` once the response is sent.
 */
import { Pool, neonConfig } from '@neondatabase/serverless';
import { drizzle } from 'drizzle-orm/neon-serverless';
import * as schema from './schema';
import type { Database } from './types';

export type { Database, Queryable, Transaction } from './types';

export interface DatabaseHandle {
  db: Database;
  /** Ends the pool; safe to call more than once. */
  close(): Promise<void>;
}

let configuredProxy: string | undefined;

/**
 * Locally there is no Neon endpoint: the driver's WebSocket goes to ops/ws-proxy, which
 * opens the TCP connection to Postgres. Plain `ws://` and no pipelining, since the proxy
 * does not terminate TLS and real Postgres does not expect pipelined startup.
 */
function useLocalProxy(proxy: string): void {
  if (configuredProxy === proxy) return;
  neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
  configuredProxy = proxy;
}

type DatabaseEnv = Pick<Env, 'DATABASE_URL' | 'NEON_WS_PROXY' | 'DB_CONNECT_TIMEOUT_MS'>;

/** How long a request waits for its connection before failing: Neon answers well within it. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

/**
 * The wait from `DB_CONNECT_TIMEOUT_MS`, else the default. The local stack sets it longer:
 * there one workerd isolate serves every request, and a class signing in at once (a scrypt
 * verify is ~280 ms of CPU on the isolate's thread) can hold up a connection's handshake
 * past 5 s on a busy machine, failing sign-ins that would only have been slow.
 */
export function connectTimeoutMs(env: Pick<Env, 'DB_CONNECT_TIMEOUT_MS'>): number {
  const configured = Number(env.DB_CONNECT_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_CONNECT_TIMEOUT_MS;
}

export function openDatabase(env: DatabaseEnv): DatabaseHandle {
  if (env.NEON_WS_PROXY) useLocalProxy(env.NEON_WS_PROXY);
  // One connection is enough for a request; it keeps the per-request cost flat.
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 1, connectionTimeoutMillis: connectTimeoutMs(env) });
  // A dropped connection surfaces on the query that used it; this keeps an idle-socket
  // error from becoming an unhandled rejection that kills the request.
  pool.on('error', () => {});
  let closed = false;
  return {
    db: drizzle({ client: pool, schema }),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/**
 * The per-request handle the `init` middleware puts on `c.var`: the pool and drizzle
 * instance are built on the first use of `db`, not for every request. Building them costs
 * about 250 µs of CPU (drizzle derives its relational config from the whole schema), which
 * routes that never touch Postgres (rate-limited reads, docs, 404s) should not pay.
 */
export function openDatabaseOnFirstUse(env: DatabaseEnv): DatabaseHandle {
  let handle: DatabaseHandle | undefined;
  const open = () => (handle ??= openDatabase(env));
  const db = new Proxy({} as Database, {
    get(_target, property) {
      const instance = open().db;
      const value: unknown = Reflect.get(instance, property, instance);
      // Methods run against the real instance, so drizzle's `this` is never the proxy.
      return typeof value === 'function' ? value.bind(instance) : value;
    },
  });
  return { db, close: async () => handle?.close() };
}
