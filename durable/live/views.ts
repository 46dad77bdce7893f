/**
 * What each screen of a live quiz is sent, built from the game state: the whole picture
 * on (re)connect, a question without its answer, a question's results with the player's
 * own rank, the podium. Pure. The leaderboard is computed once per message kind and looked
 * up per player, so results for 500 phones cost one sort, not 500.
 */
import type { RoomConfig } from './room-store';
import type { QuizState } from './quiz-state';
import { leaderboard, resultsFor, type LeaderboardEntry } from './scoring';
import type { LiveMessage, LiveQuestionView, LiveStanding } from '../protocol';

export type Viewer = { role: 'host' } | { role: 'player'; playerId: string };

/** The leaderboard's top lines shown after each question. */
export const LEADERBOARD_TOP = 5;

export function lobbyPlayers(state: QuizState): { playerId: string; nickname: string; connected: boolean }[] {
  return Object.values(state.players)
    .filter((player) => !player.kicked)
    .sort((a, b) => a.joinedAt - b.joinedAt)
    .map((player) => ({ playerId: player.id, nickname: player.nickname, connected: player.connected }));
}

export function questionView(state: QuizState): LiveQuestionView | null {
  const question = state.questions[state.index];
  if (!question || state.phase !== 'question') return null;
  return {
    index: state.index,
    total: state.questions.length,
    prompt: question.prompt,
    options: question.options.map(({ id, text }) => ({ id, text })),
    multiple: question.multiple,
    timeLimitMs: question.timeLimitMs,
    deadline: state.paused ? null : state.deadline,
    remainingMs: state.paused ? state.remainingMs : null,
  };
}

const standing = (entry: LeaderboardEntry): LiveStanding => ({
  playerId: entry.playerId,
  nickname: entry.nickname,
  score: entry.score,
  rank: entry.rank,
});

/** Memoised per state object: every socket's message about one state shares one board. */
const boards = new WeakMap<QuizState, Map<string, LeaderboardEntry> & { list: LeaderboardEntry[] }>();
function boardOf(state: QuizState) {
  let board = boards.get(state);
  if (!board) {
    const list = leaderboard(state);
    board = Object.assign(new Map(list.map((entry) => [entry.playerId, entry])), { list });
    boards.set(state, board);
  }
  return board;
}

export function liveState(state: QuizState, config: RoomConfig, viewer: Viewer): LiveMessage {
  const player = viewer.role === 'player' ? state.players[viewer.playerId] : undefined;
  const own = player ? boardOf(state).get(player.id) : undefined;
  return {
    type: 'live-state',
    role: viewer.role,
    phase: state.phase,
    paused: state.paused,
    pin: viewer.role === 'host' ? config.pin : null,
    title: config.title,
    players: lobbyPlayers(state),
    question: questionView(state),
    you: player
      ? {
          playerId: player.id,
          nickname: player.nickname,
          score: player.score,
          rank: own?.rank ?? null,
          answered: player.answers[state.index] !== undefined,
        }
      : null,
    streakBonus: state.settings.streakBonus,
  };
}

export function resultsMessage(state: QuizState, index: number, viewer: Viewer): LiveMessage {
  const board = boardOf(state);
  const results = resultsFor(state, index);
  const player = viewer.role === 'player' ? state.players[viewer.playerId] : undefined;
  const own = player ? board.get(player.id) : undefined;
  const answer = player?.answers[index];
  return {
    type: 'question-results',
    index,
    correct: results?.correctOptionIds ?? [],
    explanation: results?.explanation ?? '',
    distribution: results?.distribution.counts ?? {},
    noAnswer: results?.distribution.noAnswer ?? 0,
    leaderboard: board.list.slice(0, LEADERBOARD_TOP).map(standing),
    you:
      player && own
        ? {
            score: own.score,
            rank: own.rank,
            points: answer?.points ?? 0,
            correct: answer ? answer.correct : null,
            streak: player.streak,
          }
        : null,
  };
}

export function gameOverMessage(state: QuizState, viewer: Viewer): LiveMessage {
  const board = boardOf(state);
  const player = viewer.role === 'player' ? state.players[viewer.playerId] : undefined;
  const own = player ? board.get(player.id) : undefined;
  const answers = player ? Object.values(player.answers) : [];
  return {
    type: 'game-over',
    podium: board.list.filter((entry) => entry.rank <= 3).map(standing),
    you:
      player && own
        ? {
            score: own.score,
            rank: own.rank,
            correct: own.correct,
            answered: own.answered,
            averageResponseMs: answers.length
              ? Math.round(answers.reduce((sum, answer) => sum + answer.responseMs, 0) / answers.length)
              : null,
          }
        : null,
  };
}
