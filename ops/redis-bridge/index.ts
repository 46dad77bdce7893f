/**
 * Public API of the Upstash-compatible Redis REST bridge: start it, learn its URL, simulate
 * an outage, close it. Wiring only; the protocol, HTTP and backends live in their modules.
 */
import type { Server } from 'node:http';
import { createBackend, type Backend } from './backend.ts';
import { redactRedisUrl } from './redis-backend.ts';
import { createBridgeServer } from './server.ts';
import { listenServer } from '../stack/ports.ts';

export interface RedisBridgeOptions {
  port: number; // 0 = ephemeral
  host?: string; // default '127.0.0.1'
  token: string; // required bearer token
  redisUrl?: string; // real Redis when set, e.g. redis://127.0.0.1:6379/0 ; else embedded memory
  log?: (line: string) => void; // one line per notable event (start, backend errors), not per request
}

export interface RedisBridge {
  url: string; // e.g. http://127.0.0.1:54321
  port: number;
  backend: 'redis' | 'memory';
  /** Makes the bridge answer every command with an error as Upstash does when the DB is unreachable (for tests of degraded mode); false restores. */
  setUnavailable(down: boolean): void;
  close(): Promise<void>; // closes server and backend connection
}

/** Grace period for requests still in flight on keep-alive connections when closing. */
const CLOSE_GRACE_MS = 1_000;

export async function startRedisBridge(opts: RedisBridgeOptions): Promise<RedisBridge> {
  if (typeof opts.token !== 'string' || opts.token === '')
    throw new Error('redis-bridge: a non-empty token is required');
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65_535) {
    throw new Error(`redis-bridge: invalid port ${String(opts.port)}`);
  }
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? (() => undefined);
  const backend = await createBackend({ redisUrl: opts.redisUrl, log });
  let down = false;
  const server = createBridgeServer({ token: opts.token, backend, isDown: () => down, log });
  try {
    await listenServer(server, { port: opts.port, host, name: 'Upstash REST bridge', envVar: 'REDIS_BRIDGE_PORT' });
  } catch (err) {
    await backend.close();
    throw err;
  }
  server.on('error', (err: Error) => log(`redis-bridge: server error: ${err.message}`));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : opts.port;
  const url = `http://${urlHost(host)}:${port}`;
  const target = opts.redisUrl ? ` at ${redactRedisUrl(opts.redisUrl)}` : '';
  log(`redis-bridge listening on ${url} (backend: ${backend.kind}${target})`);

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    backend: backend.kind,
    setUnavailable(value: boolean) {
      down = value;
    },
    close() {
      closing ??= shutDown(server, backend);
      return closing;
    },
  };
}

/** A wildcard bind address is not something a client can connect to; IPv6 needs brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

async function shutDown(server: Server, backend: Backend): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  });
  await backend.close();
}
