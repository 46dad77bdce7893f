/**
 * Points and standings of the live quiz, as LEARNING-SCIENCE.md defines them: speed-weighted
 * points for a correct answer, an answer-streak bonus, the leaderboard shown after each
 * question, the podium at the end and per-question results. Pure reads of the quiz state.
 * Standings count only closed questions, so nothing here leaks how an open question is going
 * into the leaderboard, and `resultsFor` refuses to reveal an answer before its question closes.
 */
import { nicknameKey } from './nickname';
import type { QuizState } from './quiz-state';

/** The most a streak can add to one answer. */
export const MAX_STREAK_BONUS = 500;
const STREAK_STEP = 100;

/**
 * round(1000 × (1 − (responseMs / timeLimitMs) / 2)): 1000 for an instant answer, 500 at the
 * buzzer. Computed as 1000 − 500·r/t so the only rounding error is one division; halves round
 * up (Math.round). Response times outside [0, timeLimitMs] are clamped.
 */
export function questionPoints(responseMs: number, timeLimitMs: number): number {
  if (!(timeLimitMs > 0)) return 500;
  const clamped = Math.min(Math.max(responseMs, 0), timeLimitMs);
  return Math.round(1000 - (500 * clamped) / timeLimitMs);
}

/**
 * The bonus for the `consecutive`-th correct answer in a row (this answer included): +100 for
 * each correct answer before it in the run, capped at +500. So the 1st earns 0, the 2nd 100,
 * the 6th and every later one 500.
 */
export function streakBonus(consecutive: number): number {
  if (!(consecutive > 1)) return 0;
  return Math.min(STREAK_STEP * (Math.floor(consecutive) - 1), MAX_STREAK_BONUS);
}

/** A question's answers count for standings once it has closed (review, or a later question). */
export function isQuestionClosed(state: QuizState, index: number): boolean {
  return index >= 0 && (index < state.index || (index === state.index && state.phase !== 'question'));
}

export interface LeaderboardEntry {
  playerId: string;
  nickname: string;
  score: number;
  /** Players equal on score and on time spent on correct answers share a rank (1, 1, 3). */
  rank: number;
  correct: number;
  answered: number;
  /** Sum of response times of the correct answers: the tie-break among equal scores. */
  correctResponseMs: number;
  streak: number;
  connected: boolean;
}

/**
 * Kicked players are off the board. Ordered by score, then speed, then nickname (case-folded,
 * compared with plain `<`, not a locale, so every runtime agrees), then id: never by joining order.
 */
export function leaderboard(state: QuizState): LeaderboardEntry[] {
  const entries = Object.values(state.players)
    .filter((player) => !player.kicked)
    .map((player) => {
      const answers = Object.entries(player.answers)
        .filter(([index]) => isQuestionClosed(state, Number(index)))
        .map(([, answer]) => answer);
      const correctAnswers = answers.filter((answer) => answer.correct);
      return {
        playerId: player.id,
        nickname: player.nickname,
        score: player.score,
        rank: 0,
        correct: correctAnswers.length,
        answered: answers.length,
        correctResponseMs: correctAnswers.reduce((sum, answer) => sum + answer.responseMs, 0),
        streak: player.streak,
        connected: player.connected,
      };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.correctResponseMs - b.correctResponseMs ||
        compareOrdinal(nicknameKey(a.nickname), nicknameKey(b.nickname)) ||
        compareOrdinal(a.nickname, b.nickname) ||
        compareOrdinal(a.playerId, b.playerId),
    );
  const ranked: LeaderboardEntry[] = [];
  for (const [position, entry] of entries.entries()) {
    const previous = ranked[position - 1];
    const tied = previous?.score === entry.score && previous.correctResponseMs === entry.correctResponseMs;
    ranked.push({ ...entry, rank: tied ? previous.rank : position + 1 });
  }
  return ranked;
}

function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a player's screen shows: the top `n` and their own line (null if kicked or unknown). */
export function topAndOwn(
  state: QuizState,
  playerId: string,
  n = 5,
): { top: LeaderboardEntry[]; own: LeaderboardEntry | null } {
  const board = leaderboard(state);
  return { top: board.slice(0, n), own: board.find((entry) => entry.playerId === playerId) ?? null };
}

/** Everyone ranked 1 to 3: usually three players, more when a tie reaches the podium. */
export function podium(state: QuizState): LeaderboardEntry[] {
  return leaderboard(state).filter((entry) => entry.rank <= 3);
}

export interface AnswerDistribution {
  /** How many players picked each option (a multi-select answer counts for each option picked). */
  counts: Record<string, number>;
  /** Players in the room (not kicked) who gave no answer, counted when this is called. */
  noAnswer: number;
}

/** Counts recorded answers; for an open question it is the live tally the host may show. */
export function distribution(state: QuizState, index: number): AnswerDistribution {
  const counts: Record<string, number> = {};
  for (const option of state.questions[index]?.options ?? []) counts[option.id] = 0;
  let noAnswer = 0;
  for (const player of Object.values(state.players)) {
    if (player.kicked) continue;
    const answer = player.answers[index];
    if (!answer) noAnswer++;
    else for (const optionId of answer.optionIds) counts[optionId] = (counts[optionId] ?? 0) + 1;
  }
  return { counts, noAnswer };
}

export interface PlayerSummary {
  score: number;
  rank: number;
  correct: number;
  answered: number;
  /** Mean response time over the player's answers to closed questions; null before any. */
  averageResponseMs: number | null;
}

export function playerSummary(state: QuizState, playerId: string): PlayerSummary | null {
  const entry = leaderboard(state).find((candidate) => candidate.playerId === playerId);
  const player = state.players[playerId];
  if (!entry || !player) return null;
  const times = Object.entries(player.answers)
    .filter(([index]) => isQuestionClosed(state, Number(index)))
    .map(([, answer]) => answer.responseMs);
  const averageResponseMs = times.length ? Math.round(times.reduce((a, b) => a + b, 0) / times.length) : null;
  return { score: entry.score, rank: entry.rank, correct: entry.correct, answered: entry.answered, averageResponseMs };
}

export interface QuestionResults {
  index: number;
  /** The host skipped it (or ended the game during it): nobody was scored on it. */
  skipped: boolean;
  itemId: string;
  itemSlug: string;
  correctOptionIds: string[];
  explanation: string;
  distribution: AnswerDistribution;
  leaderboard: LeaderboardEntry[];
}

/** What everyone sees after a question closes; null while it is open (it would reveal the answer). */
export function resultsFor(state: QuizState, index: number): QuestionResults | null {
  const question = state.questions[index];
  if (!question || !isQuestionClosed(state, index)) return null;
  return {
    index,
    skipped: state.skipped.includes(index),
    itemId: question.itemId,
    itemSlug: question.itemSlug,
    correctOptionIds: [...question.correct],
    explanation: question.explanation,
    distribution: distribution(state, index),
    leaderboard: leaderboard(state),
  };
}
