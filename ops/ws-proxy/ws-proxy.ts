/**
 * WebSocket-to-TCP proxy: the Neon serverless driver speaks the Postgres protocol over a
 * WebSocket (Neon's edge terminates it in production). Locally this relays each socket's
 * bytes to the Postgres it names in `?address=host:port` — only to the targets allowed,
 * so it is never an open relay.
 */
import { connect, type Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { listenOrExplain } from '../stack/ports.ts';

export interface WsProxyOptions {
  port: number;
  host?: string;
  /** `host:port` pairs a client may reach, e.g. `127.0.0.1:5433`. */
  allowedTargets: string[];
  log?: (line: string) => void;
}

export interface WsProxy {
  port: number;
  /** The value for the Worker's NEON_WS_PROXY: host:port without a scheme. */
  address: string;
  close(): Promise<void>;
}

/**
 * The Postgres Terminate message ('X', length 4). Postgres closes the connection when it
 * gets one and the driver waits for that close; embedded PGlite keeps the socket open, so
 * the driver's `pool.end()` would hang. Ending the TCP stream after relaying Terminate
 * gives both servers Postgres's behaviour.
 */
const TERMINATE = Buffer.from([0x58, 0, 0, 0, 4]);

function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

function relay(ws: WebSocket, target: string, log: (line: string) => void): void {
  const separator = target.lastIndexOf(':');
  const tcp: Socket = connect({ host: target.slice(0, separator), port: Number(target.slice(separator + 1)) });
  tcp.setNoDelay(true);
  const pending: Buffer[] = [];
  let connected = false;

  tcp.on('connect', () => {
    connected = true;
    for (const chunk of pending.splice(0)) tcp.write(chunk);
  });
  tcp.on('data', (chunk) => ws.send(chunk));
  tcp.on('error', (err) => {
    log(`postgres connection to ${target} failed: ${err.message}`);
    ws.close(1011, 'upstream error');
  });
  tcp.on('close', () => ws.close());

  ws.on('message', (data) => {
    const chunk = toBuffer(data);
    if (connected) tcp.write(chunk);
    else pending.push(chunk);
    if (chunk.equals(TERMINATE)) {
      if (connected) tcp.end();
      else tcp.once('connect', () => tcp.end());
    }
  });
  ws.on('close', () => tcp.destroy());
  ws.on('error', () => tcp.destroy());
}

export async function startWsProxy(options: WsProxyOptions): Promise<WsProxy> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const allowed = new Set(options.allowedTargets);
  const wss = new WebSocketServer({ noServer: true });
  const { server, port } = await listenOrExplain(
    (req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket upgrade required');
    },
    { port: options.port, host, name: 'Postgres WebSocket proxy', envVar: 'WS_PROXY_PORT' },
  );

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const target = url.searchParams.get('address') ?? '';
    if (!allowed.has(target)) {
      log(`refused a connection to ${target || '(no address)'}: not an allowed Postgres target`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => relay(ws, target, log));
  });

  return {
    port,
    address: `${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
