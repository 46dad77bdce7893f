/**
 * The live classroom quiz as a pure state machine. The LiveRoom object feeds it events
 * (players joining and answering, host commands, its own alarm), stores the state it returns
 * and carries out the effects. Keeping the rules free of sockets, storage and clocks lets them
 * be tested exhaustively and replayed after eviction. Time always arrives on the event (`at`,
 * epoch ms, the server's clock): response times are measured here, never trusted from a client.
 * Host events are trusted: the object decides who the host is.
 */
import { nicknameKey, normalizeNickname } from './nickname';
import {
  answer,
  cancelIfOpen,
  closeIfEveryoneAnswered,
  closeQuestion,
  endGame,
  fail,
  ok,
  openQuestion,
  pause,
  resume,
  skipOpenQuestion,
  withPlayer,
} from './question-flow';

export interface LiveQuestion {
  itemId: string;
  itemSlug: string;
  prompt: string;
  /** True-false items arrive as the options 'true' and 'false'. */
  options: { id: string; text: string }[];
  /** Option ids; a multi-select answer must match this set exactly. */
  correct: string[];
  multiple: boolean;
  explanation: string;
  timeLimitMs: number;
}

export interface LiveAnswer {
  optionIds: string[];
  at: number;
  /** Time since the question opened, minus time spent paused. */
  responseMs: number;
  correct: boolean;
  /** Fixed when the answer arrives; added to the score when the question closes. */
  points: number;
}

export interface Player {
  id: string;
  nickname: string;
  userId: string | null;
  tokenHash: string;
  score: number;
  /** Correct answers in a row up to the last closed question. */
  streak: number;
  kicked: boolean;
  connected: boolean;
  joinedAt: number;
  answers: Record<number, LiveAnswer>;
}

export interface QuizSettings {
  streakBonus: boolean;
}

export interface QuizState {
  phase: 'lobby' | 'question' | 'review' | 'ended';
  paused: boolean;
  settings: QuizSettings;
  questions: LiveQuestion[];
  /** The current (or last shown) question; -1 in the lobby. */
  index: number;
  questionStartedAt: number | null;
  /** When the open question closes; null while paused or when no question is open. */
  deadline: number | null;
  /** Time left on the open question while paused. */
  remainingMs: number | null;
  /** When the current pause began, so its length can be taken off response times. */
  pausedAt: number | null;
  /** Time the open question has spent paused so far. */
  pausedMs: number;
  /** Questions closed without scoring (skipped, or open when the host ended the game). */
  skipped: number[];
  players: Record<string, Player>;
  hostConnected: boolean;
  endedAt: number | null;
}

export type QuizEvent =
  | { type: 'join'; playerId: string; nickname: string; userId: string | null; tokenHash: string; at: number }
  | { type: 'reconnect' | 'disconnect' | 'kick'; playerId: string; at: number }
  | { type: 'answer'; playerId: string; optionIds: string[]; at: number }
  | { type: 'set-streak-bonus'; enabled: boolean }
  | { type: 'host-connected' | 'host-disconnected'; at: number }
  | { type: 'start' | 'reveal' | 'next' | 'skip' | 'pause' | 'resume' | 'end'; at: number }
  /** The room's alarm: the open question's time is up (or a stale alarm, ignored). */
  | { type: 'deadline'; at: number };

export type Effect =
  | { kind: 'schedule-deadline'; at: number }
  | { kind: 'cancel-deadline' | 'game-ended' | 'paused' | 'resumed' }
  | { kind: 'question-opened' | 'question-closed'; index: number }
  | { kind: 'answer-accepted'; playerId: string; index: number; answeredCount: number; playerCount: number }
  | { kind: 'player-joined' | 'player-left' | 'player-kicked'; playerId: string };

export type QuizErrorCode =
  'not_allowed' | 'invalid' | 'late' | 'duplicate' | 'nickname_taken' | 'kicked' | 'ended' | 'full';

export type ReduceResult =
  { ok: true; state: QuizState; effects: Effect[] } | { ok: false; error: { code: QuizErrorCode; message: string } };

export type EventOf<T extends QuizEvent['type']> = Extract<QuizEvent, { type: T }>;

export function initialState(questions: LiveQuestion[], settings: QuizSettings): QuizState {
  return {
    phase: 'lobby',
    paused: false,
    settings: { ...settings },
    questions: structuredClone(questions),
    index: -1,
    questionStartedAt: null,
    deadline: null,
    remainingMs: null,
    pausedAt: null,
    pausedMs: 0,
    skipped: [],
    players: {},
    hostConnected: false,
    endedAt: null,
  };
}

/**
 * Most players seated at once: the size the room's fan-out was measured at (p99 147 ms to
 * 500 players, docs/benchmarks.md), far beyond a class, and a bound on a flood of joins.
 * Kicked players do not count, so removing spam frees seats.
 */
export const MAX_PLAYERS = 500;

/** Events that still make sense once the game is over (seeing the podium, removing a name from it). */
const ALLOWED_AFTER_END = new Set<QuizEvent['type']>([
  'reconnect',
  'disconnect',
  'kick',
  'host-connected',
  'host-disconnected',
  'deadline',
]);

/** Returns a new state (the input is never modified) and what the room must do, or a refusal. */
export function reduce(state: QuizState, event: QuizEvent): ReduceResult {
  if (state.phase === 'ended' && !ALLOWED_AFTER_END.has(event.type)) return fail('ended', 'The game is over');
  switch (event.type) {
    case 'join':
      return join(state, event);
    case 'reconnect':
    case 'disconnect':
    case 'kick':
      return changeSeat(state, event);
    case 'host-connected':
    case 'host-disconnected':
      return ok({ ...state, hostConnected: event.type === 'host-connected' });
    case 'set-streak-bonus':
      return ok({ ...state, settings: { ...state.settings, streakBonus: event.enabled } });
    case 'answer':
      return answer(state, event);
    case 'deadline':
      if (state.phase !== 'question' || state.deadline === null || event.at < state.deadline) return ok(state);
      return closeQuestion(state, []);
    case 'pause':
      return pause(state, event.at);
    case 'resume':
      return resume(state, event.at);
    case 'end':
      return endGame(state.phase === 'question' ? skipOpenQuestion(state) : state, event.at, cancelIfOpen(state));
  }
  // Whatever is left moves the game forward, which waits while it is paused.
  if (state.paused) return fail('not_allowed', 'The game is paused; resume it first');
  switch (event.type) {
    case 'start':
      if (state.phase !== 'lobby') return fail('not_allowed', 'The game has already started');
      if (state.questions.length === 0) return fail('invalid', 'The room has no questions');
      return openQuestion(state, 0, event.at, []);
    case 'reveal':
      if (state.phase !== 'question') return fail('not_allowed', 'No question is open');
      return closeQuestion(state, [{ kind: 'cancel-deadline' }]);
    case 'next':
      if (state.phase !== 'review') return fail('not_allowed', 'Close the question before moving on');
      return openQuestion(state, state.index + 1, event.at, []);
    case 'skip':
      if (state.phase !== 'question') return fail('not_allowed', 'No question is open');
      return openQuestion(skipOpenQuestion(state), state.index + 1, event.at, [{ kind: 'cancel-deadline' }]);
  }
}

function join(state: QuizState, event: EventOf<'join'>): ReduceResult {
  const players = Object.values(state.players);
  const sameSeat = players.filter(
    (p) =>
      p.id === event.playerId || p.tokenHash === event.tokenHash || (p.userId !== null && p.userId === event.userId),
  );
  if (sameSeat.some((p) => p.kicked)) return fail('kicked', 'You were removed from this game');
  if (sameSeat.some((p) => p.id === event.playerId || p.tokenHash === event.tokenHash)) {
    return fail('duplicate', 'This player has already joined; reconnect instead');
  }
  if (players.filter((p) => !p.kicked).length >= MAX_PLAYERS) {
    return fail('full', `This game is full (${MAX_PLAYERS} players)`);
  }
  const checked = normalizeNickname(event.nickname);
  if (!checked.ok) return fail('invalid', checked.message);
  const key = nicknameKey(checked.nickname);
  if (players.some((p) => !p.kicked && nicknameKey(p.nickname) === key)) {
    return fail('nickname_taken', 'Someone in the room already has that nickname');
  }
  const player: Player = {
    id: event.playerId,
    nickname: checked.nickname,
    userId: event.userId,
    tokenHash: event.tokenHash,
    score: 0,
    streak: 0,
    kicked: false,
    connected: true,
    joinedAt: event.at,
    answers: {},
  };
  return ok(withPlayer(state, player), [{ kind: 'player-joined', playerId: player.id }]);
}

function changeSeat(state: QuizState, event: EventOf<'reconnect' | 'disconnect' | 'kick'>): ReduceResult {
  const player = state.players[event.playerId];
  if (!player) return fail('invalid', 'No such player in this room');
  if (event.type === 'reconnect') {
    if (player.kicked) return fail('kicked', 'You were removed from this game');
    return ok(withPlayer(state, { ...player, connected: true }), [{ kind: 'player-joined', playerId: player.id }]);
  }
  // A kicked player's socket closing, or a second kick, changes nothing anyone sees.
  if (player.kicked) return ok(withPlayer(state, { ...player, connected: false }));
  const next = withPlayer(state, { ...player, connected: false, kicked: event.type === 'kick' });
  const effect = event.type === 'kick' ? ('player-kicked' as const) : ('player-left' as const);
  return closeIfEveryoneAnswered(next, [{ kind: effect, playerId: player.id }]);
}
