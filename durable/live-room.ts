/**
 * LiveRoom: one Durable Object per live quiz, holding the game and every socket of it. The
 * game itself is a pure reducer (durable/live/quiz-state.ts); this object feeds it events
 * (players' and the host's messages, its own alarm for deadlines), stores the state after
 * each one (durable/live/room-store.ts), and carries out the effects: messages to players
 * and host, the deadline alarm, and at the end the results written to Postgres.
 *
 * Sockets hibernate; each socket's identity (host or which player) is its attachment, set
 * when it presents the token its join gave it, so a refresh or a dropped network gets the
 * same seat, score and current question back.
 */
import { DurableObject } from 'cloudflare:workers';
import { openDatabase } from '../worker/db/client';
import { saveLiveResults } from '../worker/live/results';
import { releasePin } from '../worker/live/pin';
import { getRedis } from '../worker/redis/client';
import { LIVE_ROOM_RATE } from './message-rate';
import { answerCount } from './live/question-flow';
import { liveState, questionView, resultsMessage, gameOverMessage, lobbyPlayers } from './live/views';
import { RoomStore, type RoomConfig, type RoomTimers } from './live/room-store';
import { initialState, reduce, type LiveQuestion, type QuizEvent, type QuizState } from './live/quiz-state';
import { parseClientMessage, type ClientMessage, type ServerMessage } from './protocol';
import { acceptWebSocket, closeQuietly, guarded, openSockets, send, SocketRateLimit } from './socket-hub';

/** How long a host may be gone during a question before its timer is paused. */
export const HOST_GRACE_MS = 15_000;
/** How often the host's answer count is refreshed during a burst of answers. */
const HOST_COUNT_EVERY_MS = 100;

export interface LiveRoomStatus {
  connections: number;
  phase: QuizState['phase'] | null;
  players: number;
}

type Identity = { role: 'pending' } | { role: 'host' } | { role: 'player'; playerId: string };

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export class LiveRoom extends DurableObject<Env> {
  private readonly store: RoomStore;
  private state: QuizState | null;
  private readonly limit = new SocketRateLimit(LIVE_ROOM_RATE);
  /**
   * Each socket's identity, read from its attachment once and then kept in memory: reading
   * an attachment deserialises it, and an answer burst in a 500-player room would otherwise
   * deserialise 500 attachments per answer to find the host and the answering player.
   */
  private readonly known = new WeakMap<WebSocket, Identity>();
  private pendingCount: Extract<ServerMessage, { type: 'answer-count' }> | undefined;
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Rebuilt from storage: an evicted or restarted room resumes exactly where it was.
    this.store = new RoomStore(ctx.storage.sql);
    this.state = this.store.loadState();
  }

  /** RPC: the Worker creates the room with its questions; returns the host's token. */
  async setup(input: {
    config: Omit<RoomConfig, 'hostTokenHash'>;
    questions: LiveQuestion[];
    streakBonus: boolean;
  }): Promise<{ hostToken: string }> {
    if (this.store.config) throw new Error('this live room is already set up');
    const hostToken = randomToken();
    this.store.config = { ...input.config, hostTokenHash: await sha256(hostToken) };
    const state = initialState(input.questions, { streakBonus: input.streakBonus });
    this.store.saveState(state, null);
    this.state = state;
    return { hostToken };
  }

  /**
   * RPC: a new host token, for the room's host taking the game over from another tab or
   * device (the old one was lost with its tab). The old token stops working at once and a
   * screen still hosting with it is told so and let go.
   */
  async replaceHostToken(): Promise<{ hostToken: string } | null> {
    const config = this.store.config;
    if (!config) return null;
    const hostToken = randomToken();
    this.store.config = { ...config, hostTokenHash: await sha256(hostToken) };
    const displaced = this.hostSockets();
    for (const ws of displaced) {
      // Demoted first, so its close is not taken for the host stepping away.
      this.setIdentity(ws, { role: 'pending' });
      send(ws, { type: 'error', code: 'unauthorized', message: 'This game is now hosted from another tab or device.' });
      closeQuietly(ws, 4001);
    }
    if (displaced.length) await this.hostLeft();
    return { hostToken };
  }

  /** RPC: a player joins by nickname (the Worker resolved the PIN); returns their seat's token. */
  async join(input: {
    nickname: string;
    userId: string | null;
  }): Promise<
    { ok: true; playerId: string; token: string; nickname: string } | { ok: false; code: string; message: string }
  > {
    const token = randomToken();
    const playerId = crypto.randomUUID();
    const result = await this.apply({
      type: 'join',
      playerId,
      nickname: input.nickname,
      userId: input.userId,
      tokenHash: await sha256(token),
      at: Date.now(),
    });
    if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
    return { ok: true, playerId, token, nickname: this.state?.players[playerId]?.nickname ?? input.nickname };
  }

  /** RPC: everything the host's CSV needs. */
  async results(): Promise<{ config: RoomConfig; state: QuizState } | null> {
    const config = this.store.config;
    return config && this.state ? { config, state: this.state } : null;
  }

  async status(): Promise<LiveRoomStatus> {
    return {
      connections: openSockets(this.ctx),
      phase: this.state?.phase ?? null,
      players: Object.keys(this.state?.players ?? {}).length,
    };
  }

  override async fetch(request: Request): Promise<Response> {
    const { response, socket } = acceptWebSocket(this.ctx, request);
    if (socket) {
      this.setIdentity(socket, { role: 'pending' });
      send(socket, { type: 'welcome', connections: openSockets(this.ctx), serverTime: Date.now() });
    }
    return response;
  }

  override async webSocketMessage(ws: WebSocket, frame: string | ArrayBuffer): Promise<void> {
    await guarded(ws, 'live room message', async () => {
      if (!this.limit.admit(ws)) return;
      const parsed = parseClientMessage(frame);
      if (!parsed.ok) return send(ws, parsed.error);
      await this.handle(ws, parsed.message);
    });
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    closeQuietly(ws, code);
    const identity = this.identityOf(ws);
    if (identity.role === 'player' && !this.socketsOf(identity.playerId, ws).length) {
      await this.apply({ type: 'disconnect', playerId: identity.playerId, at: Date.now() });
    }
    if (identity.role === 'host' && !this.hostSockets(ws).length) await this.hostLeft();
  }

  /** No host is connected any more: a running question pauses if none is back within the grace period. */
  private async hostLeft(): Promise<void> {
    await this.apply({ type: 'host-disconnected', at: Date.now() });
    if (this.state?.phase === 'question' && !this.state.paused)
      this.setTimers({ ...this.store.timers, hostGrace: Date.now() + HOST_GRACE_MS });
  }

  override async alarm(): Promise<void> {
    const now = Date.now();
    const timers = this.store.timers;
    if (timers.deadline !== undefined && timers.deadline <= now) {
      this.setTimers({ ...this.store.timers, deadline: undefined });
      await this.apply({ type: 'deadline', at: now });
    }
    if (timers.hostGrace !== undefined && timers.hostGrace <= now) {
      this.setTimers({ ...this.store.timers, hostGrace: undefined });
      if (!this.hostSockets().length && this.state?.phase === 'question' && !this.state.paused) {
        await this.apply({ type: 'pause', at: now });
      }
    }
    await this.armAlarm();
  }

  private async handle(ws: WebSocket, message: ClientMessage): Promise<void> {
    if (message.type === 'ping') return send(ws, { type: 'pong', id: message.id, serverTime: Date.now() });
    const identity = this.identityOf(ws);
    const config = this.store.config;
    if (!config || !this.state) return send(ws, { type: 'error', code: 'ended', message: 'This room does not exist.' });
    if (message.type === 'hello') return this.hello(ws, message.token, config);
    if (identity.role === 'pending') {
      return send(ws, { type: 'error', code: 'unauthorized', message: 'Say hello with your token first.' });
    }
    const at = Date.now();
    if (message.type === 'answer') {
      if (identity.role !== 'player')
        return send(ws, { type: 'error', code: 'not_allowed', message: 'Only players answer.' });
      if (message.index !== this.state.index) {
        return send(ws, { type: 'error', code: 'late', message: 'That question is closed.' });
      }
      const result = await this.apply({
        type: 'answer',
        playerId: identity.playerId,
        optionIds: message.optionIds,
        at,
      });
      if (!result.ok) send(ws, { type: 'error', code: result.error.code as 'late', message: result.error.message });
      return;
    }
    if (identity.role !== 'host')
      return send(ws, { type: 'error', code: 'not_allowed', message: 'Only the host runs the game.' });
    let event: QuizEvent | null = null;
    if (message.type === 'host') event = { type: message.action, at } as QuizEvent;
    else if (message.type === 'kick') event = { type: 'kick', playerId: message.playerId, at };
    else if (message.type === 'streak-bonus') event = { type: 'set-streak-bonus', enabled: message.enabled };
    if (!event)
      return send(ws, { type: 'error', code: 'not_allowed', message: `"${message.type}" is not a live room message.` });
    const result = await this.apply(event);
    if (!result.ok) send(ws, { type: 'error', code: result.error.code as 'invalid', message: result.error.message });
  }

  private async hello(ws: WebSocket, token: string, config: RoomConfig): Promise<void> {
    const state = this.state;
    if (!state) return;
    const hash = await sha256(token);
    if (hash === config.hostTokenHash) {
      this.setIdentity(ws, { role: 'host' });
      this.setTimers({ ...this.store.timers, hostGrace: undefined });
      await this.apply({ type: 'host-connected', at: Date.now() });
      const now = this.state ?? state;
      send(ws, liveState(now, config, { role: 'host' }));
      // A host back mid-question (a reload, another device) sees the count at once, not at the next answer.
      if (now.phase === 'question') send(ws, { type: 'answer-count', index: now.index, ...answerCount(now) });
      return;
    }
    const player = Object.values(state.players).find((candidate) => candidate.tokenHash === hash);
    if (!player)
      return send(ws, { type: 'error', code: 'unauthorized', message: 'This token does not belong to this room.' });
    if (player.kicked) {
      send(ws, { type: 'kicked' });
      return closeQuietly(ws, 4003);
    }
    this.setIdentity(ws, { role: 'player', playerId: player.id });
    await this.apply({ type: 'reconnect', playerId: player.id, at: Date.now() });
    send(ws, liveState(this.state ?? state, config, { role: 'player', playerId: player.id }));
  }

  /**
   * Runs one event through the reducer, stores the result and carries out its effects.
   * Durable Objects' output gate holds every outgoing message (WebSocket frames included)
   * until the writes before it are durable, so an acknowledged answer survives a crash
   * without an explicit `storage.sync()` per event (which costs an fsync each locally).
   */
  private async apply(event: QuizEvent): Promise<ReturnType<typeof reduce>> {
    const previous = this.state;
    if (!previous) return { ok: false, error: { code: 'ended', message: 'This room does not exist.' } };
    const result = reduce(previous, event);
    if (!result.ok) return result;
    this.state = result.state;
    this.store.saveState(result.state, previous);
    for (const effect of result.effects) this.carryOut(effect, result.state);
    return result;
  }

  private carryOut(
    effect: Extract<ReturnType<typeof reduce>, { ok: true }>['effects'][number],
    state: QuizState,
  ): void {
    const config = this.store.config;
    switch (effect.kind) {
      case 'schedule-deadline':
        return this.setTimers({ ...this.store.timers, deadline: effect.at });
      case 'cancel-deadline':
        return this.setTimers({ ...this.store.timers, deadline: undefined });
      case 'question-opened': {
        const view = questionView(state);
        if (view) this.broadcastSame({ type: 'question', question: view });
        return;
      }
      case 'answer-accepted':
        for (const ws of this.socketsOf(effect.playerId)) {
          send(ws, { type: 'answer-ack', index: effect.index, accepted: true });
        }
        return this.countForHost({
          type: 'answer-count',
          index: effect.index,
          answered: effect.answeredCount,
          players: effect.playerCount,
        });
      case 'question-closed':
        return this.broadcastEach((identity) => resultsMessage(state, effect.index, identity));
      case 'paused':
        return this.broadcastSame({ type: 'paused', remainingMs: state.remainingMs });
      case 'resumed':
        return this.broadcastSame({ type: 'resumed', deadline: state.deadline });
      case 'player-joined':
      case 'player-left':
        // Everyone sees the lobby fill up; once the game runs only the host follows arrivals.
        if (state.phase === 'lobby') this.broadcastSame({ type: 'lobby', players: lobbyPlayers(state) });
        else for (const ws of this.hostSockets()) send(ws, { type: 'lobby', players: lobbyPlayers(state) });
        return;
      case 'player-kicked':
        for (const ws of this.socketsOf(effect.playerId)) {
          send(ws, { type: 'kicked' });
          closeQuietly(ws, 4003);
        }
        for (const ws of this.hostSockets()) send(ws, { type: 'lobby', players: lobbyPlayers(state) });
        return;
      case 'game-ended':
        this.broadcastEach((identity) => gameOverMessage(state, identity));
        this.setTimers({});
        if (config) this.ctx.waitUntil(this.finish(config, state));
        return;
    }
  }

  /** Results into Postgres (and signed-in players' answers as practice, once); the PIN freed. */
  private async finish(config: RoomConfig, state: QuizState): Promise<void> {
    try {
      if (!this.store.resultsSaved) {
        const handle = openDatabase(this.env);
        try {
          await saveLiveResults(handle.db, config, state);
          this.store.resultsSaved = true;
        } finally {
          await handle.close();
        }
      }
      await releasePin(getRedis(this.env), config.pin, config.roomId);
    } catch (error) {
      console.error(
        JSON.stringify({ level: 'error', msg: 'live results not saved', room: config.roomId, error: String(error) }),
      );
    }
  }

  /**
   * The host's live answer count, batched: in a burst of 500 answers the host needs a
   * moving number, not 500 messages. At most one every 100 ms, and the final count at once.
   */
  private countForHost(count: Extract<ServerMessage, { type: 'answer-count' }>): void {
    this.pendingCount = count;
    const flush = () => {
      this.countTimer = undefined;
      const pending = this.pendingCount;
      this.pendingCount = undefined;
      if (pending) for (const ws of this.hostSockets()) send(ws, pending);
    };
    if (count.answered >= count.players) {
      if (this.countTimer) clearTimeout(this.countTimer);
      return flush();
    }
    this.countTimer ??= setTimeout(flush, HOST_COUNT_EVERY_MS);
  }

  /** Stored in the attachment (it survives hibernation) and remembered in memory. */
  private setIdentity(ws: WebSocket, identity: Identity): void {
    ws.serializeAttachment(identity);
    this.known.set(ws, identity);
  }

  private identityOf(ws: WebSocket): Identity {
    let identity = this.known.get(ws);
    if (!identity) {
      identity = (ws.deserializeAttachment() as Identity | null) ?? { role: 'pending' };
      this.known.set(ws, identity);
    }
    return identity;
  }

  private identities(except?: WebSocket): [WebSocket, Identity][] {
    return this.ctx
      .getWebSockets()
      .filter((ws) => ws !== except && ws.readyState === WebSocket.OPEN)
      .map((ws) => [ws, this.identityOf(ws)]);
  }

  private socketsOf(playerId: string, except?: WebSocket): WebSocket[] {
    return this.identities(except)
      .filter(([, identity]) => identity.role === 'player' && identity.playerId === playerId)
      .map(([ws]) => ws);
  }

  private hostSockets(except?: WebSocket): WebSocket[] {
    return this.identities(except)
      .filter(([, identity]) => identity.role === 'host')
      .map(([ws]) => ws);
  }

  /** One message to every identified socket, serialised once (a question to 500 phones). */
  private broadcastSame(message: ServerMessage): void {
    const frame = JSON.stringify(message);
    for (const [ws, identity] of this.identities()) {
      if (identity.role === 'pending') continue;
      try {
        ws.send(frame);
      } catch {
        // gone; its close handler tidies up
      }
    }
  }

  /** A message made for each socket (its own rank and score). */
  private broadcastEach(make: (identity: Exclude<Identity, { role: 'pending' }>) => ServerMessage): void {
    for (const [ws, identity] of this.identities()) {
      if (identity.role !== 'pending') send(ws, make(identity));
    }
  }

  private setTimers(timers: RoomTimers): void {
    this.store.timers = timers;
    void this.armAlarm();
  }

  private async armAlarm(): Promise<void> {
    const { deadline, hostGrace } = this.store.timers;
    const next = [deadline, hostGrace].filter((at): at is number => at !== undefined);
    if (next.length) await this.ctx.storage.setAlarm(Math.min(...next));
    else await this.ctx.storage.deleteAlarm();
  }
}
