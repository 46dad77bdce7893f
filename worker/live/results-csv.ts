/**
 * A live quiz's results as the host downloads them: one row per player in rank order, with
 * their points on each question. Cells go through the class report's formula-safe quoting,
 * since nicknames are typed by anyone with the PIN. Pure.
 */
import type { QuizState } from '../../durable/live/quiz-state';
import { leaderboard } from '../../durable/live/scoring';
import { csvCell } from '../classes/report';

export function liveResultsCsv(state: QuizState): string {
  const header = [
    'rank',
    'nickname',
    'score',
    'correct',
    'answered',
    'signed in',
    ...state.questions.map((question, index) => `Q${index + 1} ${question.itemSlug}`),
  ];
  const rows = leaderboard(state).map((entry) => {
    const player = state.players[entry.playerId];
    return [
      entry.rank,
      entry.nickname,
      entry.score,
      entry.correct,
      entry.answered,
      player?.userId ? 'yes' : 'no',
      ...state.questions.map((_, index) => {
        const answer = player?.answers[index];
        return answer ? answer.points : null;
      }),
    ];
  });
  return [header, ...rows].map((row) => row.map((cell) => csvCell(cell)).join(',')).join('\r\n') + '\r\n';
}
