/**
 * The WebSocket plumbing both Durable Objects share: accepting sockets with the
 * Hibernation API (the object can be evicted while sockets stay open), sending typed
 * messages, and broadcasting. It keeps no state of its own: `getWebSockets()` is the
 * truth after a wake-up.
 */
import { takeToken, type Bucket, type MessageRate } from './message-rate';
import type { ServerMessage } from './protocol';

/** Accepts an upgrade request; `socket` is our end of the new connection, absent when refused. */
export function acceptWebSocket(ctx: DurableObjectState, request: Request): { response: Response; socket?: WebSocket } {
  if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') {
    return {
      response: new Response('Expected a WebSocket upgrade.', { status: 426, headers: { Upgrade: 'websocket' } }),
    };
  }
  const { 0: client, 1: server } = new WebSocketPair();
  ctx.acceptWebSocket(server);
  return { response: new Response(null, { status: 101, webSocket: client }), socket: server };
}

export function send(ws: WebSocket, message: ServerMessage): void {
  try {
    ws.send(JSON.stringify(message));
  } catch {
    // The peer went away between our decision and the send; the close handler tidies up.
  }
}

export function broadcast(ctx: DurableObjectState, message: ServerMessage, except?: WebSocket): void {
  for (const ws of ctx.getWebSockets()) if (ws !== except) send(ws, message);
}

/** Open sockets, excluding one that is closing right now (it is still listed during its close event). */
export function openSockets(ctx: DurableObjectState, closing?: WebSocket): number {
  return ctx.getWebSockets().filter((ws) => ws !== closing && ws.readyState === WebSocket.OPEN).length;
}

/** Completes the close handshake; 1005/1006 are reserved and must not be sent in a close frame. */
export function closeQuietly(ws: WebSocket, code: number): void {
  try {
    ws.close(code === 1005 || code === 1006 ? 1000 : code, 'closing');
  } catch {
    // already closed
  }
}

/** Runs a socket handler so that one bad message can never take the object down. */
export async function guarded(ws: WebSocket, label: string, handler: () => Promise<void> | void): Promise<void> {
  try {
    await handler();
  } catch (err) {
    console.error(
      JSON.stringify({
        level: 'error',
        msg: `${label} failed`,
        error: err instanceof Error ? err.message : String(err),
      }),
    );
    send(ws, { type: 'error', code: 'bad_message', message: 'The message could not be handled.' });
  }
}

/**
 * A message limit per socket (a token bucket each, kept in memory: a socket quiet long
 * enough for its object to hibernate has refilled its bucket anyway).
 */
export class SocketRateLimit {
  private readonly buckets = new WeakMap<WebSocket, Bucket>();

  constructor(private readonly rate: MessageRate) {}

  /** Whether the socket may send this message; if not, it has been told how long to wait. */
  admit(ws: WebSocket, now = Date.now()): boolean {
    const taken = takeToken(this.buckets.get(ws), now, this.rate);
    this.buckets.set(ws, taken.bucket);
    if (!taken.allowed) {
      send(ws, {
        type: 'error',
        code: 'rate_limited',
        message: 'Too many messages: wait a moment.',
        retryAfterMs: taken.retryAfterMs,
      });
    }
    return taken.allowed;
  }
}
