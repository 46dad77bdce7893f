/**
 * The life of one question in the live quiz: opening it with its deadline, taking answers
 * (response time measured on the server, minus pauses), closing it and settling scores and
 * streaks, skipping it unscored, pausing and resuming its clock, ending the game. Helpers of
 * the reducer in quiz-state.ts, which decides which of them an event may call; pure as it is.
 */
import type {
  Effect,
  EventOf,
  LiveAnswer,
  LiveQuestion,
  Player,
  QuizErrorCode,
  QuizState,
  ReduceResult,
} from './quiz-state';
import { questionPoints, streakBonus } from './scoring';

export function ok(state: QuizState, effects: Effect[] = []): ReduceResult {
  return { ok: true, state, effects };
}

export function fail(code: QuizErrorCode, message: string): ReduceResult {
  return { ok: false, error: { code, message } };
}

export function withPlayer(state: QuizState, player: Player): QuizState {
  return { ...state, players: { ...state.players, [player.id]: player } };
}

export function answer(state: QuizState, event: EventOf<'answer'>): ReduceResult {
  const player = state.players[event.playerId];
  if (!player) return fail('not_allowed', 'Only players can answer');
  if (player.kicked) return fail('kicked', 'You were removed from this game');
  if (state.phase !== 'question' && state.phase !== 'review') return fail('not_allowed', 'No question is open');
  if (player.answers[state.index]) return fail('duplicate', 'You have already answered this question');
  if (state.phase === 'review') return fail('late', 'The question has closed');
  if (state.paused) return fail('not_allowed', 'The game is paused');
  const question = state.questions[state.index];
  // Always set while a question is open and not paused; checked so the types say so too.
  if (!question || state.deadline === null || state.questionStartedAt === null) {
    return fail('not_allowed', 'No question is open');
  }
  if (event.at >= state.deadline) return fail('late', 'Time is up for this question');
  const problem = optionProblem(question, event.optionIds);
  if (problem) return fail('invalid', problem);

  const responseMs = Math.min(Math.max(event.at - state.questionStartedAt - state.pausedMs, 0), question.timeLimitMs);
  const correct = sameSet(event.optionIds, question.correct);
  const bonus = state.settings.streakBonus ? streakBonus(player.streak + 1) : 0;
  const points = correct ? questionPoints(responseMs, question.timeLimitMs) + bonus : 0;
  const recorded: LiveAnswer = { optionIds: [...event.optionIds], at: event.at, responseMs, correct, points };
  const next = withPlayer(state, { ...player, answers: { ...player.answers, [state.index]: recorded } });

  const { answered: answeredCount, players: playerCount } = answerCount(next);
  const accepted: Effect = {
    kind: 'answer-accepted',
    playerId: player.id,
    index: state.index,
    answeredCount,
    playerCount,
  };
  return closeIfEveryoneAnswered(next, [accepted]);
}

/** The host's "N of M answered" for the current question: M counts those present or already answered. */
export function answerCount(state: QuizState): { answered: number; players: number } {
  const inRoom = Object.values(state.players).filter((p) => !p.kicked);
  return {
    answered: inRoom.filter((p) => p.answers[state.index]).length,
    players: inRoom.filter((p) => p.connected || p.answers[state.index]).length,
  };
}

/** Why these option ids are not an answer to the question, or null if they are. */
function optionProblem(question: LiveQuestion, optionIds: string[]): string | null {
  const known = new Set(question.options.map((option) => option.id));
  if (optionIds.length === 0) return 'Pick an option';
  if (!optionIds.every((id) => known.has(id))) return 'Unknown option for this question';
  if (new Set(optionIds).size !== optionIds.length) return 'An option was picked twice';
  if (!question.multiple && optionIds.length !== 1) return 'Pick exactly one option';
  return null;
}

function sameSet(picked: string[], expected: string[]): boolean {
  const wanted = new Set(expected);
  return picked.length === wanted.size && picked.every((id) => wanted.has(id));
}

/** Closes the question at once when everyone who could still answer has (nobody connected: wait). */
export function closeIfEveryoneAnswered(state: QuizState, effects: Effect[]): ReduceResult {
  if (state.phase !== 'question') return ok(state, effects);
  const waitingOn = Object.values(state.players).filter((p) => !p.kicked && p.connected);
  if (waitingOn.length === 0 || waitingOn.some((p) => !p.answers[state.index])) return ok(state, effects);
  return closeQuestion(state, [...effects, { kind: 'cancel-deadline' }]);
}

/** Adds each answer's points and settles streaks: a wrong or missing answer resets it. */
export function closeQuestion(state: QuizState, effects: Effect[]): ReduceResult {
  const players: Record<string, Player> = {};
  for (const [id, player] of Object.entries(state.players)) {
    const given = player.answers[state.index];
    players[id] = player.kicked
      ? player
      : { ...player, score: player.score + (given?.points ?? 0), streak: given?.correct ? player.streak + 1 : 0 };
  }
  const closed: QuizState = { ...state, phase: 'review', players, deadline: null, remainingMs: null };
  return ok(closed, [...effects, { kind: 'question-closed', index: state.index }]);
}

/** Drops the open question's answers unscored; streaks are neither broken nor extended. */
export function skipOpenQuestion(state: QuizState): QuizState {
  const players: Record<string, Player> = {};
  for (const [id, player] of Object.entries(state.players)) {
    const { [state.index]: _dropped, ...answers } = player.answers;
    players[id] = { ...player, answers };
  }
  return { ...state, players, skipped: [...state.skipped, state.index] };
}

export function openQuestion(state: QuizState, index: number, at: number, effects: Effect[]): ReduceResult {
  const question = state.questions[index];
  if (!question) return endGame(state, at, effects);
  const deadline = at + question.timeLimitMs;
  const opened: QuizState = {
    ...state,
    phase: 'question',
    index,
    questionStartedAt: at,
    deadline,
    remainingMs: null,
    pausedAt: null,
    pausedMs: 0,
  };
  return ok(opened, [...effects, { kind: 'schedule-deadline', at: deadline }, { kind: 'question-opened', index }]);
}

export function cancelIfOpen(state: QuizState): Effect[] {
  return state.phase === 'question' ? [{ kind: 'cancel-deadline' }] : [];
}

export function endGame(state: QuizState, at: number, effects: Effect[]): ReduceResult {
  const ended: QuizState = {
    ...state,
    phase: 'ended',
    paused: false,
    deadline: null,
    remainingMs: null,
    pausedAt: null,
    endedAt: at,
  };
  return ok(ended, [...effects, { kind: 'game-ended' }]);
}

/** Pausing twice (the host, then the object's grace timer) is harmless: the first pause holds. */
export function pause(state: QuizState, at: number): ReduceResult {
  if (state.paused) return ok(state);
  const paused: QuizState = { ...state, paused: true, pausedAt: at };
  if (state.phase !== 'question' || state.deadline === null) return ok(paused, [{ kind: 'paused' }]);
  const remainingMs = Math.max(state.deadline - at, 0);
  return ok({ ...paused, deadline: null, remainingMs }, [{ kind: 'cancel-deadline' }, { kind: 'paused' }]);
}

export function resume(state: QuizState, at: number): ReduceResult {
  if (!state.paused) return ok(state);
  const pauseLength = Math.max(at - (state.pausedAt ?? at), 0);
  const resumed: QuizState = { ...state, paused: false, pausedAt: null };
  if (state.phase !== 'question' || state.remainingMs === null) return ok(resumed, [{ kind: 'resumed' }]);
  const deadline = at + state.remainingMs;
  return ok({ ...resumed, deadline, remainingMs: null, pausedMs: state.pausedMs + pauseLength }, [
    { kind: 'schedule-deadline', at: deadline },
    { kind: 'resumed' },
  ]);
}
