/**
 * The embedded default database: PGlite (Postgres compiled to WASM) served over the
 * Postgres wire protocol, so the same drivers as production connect to it. Data lives in
 * a directory (kept across `npm run dev` restarts) or in memory (tests).
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PortInUseError } from '../stack/ports.ts';

export interface EmbeddedPostgres {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  port: number;
  /** Directory for the data files, or undefined for an in-memory database. */
  dataDir?: string;
  host?: string;
}): Promise<EmbeddedPostgres> {
  const host = options.host ?? '127.0.0.1';
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ?? 'memory://');
  // PGlite is single-connection; the socket server multiplexes. Without maxConnections > 1
  // a second client (the dev server's pool next to a migration, say) is refused.
  const server = new PGLiteSocketServer({
    db,
    port: options.port,
    host,
    maxConnections: 32,
    debug: Boolean(process.env.PGLITE_DEBUG),
  });
  try {
    await server.start();
  } catch (err) {
    await db.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new PortInUseError('Embedded Postgres', options.port, 'PGLITE_PORT');
    }
    throw err;
  }
  const address = server.getServerConn();
  const port = Number(address.slice(address.lastIndexOf(':') + 1));
  return {
    port,
    url: `postgres://postgres@${host}:${port}/postgres`,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
