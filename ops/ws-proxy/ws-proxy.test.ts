import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWsProxy, type WsProxy } from './ws-proxy.ts';

/** A TCP server standing in for Postgres: records what it receives and whether the client hung up. */
function fakePostgres(): Promise<{ server: Server; port: number; received: Buffer[]; ended: Promise<void> }> {
  const received: Buffer[] = [];
  let markEnded: () => void = () => {};
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  const server = createServer((socket: Socket) => {
    socket.on('data', (chunk) => {
      received.push(chunk);
      socket.write(Buffer.from('pong'));
    });
    socket.on('end', () => markEnded());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as AddressInfo).port, received, ended }),
    ),
  );
}

let proxy: WsProxy | undefined;
let upstream: Server | undefined;
afterEach(async () => {
  await proxy?.close();
  upstream?.close();
});

describe('ws-proxy', () => {
  it('relays bytes both ways to an allowed target, and ends the TCP stream after a Terminate', async () => {
    const pg = await fakePostgres();
    upstream = pg.server;
    proxy = await startWsProxy({ port: 0, allowedTargets: [`127.0.0.1:${pg.port}`] });
    const ws = new WebSocket(`ws://${proxy.address}/v2?address=127.0.0.1:${pg.port}`);
    const reply = new Promise<Buffer>((resolve) => ws.once('message', (data) => resolve(data as Buffer)));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(Buffer.from('hello'));
    expect((await reply).toString()).toBe('pong');
    ws.send(Buffer.from([0x58, 0, 0, 0, 4]));
    await pg.ended;
    expect(Buffer.concat(pg.received).subarray(0, 5).toString()).toBe('hello');
    ws.close();
  });

  it('refuses a target that is not on the allow list, so it is never an open relay', async () => {
    proxy = await startWsProxy({ port: 0, allowedTargets: ['127.0.0.1:5432'] });
    const ws = new WebSocket(`ws://${proxy.address}/v2?address=127.0.0.2:5432`);
    const status = await new Promise<number | undefined>((resolve) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.once('error', () => resolve(undefined));
    });
    expect(status).toBe(403);
  });

  it('says which port is taken and how to change it', async () => {
    proxy = await startWsProxy({ port: 0, allowedTargets: [] });
    await expect(startWsProxy({ port: proxy.port, allowedTargets: [] })).rejects.toThrow(
      `Postgres WebSocket proxy: port ${proxy.port} is already in use. Stop whatever uses it, or set WS_PROXY_PORT to another port.`,
    );
  });
});
