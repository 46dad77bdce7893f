/**
 * Loading and storing the gamification state around the pure rules in learning/: XP awards
 * (ledger and daily totals), the streak from the daily totals, and the achievement stats.
 * Written for few round trips: every query here is one on the answer path, and each one
 * costs a network round trip to Neon.
 */
import { and, eq, gte, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { dailyActivity, learnerStats, userAchievements, xpEvents } from '../db/schema';
import { activityTimeBadges, evaluateAchievements, type AchievementStats } from '../learning/achievements';
import { addDays, localDay } from '../learning/local-time';
import { computeStreak, type Streak } from '../learning/streak';

export interface LearnerClock {
  userId: string;
  timeZone: string;
  dailyGoalXp: number;
}

/** Streaks longer than this many days are not looked back over (the query stays bounded). */
const STREAK_LOOKBACK_DAYS = 800;

/** The days the goal was met, and today's XP so far: what the streak is computed from. */
export interface StreakHistory {
  today: string;
  goalMetDays: Set<string>;
  todayXp: number;
}

export async function loadStreakHistory(db: Queryable, learner: LearnerClock, now: Date): Promise<StreakHistory> {
  const today = localDay(now, learner.timeZone);
  const rows = await db
    .select({ day: dailyActivity.day, xp: dailyActivity.xp })
    .from(dailyActivity)
    .where(
      and(
        eq(dailyActivity.userId, learner.userId),
        gte(dailyActivity.day, addDays(today, -STREAK_LOOKBACK_DAYS)),
        or(gte(dailyActivity.xp, learner.dailyGoalXp), eq(dailyActivity.day, today)),
      ),
    );
  return {
    today,
    goalMetDays: new Set(rows.filter((row) => row.xp >= learner.dailyGoalXp).map((row) => row.day)),
    todayXp: rows.find((row) => row.day === today)?.xp ?? 0,
  };
}

export function streakOf(history: StreakHistory): Streak {
  return computeStreak({ goalMetDays: history.goalMetDays, today: history.today });
}

/** The history after `xp` more today, without reading it again. */
export function withTodayXp(history: StreakHistory, xp: number, dailyGoalXp: number): StreakHistory {
  const todayXp = history.todayXp + xp;
  const goalMetDays = new Set(history.goalMetDays);
  if (todayXp >= dailyGoalXp) goalMetDays.add(history.today);
  return { ...history, todayXp, goalMetDays };
}

/**
 * Makes sure the learner's stats row exists and locks it, in one statement (an upsert that
 * updates locks the row): the per-learner serialization point of every award.
 */
export async function lockLearnerStats(tx: Queryable, userId: string) {
  const [row] = await tx
    .insert(learnerStats)
    .values({ userId })
    .onConflictDoUpdate({ target: learnerStats.userId, set: { userId: sql`excluded.user_id` } })
    .returning();
  if (!row) throw new Error(`learner_stats row for ${userId} was not returned by its upsert`);
  return row;
}

export interface DailyCounts {
  answers?: number;
  correct?: number;
}

/**
 * Grants an award inside the caller's transaction, after lockLearnerStats: the ledger row,
 * the learner's local day, and one update of the stats row (running total, longest streak,
 * the time-of-day badges, answers counted, and the Elo ability when given). Returns the
 * streak history and streak as they stand after the award, computed without reading again.
 */
export async function grantXp(
  tx: Queryable,
  learner: LearnerClock,
  history: StreakHistory,
  award: { amount: number; reason: string; now: Date },
  counts: DailyCounts = {},
  /** The learner's global Elo ability after the answer, when the award is for one. */
  ability: { theta?: number } = {},
): Promise<{ history: StreakHistory; streak: Streak }> {
  const { amount, reason, now } = award;
  const answers = counts.answers ?? 0;
  const correct = counts.correct ?? 0;
  if (amount > 0) {
    await tx.insert(xpEvents).values({ userId: learner.userId, amount, reason, createdAt: now });
  }
  await tx
    .insert(dailyActivity)
    .values({ userId: learner.userId, day: history.today, xp: amount, answers, correct })
    .onConflictDoUpdate({
      target: [dailyActivity.userId, dailyActivity.day],
      set: {
        xp: sql`${dailyActivity.xp} + ${amount}`,
        answers: sql`${dailyActivity.answers} + ${answers}`,
        correct: sql`${dailyActivity.correct} + ${correct}`,
      },
    });
  const after = withTodayXp(history, amount, learner.dailyGoalXp);
  const streak = streakOf(after);
  const badges = activityTimeBadges(now, learner.timeZone);
  await tx
    .update(learnerStats)
    .set({
      ...(ability.theta === undefined ? {} : { theta: ability.theta }),
      answers: sql`${learnerStats.answers} + ${answers}`,
      totalXp: sql`${learnerStats.totalXp} + ${amount}`,
      longestStreak: sql`greatest(${learnerStats.longestStreak}, ${streak.longest})`,
      earlyBird: sql`${learnerStats.earlyBird} or ${badges.earlyBird}`,
      nightOwl: sql`${learnerStats.nightOwl} or ${badges.nightOwl}`,
      updatedAt: now,
    })
    .where(eq(learnerStats.userId, learner.userId));
  return { history: after, streak };
}

/** What the event being recorded adds that is not stored yet (its attempt is written last). */
export interface PendingEvent {
  /** A code exercise the attempt solved: counted toward Problem Solver with the stored ones. */
  solvedCodeExercise?: string | undefined;
}

/** The stats snapshot and the achievements already unlocked, in one round trip. */
export async function loadAchievementState(
  db: Queryable,
  userId: string,
  pending: PendingEvent = {},
): Promise<{ stats: AchievementStats; unlocked: Set<string> }> {
  // Distinct exercises solved: each counts once however often it is solved again.
  const solvedNow = pending.solvedCodeExercise ? sql`union all select ${pending.solvedCodeExercise}::uuid` : sql``;
  const result = await db.execute<{
    total_xp: number | null;
    longest_streak: number | null;
    early_bird: boolean | null;
    night_owl: boolean | null;
    lessons: number;
    mastered: number;
    passed: number;
    perfect: number;
    unlocked: string[] | null;
  }>(sql`
    select s.total_xp, s.longest_streak, s.early_bird, s.night_owl,
      (select count(*) from lesson_completions where user_id = ${userId})::int as lessons,
      (select count(*) from concept_states where user_id = ${userId} and mastered_at is not null)::int as mastered,
      (select count(distinct item_id) from (select a.item_id from attempts a join items i on i.id = a.item_id
         where a.user_id = ${userId} and a.correct and i.type = 'code-exercise' ${solvedNow}) solved)::int as passed,
      (select count(*) from quizzes where user_id = ${userId} and perfect)::int as perfect,
      (select array_agg(achievement_id) from user_achievements where user_id = ${userId}) as unlocked
    from (select 1) as one left join learner_stats s on s.user_id = ${userId}`);
  const row = result.rows[0];
  return {
    stats: {
      lessonsCompleted: row?.lessons ?? 0,
      longestStreak: row?.longest_streak ?? 0,
      totalXp: row?.total_xp ?? 0,
      perfectQuizzes: row?.perfect ?? 0,
      conceptsMastered: row?.mastered ?? 0,
      codeExercisesPassed: row?.passed ?? 0,
      earlyBird: row?.early_bird ?? false,
      nightOwl: row?.night_owl ?? false,
    },
    unlocked: new Set(row?.unlocked ?? []),
  };
}

/**
 * Re-evaluates achievements after an event and stores the new ones; returns them with their
 * titles for the response. Call inside the event's transaction, after its writes (what it
 * has not written yet goes in `pending`).
 */
export async function unlockAchievements(tx: Queryable, userId: string, now: Date, pending: PendingEvent = {}) {
  const { stats, unlocked } = await loadAchievementState(tx, userId, pending);
  const { progress, newlyUnlocked } = evaluateAchievements(stats, unlocked);
  if (newlyUnlocked.length) {
    await tx
      .insert(userAchievements)
      .values(newlyUnlocked.map((achievementId) => ({ userId, achievementId, createdAt: now })))
      .onConflictDoNothing();
  }
  return progress
    .filter((entry) => newlyUnlocked.includes(entry.id))
    .map(({ id, title, description }) => ({ id, title, description }));
}
