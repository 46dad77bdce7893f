/**
 * The WebSocket wire protocol between the browser and the Durable Objects: discriminated
 * unions on `type`, validated on receive. Imported by the objects and by the frontend, so
 * it must not import anything Worker-only.
 */
import { z } from 'zod';
import type { AgentReply } from './agents/snapshot';

/** Frames larger than this are refused before parsing (a cheap guard against abuse). */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** The longest chat message a learner can send the tutor team. */
export const MAX_CHAT_CHARS = 2000;

export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), id: z.string().max(64).optional() }),
  z.object({
    type: z.literal('chat'),
    id: z.string().min(1).max(64),
    text: z.string().trim().min(1).max(MAX_CHAT_CHARS),
    /** The course the question is about; the learner's last course when absent. */
    course: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
      .optional(),
  }),
  // Live quiz: a player or host presents the token the join gave them, once per socket.
  z.object({ type: z.literal('hello'), token: z.string().min(16).max(128) }),
  z.object({
    type: z.literal('answer'),
    index: z.number().int().min(0).max(1000),
    optionIds: z.array(z.string().min(1).max(64)).min(1).max(10),
  }),
  z.object({ type: z.literal('host'), action: z.enum(['start', 'next', 'reveal', 'skip', 'pause', 'resume', 'end']) }),
  z.object({ type: z.literal('kick'), playerId: z.string().min(1).max(64) }),
  z.object({ type: z.literal('streak-bonus'), enabled: z.boolean() }),
  // Study group: "I am typing" (renewed while typing; it clears itself).
  z.object({ type: z.literal('typing'), active: z.boolean() }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/** Something the learner's live channel tells them without being asked. */
export type PushEvent =
  | { kind: 'achievement-unlocked'; id: string; title: string; description: string }
  | { kind: 'concept-unlocked'; course: string; concept: string }
  | { kind: 'concept-mastered'; course: string; concept: string }
  | { kind: 'worked-example'; course: string; concept: string; itemSlug: string }
  | { kind: 'review-due'; course: string; count: number }
  | { kind: 'streak-at-risk'; streak: number; xpToGoal: number }
  | { kind: 'nudge' }
  | {
      kind: 'session-ended';
      sessionId: string;
      reason: 'learner' | 'idle';
      answers: number;
      accuracy: number | null;
      xp: number;
    };

/** A live quiz question as players see it: never the correct options. */
export interface LiveQuestionView {
  index: number;
  total: number;
  prompt: string;
  options: { id: string; text: string }[];
  multiple: boolean;
  timeLimitMs: number;
  /** Server time when answers close (null while paused). */
  deadline: number | null;
  remainingMs: number | null;
}

export interface LiveStanding {
  playerId: string;
  nickname: string;
  score: number;
  rank: number;
}

export type LiveMessage =
  /** Sent on hello and whenever a client needs the whole picture (a reconnect). */
  | {
      type: 'live-state';
      role: 'host' | 'player';
      phase: 'lobby' | 'question' | 'review' | 'ended';
      paused: boolean;
      pin: string | null;
      title: string;
      players: { playerId: string; nickname: string; connected: boolean }[];
      question: LiveQuestionView | null;
      you: { playerId: string; nickname: string; score: number; rank: number | null; answered: boolean } | null;
      streakBonus: boolean;
    }
  | { type: 'lobby'; players: { playerId: string; nickname: string; connected: boolean }[] }
  | { type: 'question'; question: LiveQuestionView }
  | { type: 'answer-ack'; index: number; accepted: true }
  | { type: 'answer-count'; index: number; answered: number; players: number }
  | {
      type: 'question-results';
      index: number;
      correct: string[];
      explanation: string;
      distribution: Record<string, number>;
      noAnswer: number;
      leaderboard: LiveStanding[];
      you: { score: number; rank: number; points: number; correct: boolean | null; streak: number } | null;
    }
  | { type: 'paused'; remainingMs: number | null }
  | { type: 'resumed'; deadline: number | null }
  | {
      type: 'game-over';
      podium: LiveStanding[];
      you: { score: number; rank: number; correct: number; answered: number; averageResponseMs: number | null } | null;
    }
  | { type: 'kicked' };

export interface GroupMember {
  userId: string;
  name: string;
}

export interface GroupChatMessage {
  id: number;
  userId: string;
  name: string;
  /** Plain text, cleaned of tags and control characters: render it as text. */
  text: string;
  at: number;
}

export interface GroupPractice {
  items: { id: string; slug: string; course: string; concept: string; type: string; prompt: string }[];
  startedBy: GroupMember;
  startedAt: number;
  progress: Record<string, { answered: number; correct: number; items: Record<string, boolean> }>;
}

export type GroupMessage =
  | {
      type: 'group-state';
      group: { id: string; name: string };
      online: GroupMember[];
      history: GroupChatMessage[];
      practice: GroupPractice | null;
    }
  | { type: 'presence-update'; online: GroupMember[] }
  | { type: 'group-message'; message: GroupChatMessage }
  | { type: 'typing'; member: GroupMember; until: number | null }
  | { type: 'practice-set'; practice: GroupPractice }
  | {
      type: 'practice-progress';
      userId: string;
      itemId: string;
      correct: boolean;
      progress: GroupPractice['progress'];
    };

export type ServerMessage =
  | GroupMessage
  | LiveMessage
  | { type: 'welcome'; connections: number; serverTime: number }
  | { type: 'pong'; id?: string; serverTime: number }
  | { type: 'presence'; connections: number }
  /** The team is working on an answer (a typing indicator), or has finished. */
  | { type: 'agent-status'; id: string; state: 'thinking' | 'idle' }
  | { type: 'chat-reply'; id: string; intent: string; reply: AgentReply }
  | { type: 'push'; event: PushEvent; reply?: AgentReply; at: string }
  | {
      type: 'error';
      code:
        | 'bad_message'
        | 'too_large'
        | 'rate_limited'
        | 'unavailable'
        | 'unauthorized'
        | 'not_allowed'
        | 'invalid'
        | 'late'
        | 'duplicate'
        | 'ended';
      message: string;
      /** The chat message the error is about, when there is one. */
      id?: string;
      retryAfterMs?: number;
    };

export type ParseResult =
  { ok: true; message: ClientMessage } | { ok: false; error: Extract<ServerMessage, { type: 'error' }> };

/** Parses one frame; never throws, so a bad frame cannot kill the object that got it. */
export function parseClientMessage(frame: string | ArrayBuffer): ParseResult {
  const size = typeof frame === 'string' ? new TextEncoder().encode(frame).byteLength : frame.byteLength;
  if (size > MAX_MESSAGE_BYTES) {
    return {
      ok: false,
      error: { type: 'error', code: 'too_large', message: `Messages are limited to ${MAX_MESSAGE_BYTES} bytes.` },
    };
  }
  if (typeof frame !== 'string') {
    return { ok: false, error: { type: 'error', code: 'bad_message', message: 'Send JSON text frames.' } };
  }
  let data: unknown;
  try {
    data = JSON.parse(frame);
  } catch {
    return { ok: false, error: { type: 'error', code: 'bad_message', message: 'The message is not valid JSON.' } };
  }
  const parsed = ClientMessageSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, error: { type: 'error', code: 'bad_message', message: 'Unknown or malformed message.' } };
  }
  return { ok: true, message: parsed.data };
}
