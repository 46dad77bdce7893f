/**
 * LiveRoom: one Durable Object per live class session or study group. It will run the
 * live quiz; today it holds the room's sockets (hibernating) and tells everyone how many
 * are present whenever someone arrives or leaves. Presence is derived from the open
 * sockets themselves, so it is right again after the object wakes from hibernation.
 */
import { DurableObject } from 'cloudflare:workers';
import { parseClientMessage } from './protocol';
import { acceptWebSocket, closeQuietly, guarded, broadcast, openSockets, send } from './socket-hub';

export interface LiveRoomStatus {
  connections: number;
}

export class LiveRoom extends DurableObject<Env> {
  override async fetch(request: Request): Promise<Response> {
    const { response, socket } = acceptWebSocket(this.ctx, request);
    if (socket) {
      const connections = openSockets(this.ctx);
      send(socket, { type: 'welcome', connections, serverTime: Date.now() });
      broadcast(this.ctx, { type: 'presence', connections }, socket);
    }
    return response;
  }

  /** RPC: how many are in the room. */
  async status(): Promise<LiveRoomStatus> {
    return { connections: openSockets(this.ctx) };
  }

  override async webSocketMessage(ws: WebSocket, frame: string | ArrayBuffer): Promise<void> {
    await guarded(ws, 'live room message', async () => {
      const parsed = parseClientMessage(frame);
      if (!parsed.ok) return send(ws, parsed.error);
      switch (parsed.message.type) {
        case 'ping':
          return send(ws, { type: 'pong', id: parsed.message.id, serverTime: Date.now() });
      }
    });
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    closeQuietly(ws, code);
    broadcast(this.ctx, { type: 'presence', connections: openSockets(this.ctx, ws) }, ws);
  }
}
