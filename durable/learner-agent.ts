/**
 * LearnerAgent: one Durable Object per learner (addressed by user id) that coordinates the
 * tutor agents. It holds the learner's live state in its SQLite storage (agent-store.ts):
 * chat memory, the item in flight, recent interactions, scheduled nudges and the agents'
 * counters; it owns the learner's live channel (hibernating WebSockets, one per open tab)
 * and its alarm runs the time-based work (an idle session ended, a streak reminder, a
 * review nudge). The agents themselves are pure (durable/agents/); Postgres stays the
 * system of record and is written only through the same code paths the HTTP API uses.
 */
import { DurableObject } from 'cloudflare:workers';
import { openDatabase } from '../worker/db/client';
import { recordAgentCall } from '../worker/agents/agent-metrics';
import { loadAttemptedItem } from '../worker/agents/attempted-item';
import { loadSnapshot } from '../worker/agents/load-snapshot';
import { getRedis } from '../worker/redis/client';
import { defaultCourseSlug } from '../worker/agents/courses';
import { activeSessionSummary, endIdleSession, SESSION_IDLE_MINUTES } from '../worker/practice/learning-sessions';
import { AgentStore, type AgentCounters, type InFlightItem, type NudgeKind } from './agent-store';
import { transcriptOf, type TranscriptTurn } from './chat-transcript';
import { decideNextStep, nextStepReply, type NextStep } from './agents/next-step';
import { respond } from './agents/orchestrator';
import type { AgentName, AgentReply, LearnerSnapshot } from './agents/snapshot';
import {
  attemptEvent,
  needsSnapshot,
  pushesForAttempt,
  type AttemptReport,
  type PracticeAdaptation,
  type Push,
  type RememberedAnswer,
} from './attempt-pushes';
import { nextStreakReminderAt, reviewNudgeAt } from './agents/motivator';
import { elaborate, type TextModelBinding } from './llm';
import { LEARNER_CHANNEL_RATE } from './message-rate';
import { LEARNER_HEADER } from './learner-header';
import { parseClientMessage, type PushEvent } from './protocol';
import { nudgeFor, reminderTimes } from './nudges';
import { acceptWebSocket, broadcast, closeQuietly, guarded, openSockets, send, SocketRateLimit } from './socket-hub';

export interface ChatInput {
  userId: string;
  text: string;
  course?: string;
  id?: string;
}

export interface ChatOutput {
  id: string;
  intent: string;
  reply: AgentReply;
  elaborated: boolean;
}

export interface LearnerAgentStatus {
  connections: number;
  lastSeenAt: number | null;
  course: string | null;
  inFlight: InFlightItem | null;
  nudges: { kind: NudgeKind; dueAt: string }[];
  memoryTurns: number;
  agents: AgentCounters[];
}

export interface SessionActivity {
  userId: string;
  course: string;
  sessionId: string;
  lastActivityAt: string;
}

const IDLE_MS = SESSION_IDLE_MINUTES * 60_000;
/** Pushes waiting for the learner to open the app, oldest dropped first. */
const PENDING_PUSHES = 20;
/** Answers looked back over for a run of misses. */
const INTERACTIONS_FOR_STRUGGLE = 20;

/** The orchestrator's next step as the dashboard shows it. */
export interface NextStepOutput {
  course: string;
  step: NextStep;
  reply: AgentReply;
}

export class LearnerAgent extends DurableObject<Env> {
  private readonly store: AgentStore;
  private readonly limit = new SocketRateLimit(LEARNER_CHANNEL_RATE);
  /**
   * Settles when every attempt reported so far has been reacted to. The Worker reports an
   * answer after its response, so a fast client's next request can reach the object while
   * the reaction is still loading; the next item and the chat wait for it, so they see it.
   */
  private attemptsSettled: Promise<void> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Everything the object knows is rebuilt from storage here, so an evicted or restarted
    // object carries on where it was.
    this.store = new AgentStore(ctx.storage.sql);
  }

  override async fetch(request: Request): Promise<Response> {
    const userId = request.headers.get(LEARNER_HEADER);
    if (!userId) return new Response('The learner channel is opened through the API.', { status: 400 });
    const { response, socket } = acceptWebSocket(this.ctx, request);
    if (socket) {
      this.identify(userId);
      socket.serializeAttachment({ userId, connectedAt: Date.now() });
      this.touch();
      send(socket, { type: 'welcome', connections: openSockets(this.ctx), serverTime: Date.now() });
      // What happened while no tab was open (an idle session ended, a reminder) is told now.
      const pending = this.store.getMeta<Push[]>('pendingPushes') ?? [];
      this.store.setMeta('pendingPushes', null);
      for (const push of pending) send(socket, { type: 'push', ...push });
    }
    return response;
  }

  /** RPC: a chat message from POST /api/agents/chat (the WebSocket path uses the same). */
  async chat(input: ChatInput): Promise<ChatOutput> {
    this.identify(input.userId);
    return this.answer(input);
  }

  /** RPC: the item just served to the learner, so a refresh resumes it instead of drawing another. */
  async itemServed(userId: string, inFlight: InFlightItem): Promise<void> {
    this.identify(userId);
    this.store.setMeta('inFlight', inFlight);
    this.store.setMeta('course', inFlight.course);
    this.store.record('item-served', { item: inFlight.item.id, course: inFlight.course }, Date.now());
  }

  /** RPC: the item in flight in `course`, if one was served and not answered yet. */
  async inFlightItem(course: string): Promise<InFlightItem | null> {
    const inFlight = this.store.inFlight;
    return inFlight && inFlight.course === course ? inFlight : null;
  }

  /**
   * RPC: what the next-item route should do: give back the item in flight (a refresh), and
   * whether practice is stepped down for a learner who keeps missing.
   */
  async nextItemPlan(course: string): Promise<{ resume: InFlightItem | null; adaptation: PracticeAdaptation | null }> {
    await this.attemptsSettled;
    const inFlight = this.store.inFlight;
    const adaptation = this.store.getMeta<PracticeAdaptation>('adaptation');
    return {
      resume: inFlight && inFlight.course === course ? inFlight : null,
      adaptation: adaptation && adaptation.course === course ? adaptation : null,
    };
  }

  /** RPC: an attempt was stored in Postgres; tell the learner what it changed and adapt. */
  async attemptRecorded(report: AttemptReport): Promise<void> {
    const work = this.attemptsSettled.then(() => this.reactToAttempt(report));
    this.attemptsSettled = work.catch(() => {});
    return work;
  }

  private async reactToAttempt(report: AttemptReport): Promise<void> {
    this.identify(report.userId);
    this.touch();
    const started = Date.now();
    const item = await this.withDatabase((db) => loadAttemptedItem(db, report.itemId));
    if (!item) return;
    const event = attemptEvent(report, item);
    const session = this.store.getMeta<SessionActivity>('session');
    if (session) {
      // The answer kept the session alive: its idle end moves on.
      this.store.setMeta('session', { ...session, lastActivityAt: event.at });
      this.scheduleNudge('session-idle', Date.parse(event.at) + IDLE_MS + 1000, true);
    }
    if (this.store.inFlight?.item.id === event.itemId) this.store.setMeta('inFlight', null);
    this.store.setMeta('course', event.course);
    this.store.setMeta('lastFeedback', event.feedback);
    this.store.record(
      'answer',
      { item: event.itemSlug, conceptId: event.conceptId, correct: event.correct, difficulty: event.difficulty },
      Date.parse(event.at),
    );
    const adaptation = this.store.getMeta<PracticeAdaptation>('adaptation');
    // A right answer on the concept practice was stepped down for ends the step-down.
    if (adaptation?.conceptId === event.conceptId && event.correct) this.store.setMeta('adaptation', null);

    const answers = this.store
      .interactions(INTERACTIONS_FOR_STRUGGLE)
      .filter((interaction) => interaction.kind === 'answer')
      .map((interaction) => interaction.detail as unknown as RememberedAnswer);
    const snapshot = needsSnapshot(event, answers)
      ? await this.withDatabase((db) =>
          loadSnapshot(db, event.userId, event.course, new Date(event.at), {
            lastActiveAt: iso(this.store.getMeta<number>('previousVisitAt')),
            lastFeedback: event.feedback,
          }),
        )
      : null;
    const decided = pushesForAttempt(event, snapshot);
    if (decided.adaptation) this.store.setMeta('adaptation', decided.adaptation);
    for (const push of decided.pushes) this.push(push);
    this.countCall(decided.adaptation ? 'quiz-master' : 'motivator', Date.now() - started);

    const clock = { now: event.at, timeZone: event.timeZone, xp: { ...event.xp, total: 0, tier: '' } };
    const streakReminder = event.streak.current > 0 ? nextStreakReminderAt(clock) : null;
    this.scheduleReminders({ 'streak-reminder': streakReminder });
    const reviewAt = reviewNudgeAt(clock, event.reviewDue);
    if (reviewAt) this.scheduleNudge('review-due', Date.parse(reviewAt));
  }

  /** RPC: the learning session was started or answered in; its idle end is rescheduled. */
  async sessionActivity(activity: SessionActivity): Promise<void> {
    this.identify(activity.userId);
    this.store.setMeta('course', activity.course);
    this.store.setMeta('session', activity);
    this.scheduleNudge('session-idle', Date.parse(activity.lastActivityAt) + IDLE_MS + 1000, true);
  }

  /** RPC: the learner ended the session; nothing is left to end on idle. */
  async sessionEnded(userId: string): Promise<void> {
    this.identify(userId);
    this.store.setMeta('session', null);
    this.store.cancel('session-idle');
    await this.armAlarm();
  }

  /** RPC: what the object holds, for the learner's own status view and operators. */
  async status(): Promise<LearnerAgentStatus> {
    return {
      connections: openSockets(this.ctx),
      lastSeenAt: this.store.getMeta<number>('lastSeenAt'),
      course: this.store.getMeta<string>('course'),
      inFlight: this.store.inFlight,
      nudges: this.store.nudges().map((nudge) => ({ kind: nudge.kind, dueAt: new Date(nudge.dueAt).toISOString() })),
      memoryTurns: this.store.memory().length,
      agents: this.store.counters(),
    };
  }

  /** RPC: the conversation as the learner saw it, oldest first (the turns the team remembers). */
  async transcript(): Promise<TranscriptTurn[]> {
    return transcriptOf(this.store.memory());
  }

  override async alarm(): Promise<void> {
    const userId = this.store.userId;
    const due = this.store.takeDue(Date.now());
    if (userId) {
      for (const kind of due) {
        try {
          await this.runNudge(userId, kind);
        } catch (error) {
          // One failed nudge must not stop the others; the session end is retried later.
          this.countCall('motivator', 0, { error: errorText(error) });
          if (kind === 'session-idle') this.store.schedule('session-idle', Date.now() + 60_000);
        }
      }
    }
    await this.armAlarm();
  }

  override async webSocketMessage(ws: WebSocket, frame: string | ArrayBuffer): Promise<void> {
    await guarded(ws, 'learner agent message', async () => {
      if (!this.limit.admit(ws)) return;
      const parsed = parseClientMessage(frame);
      if (!parsed.ok) return send(ws, parsed.error);
      this.touch();
      const message = parsed.message;
      switch (message.type) {
        case 'ping':
          return send(ws, { type: 'pong', id: message.id, serverTime: Date.now() });
        case 'chat': {
          const { userId } = ws.deserializeAttachment() as { userId: string };
          send(ws, { type: 'agent-status', id: message.id, state: 'thinking' });
          try {
            const output = await this.answer({ userId, text: message.text, course: message.course, id: message.id });
            send(ws, { type: 'chat-reply', id: output.id, intent: output.intent, reply: output.reply });
          } catch {
            send(ws, {
              type: 'error',
              code: 'unavailable',
              id: message.id,
              message: 'The tutors could not answer just now; try again.',
            });
          }
          return send(ws, { type: 'agent-status', id: message.id, state: 'idle' });
        }
        default:
          return send(ws, {
            type: 'error',
            code: 'not_allowed',
            message: `"${message.type}" is not a message of this channel.`,
          });
      }
    });
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    closeQuietly(ws, code);
  }

  private identify(userId: string): void {
    const known = this.store.userId;
    if (known && known !== userId) throw new Error('this learner agent belongs to another learner');
    if (!known) this.store.setMeta('userId', userId);
  }

  private touch(): void {
    const now = Date.now();
    const last = this.store.getMeta<number>('lastSeenAt');
    // A gap of an hour or more starts a new visit: the one before is "last active" for the motivator.
    if (last !== null && now - last > 3_600_000) this.store.setMeta('previousVisitAt', last);
    this.store.setMeta('lastSeenAt', now);
  }

  /**
   * The orchestrator's decision on its own, for the dashboard: what to do next and why,
   * with its links and action. `null` when the learner has no course to talk about.
   */
  async nextStep(input: { userId: string; course?: string | undefined }): Promise<NextStepOutput | null> {
    await this.attemptsSettled;
    const started = Date.now();
    const snapshot = await this.snapshotFor(input.userId, input.course, new Date(), started);
    if (!snapshot) return null;
    const step = decideNextStep(snapshot);
    const reply = nextStepReply(snapshot, step);
    this.countCall('orchestrator', Date.now() - started);
    return { course: snapshot.course.slug, step, reply };
  }

  /** The learner's snapshot for `course` (else the last one talked about, else their default). */
  private async snapshotFor(
    userId: string,
    requested: string | undefined,
    now: Date,
    started: number,
  ): Promise<LearnerSnapshot | null> {
    try {
      return await this.withDatabase(async (db) => {
        const course = requested ?? this.store.getMeta<string>('course') ?? (await defaultCourseSlug(db, userId));
        if (!course) return null;
        return loadSnapshot(db, userId, course, now, {
          lastActiveAt: iso(this.store.getMeta<number>('previousVisitAt')),
          lastFeedback: this.store.lastFeedback,
        });
      });
    } catch (error) {
      this.countCall('orchestrator', Date.now() - started, { error: errorText(error) });
      throw error;
    }
  }

  private async answer(input: ChatInput): Promise<ChatOutput> {
    await this.attemptsSettled;
    const id = input.id ?? crypto.randomUUID();
    const started = Date.now();
    const now = new Date();
    const snapshot = await this.snapshotFor(input.userId, input.course, now, started);
    if (!snapshot) throw new Error(`no course to talk about for ${input.userId}`);
    this.store.setMeta('course', snapshot.course.slug);

    const inFlight = this.store.inFlight;
    const memory = this.store.memory();
    const decided = respond(snapshot, input.text, memory, inFlight ? inFlightHints(inFlight) : null);
    // Hints are progressive: the next "give me a hint" on this item gives the next one.
    if (inFlight && decided.intent === 'hint')
      this.store.setMeta('inFlight', { ...inFlight, hintsUsed: (inFlight.hintsUsed ?? 0) + 1 });
    const { reply, elaborated } = await this.maybeElaborate(input.text, decided.reply);
    const at = now.toISOString();
    this.store.remember(
      { role: 'learner', text: input.text, intent: decided.intent, conceptId: decided.conceptId, at },
      {
        role: 'agent',
        // The grounded text, not a model's rewording: "tell me more" skips what was shown by it.
        text: decided.reply.text,
        agent: reply.agent,
        intent: decided.intent,
        conceptId: decided.conceptId,
        messageId: reply.messageId,
        shown: reply,
        at,
      },
    );
    const elapsed = Date.now() - started;
    this.countCall('orchestrator', elapsed);
    if (decided.handledBy !== 'orchestrator') this.countCall(decided.handledBy, elapsed);
    this.scheduleReminders(reminderTimes(snapshot));
    return { id, intent: decided.intent, reply, elaborated };
  }

  private async maybeElaborate(question: string, reply: AgentReply) {
    const ai = (this.env as unknown as { AI?: TextModelBinding }).AI;
    const result = await elaborate(question, reply, ai);
    // A fallback is not a failed answer (the grounded one went out), but operators should see it.
    if (ai && !result.elaborated)
      this.countCall('orchestrator', 0, { error: `model fallback: ${result.reason}`, calls: 0 });
    return result;
  }

  private async runNudge(userId: string, kind: NudgeKind): Promise<void> {
    if (kind === 'session-idle') {
      const ended = await this.withDatabase(async (db) => {
        const closed = await endIdleSession(db, userId, new Date());
        if (closed) return closed;
        // Still in use (an answer came in since): look again when it could next go idle.
        const open = await activeSessionSummary(db, userId, new Date());
        if (open) this.store.schedule('session-idle', Date.parse(open.lastActivityAt) + IDLE_MS + 1000);
        return null;
      });
      if (!ended) return;
      this.store.setMeta('session', null);
      this.push({
        event: {
          kind: 'session-ended',
          sessionId: ended.id,
          reason: 'idle',
          answers: ended.summary.answers,
          accuracy: ended.summary.accuracy,
          xp: ended.summary.xp,
        },
        at: new Date().toISOString(),
      });
      return;
    }
    const course = this.store.getMeta<string>('course');
    if (!course) return;
    const snapshot = await this.withDatabase((db) =>
      loadSnapshot(db, userId, course, new Date(), {
        lastActiveAt: iso(this.store.getMeta<number>('previousVisitAt')),
        lastFeedback: this.store.lastFeedback,
      }),
    );
    if (!snapshot) return;
    const push = nudgeFor(kind, snapshot, this.store.memory());
    if (!push) return;
    if (push.reply?.messageId) {
      this.store.remember({
        role: 'agent',
        text: push.reply.text,
        agent: 'motivator',
        messageId: push.reply.messageId,
        shown: push.reply,
        at: push.at,
      });
    }
    this.push(push);
  }

  /** Sends a push to every open tab, or keeps it for the next time the learner connects. */
  private push(push: Push): void {
    if (openSockets(this.ctx) > 0) {
      broadcast(this.ctx, { type: 'push', ...push });
      return;
    }
    const pending = this.store.getMeta<Push[]>('pendingPushes') ?? [];
    this.store.setMeta('pendingPushes', [...pending, push].slice(-PENDING_PUSHES));
  }

  private scheduleReminders(times: Partial<Record<'streak-reminder' | 'review-due', string | null>>): void {
    for (const [kind, at] of Object.entries(times) as ['streak-reminder' | 'review-due', string | null][]) {
      if (at) this.store.schedule(kind, Date.parse(at));
      else if (at === null) this.store.cancel(kind);
    }
    void this.armAlarm();
  }

  private scheduleNudge(kind: NudgeKind, dueAt: number, replace = false): void {
    const existing = this.store.nudges().find((nudge) => nudge.kind === kind);
    if (replace || !existing || dueAt < existing.dueAt) this.store.schedule(kind, dueAt);
    void this.armAlarm();
  }

  /** Counts a call in the object's own counters and in the team's totals in Redis (after the answer). */
  private countCall(agent: AgentName, elapsedMs: number, options: { error?: string; calls?: number } = {}): void {
    const at = new Date();
    this.store.count(agent, elapsedMs, options.error, options.calls ?? 1, at.getTime());
    this.ctx.waitUntil(
      recordAgentCall(getRedis(this.env), {
        agent,
        elapsedMs,
        error: options.error,
        calls: options.calls ?? 1,
        at,
      }).catch(() => {
        // The team's totals are a view; the object's own counters still have the call.
      }),
    );
  }

  /** One alarm per object: set it to the earliest nudge, or clear it. */
  private async armAlarm(): Promise<void> {
    const next = this.store.nextNudgeAt();
    if (next === null) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(next);
  }

  private async withDatabase<T>(work: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
    const handle = openDatabase(this.env);
    try {
      return await work(handle.db);
    } finally {
      this.ctx.waitUntil(handle.close());
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function inFlightHints(inFlight: InFlightItem): { hints: string[]; hintsUsed: number } {
  const hints = inFlight.item.hints;
  return {
    hints: Array.isArray(hints) ? hints.filter((hint): hint is string => typeof hint === 'string') : [],
    hintsUsed: inFlight.hintsUsed ?? 0,
  };
}

export type { AgentName, PushEvent };
