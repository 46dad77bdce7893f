/**
 * LearnerAgent: one Durable Object per learner (addressed by user id). It will coordinate
 * the tutor agents and hold the live learning session; today it owns the learner's live
 * channel: a hibernating WebSocket per open tab, and when the learner was last active.
 * That timestamp lives in SQLite storage, so it survives eviction and restarts.
 */
import { DurableObject } from 'cloudflare:workers';
import { parseClientMessage } from './protocol';
import { acceptWebSocket, closeQuietly, guarded, openSockets, send } from './socket-hub';

export interface LearnerAgentStatus {
  connections: number;
  lastSeenAt: number | null;
}

const LAST_SEEN = 'lastSeenAt';

export class LearnerAgent extends DurableObject<Env> {
  override async fetch(request: Request): Promise<Response> {
    const { response, socket } = acceptWebSocket(this.ctx, request);
    if (socket) {
      await this.touch();
      send(socket, { type: 'welcome', connections: openSockets(this.ctx), serverTime: Date.now() });
    }
    return response;
  }

  /** RPC: what the Worker (and later the admin's agent status page) sees of this learner. */
  async status(): Promise<LearnerAgentStatus> {
    return { connections: openSockets(this.ctx), lastSeenAt: (await this.ctx.storage.get<number>(LAST_SEEN)) ?? null };
  }

  override async webSocketMessage(ws: WebSocket, frame: string | ArrayBuffer): Promise<void> {
    await guarded(ws, 'learner agent message', async () => {
      const parsed = parseClientMessage(frame);
      if (!parsed.ok) return send(ws, parsed.error);
      await this.touch();
      switch (parsed.message.type) {
        case 'ping':
          return send(ws, { type: 'pong', id: parsed.message.id, serverTime: Date.now() });
      }
    });
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    closeQuietly(ws, code);
  }

  private async touch(): Promise<void> {
    await this.ctx.storage.put(LAST_SEEN, Date.now());
  }
}
