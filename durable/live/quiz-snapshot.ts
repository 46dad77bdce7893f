/**
 * The quiz state as text, for the LiveRoom to keep in its SQLite storage and rebuild after
 * eviction. Parsing validates the whole shape with zod, so a row written by an older build or
 * damaged on the way reads as an error the room can report instead of a state the reducer
 * trips over mid-game. The version number leaves room to migrate old snapshots later.
 */
import { z } from 'zod';
import type { QuizState } from './quiz-state';

const SNAPSHOT_VERSION = 1;

const epochMs = z.number().finite();
const count = z.number().int().nonnegative();
const durationMs = z.number().finite().nonnegative();

const LiveQuestionSchema = z.object({
  itemId: z.string(),
  itemSlug: z.string(),
  prompt: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
  correct: z.array(z.string()),
  multiple: z.boolean(),
  explanation: z.string(),
  timeLimitMs: z.number().int().positive(),
});

const LiveAnswerSchema = z.object({
  optionIds: z.array(z.string()),
  at: epochMs,
  responseMs: durationMs,
  correct: z.boolean(),
  points: count,
});

const PlayerSchema = z.object({
  id: z.string(),
  nickname: z.string(),
  userId: z.string().nullable(),
  tokenHash: z.string(),
  score: count,
  streak: count,
  kicked: z.boolean(),
  connected: z.boolean(),
  joinedAt: epochMs,
  // JSON object keys are strings; question indexes come back as "0", "1", …
  answers: z.record(z.string().regex(/^(0|[1-9]\d*)$/), LiveAnswerSchema),
});

const QuizStateSchema = z.object({
  phase: z.enum(['lobby', 'question', 'review', 'ended']),
  paused: z.boolean(),
  settings: z.object({ streakBonus: z.boolean() }),
  questions: z.array(LiveQuestionSchema),
  index: z.number().int().min(-1),
  questionStartedAt: epochMs.nullable(),
  deadline: epochMs.nullable(),
  remainingMs: durationMs.nullable(),
  pausedAt: epochMs.nullable(),
  pausedMs: durationMs,
  skipped: z.array(count),
  players: z.record(z.string(), PlayerSchema),
  hostConnected: z.boolean(),
  endedAt: epochMs.nullable(),
});

const SnapshotSchema = z.object({ version: z.literal(SNAPSHOT_VERSION), state: QuizStateSchema });

export function serializeState(state: QuizState): string {
  return JSON.stringify({ version: SNAPSHOT_VERSION, state });
}

export function parseState(text: string): { ok: true; state: QuizState } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The stored quiz state is not JSON' };
  }
  const parsed = SnapshotSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, error: `The stored quiz state is malformed: ${z.prettifyError(parsed.error)}` };
  const state: QuizState = parsed.data.state;
  if (Object.entries(state.players).some(([id, player]) => id !== player.id)) {
    return { ok: false, error: 'The stored quiz state is malformed: a player is filed under another id' };
  }
  return { ok: true, state };
}
