/**
 * StudyGroup: one Durable Object per study group, a persistent room. It holds the members'
 * sockets (hibernating; each socket's member is its attachment), the chat history (the
 * newest GROUP_HISTORY_KEPT messages, cleaned, in SQLite), typing indicators that clear
 * themselves, and the group's shared practice: a set of items and each member's progress
 * through it, told to everyone as answers come in. Membership is checked by the Worker
 * (Postgres); answers are graded and stored by the attempts route, which reports them here.
 */
import { DurableObject } from 'cloudflare:workers';
import { cleanGroupMessage, GROUP_HISTORY_KEPT, progressByMember, TYPING_TTL_MS } from './groups/group-chat';
import { LEARNER_CHANNEL_RATE } from './message-rate';
import {
  parseClientMessage,
  type GroupChatMessage,
  type GroupMember,
  type GroupPractice,
  type ServerMessage,
} from './protocol';
import { acceptWebSocket, closeQuietly, guarded, send, SocketRateLimit } from './socket-hub';

/** Headers the Worker's route sets after checking the member; the object trusts only it. */
export const GROUP_MEMBER_HEADER = 'x-jeseci-member';
export const GROUP_MEMBER_NAME_HEADER = 'x-jeseci-member-name';
export const GROUP_HEADER = 'x-jeseci-group';
export const GROUP_NAME_HEADER = 'x-jeseci-group-name';

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS answers (item_id TEXT NOT NULL, user_id TEXT NOT NULL, correct INTEGER NOT NULL, at INTEGER NOT NULL)`,
];

type StoredPractice = Omit<GroupPractice, 'progress'>;

export class StudyGroup extends DurableObject<Env> {
  private readonly limit = new SocketRateLimit(LEARNER_CHANNEL_RATE);

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    for (const statement of SCHEMA) ctx.storage.sql.exec(statement);
  }

  override async fetch(request: Request): Promise<Response> {
    // Names travel URI-encoded: header values are bytes, display names are Unicode.
    const header = (name: string) => {
      const value = request.headers.get(name);
      return value === null ? null : decodeURIComponent(value);
    };
    const userId = header(GROUP_MEMBER_HEADER);
    const name = header(GROUP_MEMBER_NAME_HEADER);
    const groupId = header(GROUP_HEADER);
    if (!userId || !name || !groupId) return new Response('Study groups are opened through the API.', { status: 400 });
    this.setMeta('group', { id: groupId, name: header(GROUP_NAME_HEADER) ?? '' });
    const { response, socket } = acceptWebSocket(this.ctx, request);
    if (socket) {
      socket.serializeAttachment({ userId, name } satisfies GroupMember);
      send(socket, {
        type: 'group-state',
        group: this.getMeta<{ id: string; name: string }>('group') ?? { id: groupId, name: '' },
        online: this.online(),
        history: this.history(),
        practice: this.practice(),
      });
      this.broadcast({ type: 'presence-update', online: this.online() }, socket);
    }
    return response;
  }

  /** RPC: a member starts a shared practice set (the Worker picked the items). */
  async startPractice(input: { items: GroupPractice['items']; startedBy: GroupMember }): Promise<GroupPractice> {
    const stored: StoredPractice = { items: input.items, startedBy: input.startedBy, startedAt: Date.now() };
    this.setMeta('practice', stored);
    this.ctx.storage.sql.exec('DELETE FROM answers');
    const practice = { ...stored, progress: {} };
    this.broadcast({ type: 'practice-set', practice });
    return practice;
  }

  /** RPC: the attempts route stored a member's answer; if it is in the set, everyone sees it. */
  async memberAnswered(input: { userId: string; itemId: string; correct: boolean }): Promise<void> {
    const stored = this.getMeta<StoredPractice>('practice');
    if (!stored?.items.some((item) => item.id === input.itemId)) return;
    this.ctx.storage.sql.exec(
      'INSERT INTO answers (item_id, user_id, correct, at) VALUES (?, ?, ?, ?)',
      input.itemId,
      input.userId,
      input.correct ? 1 : 0,
      Date.now(),
    );
    const practice = this.practice();
    if (!practice) return;
    this.broadcast({ type: 'practice-progress', ...input, progress: practice.progress });
  }

  async status(): Promise<{ online: GroupMember[]; messages: number; practice: GroupPractice | null }> {
    const [row] = this.ctx.storage.sql.exec<{ n: number }>('SELECT count(*) AS n FROM messages').toArray();
    return { online: this.online(), messages: row?.n ?? 0, practice: this.practice() };
  }

  override async webSocketMessage(ws: WebSocket, frame: string | ArrayBuffer): Promise<void> {
    await guarded(ws, 'study group message', async () => {
      if (!this.limit.admit(ws)) return;
      const parsed = parseClientMessage(frame);
      if (!parsed.ok) return send(ws, parsed.error);
      const member = ws.deserializeAttachment() as GroupMember;
      const message = parsed.message;
      switch (message.type) {
        case 'ping':
          return send(ws, { type: 'pong', id: message.id, serverTime: Date.now() });
        case 'chat': {
          const cleaned = cleanGroupMessage(message.text);
          if (!cleaned.ok)
            return send(ws, { type: 'error', code: 'invalid', id: message.id, message: cleaned.message });
          const at = Date.now();
          const [row] = this.ctx.storage.sql
            .exec<{ id: number }>(
              'INSERT INTO messages (user_id, name, text, at) VALUES (?, ?, ?, ?) RETURNING id',
              member.userId,
              member.name,
              cleaned.text,
              at,
            )
            .toArray();
          this.ctx.storage.sql.exec(
            'DELETE FROM messages WHERE id <= (SELECT max(id) FROM messages) - ?',
            GROUP_HISTORY_KEPT,
          );
          const chat: GroupChatMessage = {
            id: row?.id ?? 0,
            userId: member.userId,
            name: member.name,
            text: cleaned.text,
            at,
          };
          // Sending a message ends "is typing".
          this.broadcast({ type: 'typing', member, until: null });
          return this.broadcast({ type: 'group-message', message: chat });
        }
        case 'typing':
          return this.broadcast(
            { type: 'typing', member, until: message.active ? Date.now() + TYPING_TTL_MS : null },
            ws,
          );
        default:
          return send(ws, {
            type: 'error',
            code: 'not_allowed',
            message: `"${message.type}" is not a study group message.`,
          });
      }
    });
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    closeQuietly(ws, code);
    this.broadcast({ type: 'presence-update', online: this.online(ws) }, ws);
  }

  private history(): GroupChatMessage[] {
    return this.ctx.storage.sql
      .exec<{ id: number; user_id: string; name: string; text: string; at: number }>(
        'SELECT id, user_id, name, text, at FROM messages ORDER BY id',
      )
      .toArray()
      .map((row) => ({ id: row.id, userId: row.user_id, name: row.name, text: row.text, at: row.at }));
  }

  private practice(): GroupPractice | null {
    const stored = this.getMeta<StoredPractice>('practice');
    if (!stored) return null;
    const answers = this.ctx.storage.sql
      .exec<{ item_id: string; user_id: string; correct: number }>(
        'SELECT item_id, user_id, correct FROM answers ORDER BY at',
      )
      .toArray()
      .map((row) => ({ itemId: row.item_id, userId: row.user_id, correct: row.correct === 1 }));
    return {
      ...stored,
      progress: progressByMember(
        stored.items.map((item) => item.id),
        answers,
      ),
    };
  }

  /** Members with an open socket, each once, however many tabs they have. */
  private online(closing?: WebSocket): GroupMember[] {
    const members = new Map<string, GroupMember>();
    for (const ws of this.ctx.getWebSockets()) {
      if (ws === closing || ws.readyState !== WebSocket.OPEN) continue;
      const member = ws.deserializeAttachment() as GroupMember;
      members.set(member.userId, member);
    }
    return [...members.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private broadcast(message: ServerMessage, except?: WebSocket): void {
    const frame = JSON.stringify(message);
    for (const ws of this.ctx.getWebSockets()) {
      if (ws === except) continue;
      try {
        ws.send(frame);
      } catch {
        // gone; its close handler tidies up
      }
    }
  }

  private getMeta<T>(key: string): T | null {
    const [row] = this.ctx.storage.sql.exec<{ value: string }>('SELECT value FROM meta WHERE key = ?', key).toArray();
    return row ? (JSON.parse(row.value) as T) : null;
  }

  private setMeta(key: string, value: unknown): void {
    this.ctx.storage.sql.exec('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', key, JSON.stringify(value));
  }
}
