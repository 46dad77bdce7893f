/**
 * PgBouncer in transaction mode in front of the benchmark's Postgres, standing in for
 * Neon's pooled endpoint. Without it every request's new connection makes Postgres fork a
 * backend, and on a small VM that caps the whole stack at a few dozen requests a second
 * (measured here: 23–40 new connections/s against 14,700 queries/s on one connection),
 * which measures the fork, not the Worker. Needs Debian's `pgbouncer` package.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BINARY = ['/usr/sbin/pgbouncer', 'pgbouncer'].find(
  (candidate) => spawnSync(candidate, ['--version']).error === undefined,
);

export function pgbouncerAvailable(): boolean {
  return BINARY !== undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface Pooler {
  /** `databaseUrl` with host and port replaced by the pooler's. */
  url: string;
  close(): Promise<void>;
}

export async function startPgBouncer(databaseUrl: string, poolSize = 20): Promise<Pooler> {
  if (!BINARY) throw new Error('pgbouncer is not installed (apt-get install pgbouncer)');
  const target = new URL(databaseUrl);
  const dir = await mkdtemp(join(tmpdir(), 'jeseci-pgbouncer-'));
  const port = await freePort();
  const user = decodeURIComponent(target.username || 'postgres');
  await writeFile(join(dir, 'users.txt'), `"${user}" ""\n`);
  await writeFile(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${target.hostname} port=${target.port || '5432'}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      // TCP only: no socket file to write, so it can run as an unprivileged user.
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 2000',
      // The Neon driver sends these at startup; PgBouncer must not refuse them.
      'ignore_startup_parameters = extra_float_digits,options',
      '',
    ].join('\n'),
  );
  // PgBouncer refuses to run as root; as root, it is started as nobody (who can read the
  // configuration but nothing else here).
  await chmod(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn(BINARY, [...(asRoot ? ['-u', 'nobody'] : []), join(dir, 'pgbouncer.ini')], {
    stdio: 'ignore',
  });
  // Ready when it accepts a connection.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('connect', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (ok) break;
    if (Date.now() > deadline) throw new Error('pgbouncer did not start listening');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    close: async () => {
      child.kill('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
