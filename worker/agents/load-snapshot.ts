/**
 * Reads what the tutor agents decide from (durable/agents/snapshot.ts) out of Postgres, the
 * system of record: one learner, one course. The queries run in parallel on the one
 * connection; the LearnerAgent adds what only it knows (last feedback, last seen).
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { LearnerSnapshot, SnapshotAttempt } from '../../durable/agents/snapshot';
import type { Queryable } from '../db/types';
import {
  attempts,
  dailyActivity,
  items,
  learnerStats,
  lessonCompletions,
  lessons,
  progressRecords,
  reviewCards,
  users,
} from '../db/schema';
import { addDays, localDay, startOfLocalDay } from '../learning/local-time';
import { tierFor } from '../learning/tiers';
import { loadCourseState } from '../practice/course-state';
import { loadStreakHistory, streakOf } from '../practice/gamification';
import { activeSessionSummary } from '../practice/learning-sessions';

/** How far back the agents look: enough for a weekly summary and a four-week trend. */
const HISTORY_DAYS = 28;
const RECENT_ATTEMPTS = 50;

/**
 * Lessons are content, the same for every learner and changed only by a re-seed, yet every
 * answer of the tutors reads them whole (retrieval runs over their text): each isolate keeps
 * a course's lessons for a minute, as course-state.ts keeps its graph.
 */
const LESSONS_TTL_MS = 60_000;
type LessonRow = { id: string; slug: string; title: string; conceptId: string; body: string };
const lessonCache = new Map<string, { rows: LessonRow[]; expires: number }>();

async function courseLessons(db: Queryable, courseId: string): Promise<LessonRow[]> {
  const hit = lessonCache.get(courseId);
  if (hit && hit.expires > Date.now()) return hit.rows;
  const rows = await db
    .select({
      id: lessons.id,
      slug: lessons.slug,
      title: lessons.title,
      conceptId: lessons.conceptId,
      body: lessons.body,
    })
    .from(lessons)
    .where(and(eq(lessons.courseId, courseId), isNull(lessons.retiredAt)))
    .orderBy(asc(lessons.slug));
  lessonCache.set(courseId, { rows, expires: Date.now() + LESSONS_TTL_MS });
  return rows;
}

export interface SnapshotExtras {
  lastActiveAt: string | null;
  lastFeedback: LearnerSnapshot['lastFeedback'];
}

export async function loadSnapshot(
  db: Queryable,
  userId: string,
  courseSlug: string,
  now: Date,
  extras: SnapshotExtras,
): Promise<LearnerSnapshot | null> {
  const [user] = await db
    .select({ displayName: users.displayName, timeZone: users.timeZone, dailyGoalXp: users.dailyGoalXp })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const state = await loadCourseState(db, userId, courseSlug);
  if (!state) return null;
  const conceptIds = state.concepts.map((concept) => concept.id);
  const learner = { userId, timeZone: user.timeZone, dailyGoalXp: user.dailyGoalXp };
  const today = localDay(now, user.timeZone);
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const dayStart = startOfLocalDay(now, user.timeZone);
  const tomorrow = startOfLocalDay(dayStart.getTime() + 36 * 3_600_000, user.timeZone);
  const liveCards = and(eq(reviewCards.userId, userId), eq(items.courseId, state.course.id), isNull(items.retiredAt));

  const [
    lessonRows,
    completedRows,
    attemptRows,
    historyRows,
    [dueNow],
    [dueToday],
    [stats],
    days,
    streakHistory,
    session,
  ] = await Promise.all([
    courseLessons(db, state.course.id),
    db
      .select({ lessonId: lessonCompletions.lessonId })
      .from(lessonCompletions)
      .innerJoin(lessons, eq(lessons.id, lessonCompletions.lessonId))
      .where(and(eq(lessonCompletions.userId, userId), eq(lessons.courseId, state.course.id))),
    db
      .select({
        itemId: attempts.itemId,
        itemSlug: items.slug,
        conceptId: attempts.conceptId,
        type: items.type,
        difficulty: items.difficulty,
        correct: attempts.correct,
        elapsedMs: attempts.elapsedMs,
        hintsUsed: attempts.hintsUsed,
        predicted: attempts.predicted,
        at: attempts.createdAt,
      })
      .from(attempts)
      .innerJoin(items, eq(items.id, attempts.itemId))
      .where(and(eq(attempts.userId, userId), eq(items.courseId, state.course.id)))
      .orderBy(desc(attempts.createdAt))
      .limit(RECENT_ATTEMPTS),
    conceptIds.length
      ? db
          .select({
            conceptId: progressRecords.conceptId,
            pKnown: progressRecords.pKnown,
            at: progressRecords.createdAt,
          })
          .from(progressRecords)
          .where(
            and(
              eq(progressRecords.userId, userId),
              inArray(progressRecords.conceptId, conceptIds),
              gte(progressRecords.createdAt, since),
            ),
          )
          .orderBy(asc(progressRecords.createdAt))
      : Promise.resolve([]),
    db
      .select({ n: count() })
      .from(reviewCards)
      .innerJoin(items, eq(items.id, reviewCards.itemId))
      .where(and(liveCards, lte(reviewCards.due, now))),
    db
      .select({ n: count() })
      .from(reviewCards)
      .innerJoin(items, eq(items.id, reviewCards.itemId))
      .where(and(liveCards, lte(reviewCards.due, tomorrow))),
    db.select({ totalXp: learnerStats.totalXp }).from(learnerStats).where(eq(learnerStats.userId, userId)),
    db
      .select({ day: dailyActivity.day, xp: dailyActivity.xp })
      .from(dailyActivity)
      .where(and(eq(dailyActivity.userId, userId), gte(dailyActivity.day, addDays(today, -(HISTORY_DAYS - 1))))),
    loadStreakHistory(db, learner, now),
    activeSessionSummary(db, userId, now),
  ]);

  const streak = streakOf(streakHistory);
  const completedIds = new Set(completedRows.map((row) => row.lessonId));
  const xpByDay = new Map(days.map((row) => [row.day, row.xp]));
  const totalXp = stats?.totalXp ?? 0;
  const positions = new Map<string, number>();
  return {
    userId,
    displayName: user.displayName,
    timeZone: user.timeZone,
    now: now.toISOString(),
    course: { slug: state.course.slug, title: state.course.title },
    concepts: state.concepts.map((concept) => {
      const standing = state.standings.get(concept.id);
      const estimate = state.estimates.get(concept.id);
      return {
        id: concept.id,
        slug: concept.slug,
        title: concept.title,
        position: concept.position,
        prerequisites: concept.prerequisites,
        status: standing?.status ?? 'locked',
        level: standing?.level ?? null,
        pKnown: standing?.pKnown ?? null,
        answers: estimate?.answers ?? 0,
        correct: estimate?.correct ?? 0,
        lastPracticedAt: estimate?.lastPracticedAt?.toISOString() ?? null,
      };
    }),
    lessons: lessonRows.map((row) => {
      const completed = completedIds.has(row.id);
      // Lessons are numbered within their concept by slug order, as the pack lists them.
      const position = (positions.get(row.conceptId) ?? 0) + 1;
      positions.set(row.conceptId, position);
      return {
        slug: row.slug,
        title: row.title,
        conceptId: row.conceptId,
        position,
        body: row.body,
        completed,
      };
    }),
    recentAttempts: attemptRows.map((row): SnapshotAttempt => ({
      ...row,
      difficulty: row.difficulty as SnapshotAttempt['difficulty'],
      at: row.at.toISOString(),
    })),
    masteryHistory: historyRows.map((row) => ({
      conceptId: row.conceptId,
      pKnown: row.pKnown,
      at: row.at.toISOString(),
    })),
    reviews: { dueNow: dueNow?.n ?? 0, dueToday: dueToday?.n ?? 0 },
    session,
    xp: { total: totalXp, today: streakHistory.todayXp, dailyGoal: user.dailyGoalXp, tier: tierFor(totalXp).name },
    streak: {
      current: streak.current,
      longest: streak.longest,
      atRisk: streak.atRisk,
      freezeAvailable: streak.freezeAvailable,
    },
    dailyXp: Array.from({ length: HISTORY_DAYS }, (_, i) => {
      const day = addDays(today, i - (HISTORY_DAYS - 1));
      return { day, xp: xpByDay.get(day) ?? 0 };
    }),
    lastActiveAt: extras.lastActiveAt,
    lastFeedback: extras.lastFeedback,
  };
}
