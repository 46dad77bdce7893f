/**
 * When a live quiz ends: its results into Postgres (the podium and every player's summary,
 * for the host's CSV and the record), and each signed-in learner's answers recorded as
 * practice attempts through the same path as the attempts route — once, because each
 * carries an attempt id derived from the room and the question.
 */
import { eq, inArray } from 'drizzle-orm';
import type { RoomConfig } from '../../durable/live/room-store';
import type { QuizState } from '../../durable/live/quiz-state';
import { leaderboard, podium } from '../../durable/live/scoring';
import type { Database } from '../db/types';
import { liveSessions, users } from '../db/schema';
import { workerSandbox } from '../evaluation/worker-sandbox';
import { submitAttempt } from '../practice/submit-attempt';
import { practiceResponse } from './questions';

export async function saveLiveResults(db: Database, config: RoomConfig, state: QuizState): Promise<void> {
  const players = Object.values(state.players);
  // One leaderboard for all: playerSummary would sort the whole room again for each player.
  const board = new Map(leaderboard(state).map((entry) => [entry.playerId, entry]));
  const summaries = players.map((player) => {
    const entry = board.get(player.id);
    return {
      playerId: player.id,
      nickname: player.nickname,
      userId: player.userId,
      kicked: player.kicked,
      ...(entry ? { score: entry.score, rank: entry.rank, correct: entry.correct, answered: entry.answered } : {}),
    };
  });
  const learnerIds = [
    ...new Set(players.flatMap((player) => (player.userId && !player.kicked ? [player.userId] : []))),
  ];
  const clocks = !learnerIds.length
    ? []
    : await db
        .select({ id: users.id, timeZone: users.timeZone, dailyGoalXp: users.dailyGoalXp })
        .from(users)
        .where(inArray(users.id, learnerIds));
  const clockOf = new Map(clocks.map((clock) => [clock.id, clock]));
  for (const player of players) {
    const clock = player.userId ? clockOf.get(player.userId) : undefined;
    if (!clock || player.kicked) continue;
    for (const [index, answer] of Object.entries(player.answers)) {
      const question = state.questions[Number(index)];
      if (!question) continue;
      try {
        await submitAttempt(
          { db, sandbox: workerSandbox },
          { userId: clock.id, timeZone: clock.timeZone, dailyGoalXp: clock.dailyGoalXp },
          {
            itemId: question.itemId,
            attemptId: `live-${config.roomId}-${index}`,
            response: practiceResponse(config.itemTypes[question.itemId] ?? '', answer.optionIds),
            elapsedMs: Math.min(answer.responseMs, 3_600_000),
            hintsUsed: 0,
            mode: 'practice',
          },
          new Date(answer.at),
        );
      } catch (error) {
        // A concept still locked for this learner takes no practice answer; the game's score stands.
        console.warn(
          JSON.stringify({
            level: 'warn',
            msg: 'live answer not recorded as practice',
            item: question.itemSlug,
            error: String(error),
          }),
        );
      }
    }
  }
  // Written last: results on record mean the practice answers are too.
  await db
    .update(liveSessions)
    .set({ endedAt: new Date(state.endedAt ?? Date.now()), results: { podium: podium(state), players: summaries } })
    .where(eq(liveSessions.id, config.roomId));
}
