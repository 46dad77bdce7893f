/** Progress views: the skill map, history per local day, calibration and recommendations. */
import { and, asc, desc, eq, gte, inArray, isNull, lte, min, sql } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import {
  attempts,
  concepts,
  courses,
  dailyActivity,
  items,
  lessonCompletions,
  lessons,
  progressRecords,
  reviewCards,
} from '../db/schema';
import { calibration } from '../learning/calibration';
import { addDays, localDay } from '../learning/local-time';
import { recommend } from '../learning/recommendations';
import { ApiError } from '../errors';
import { loadCourseState, type CourseState } from './course-state';
import { toThousandths } from '../learning/precision';

async function courseStateOr404(db: Queryable, userId: string, course: string): Promise<CourseState> {
  const state = await loadCourseState(db, userId, course);
  if (!state) throw new ApiError('not_found', `No course "${course}".`);
  return state;
}

export async function skillMap(db: Queryable, userId: string, course: string) {
  const state = await courseStateOr404(db, userId, course);
  const conceptIds = state.concepts.map((concept) => concept.id);
  const reviews = conceptIds.length
    ? await db
        .select({ conceptId: items.conceptId, next: min(reviewCards.due) })
        .from(reviewCards)
        .innerJoin(items, eq(items.id, reviewCards.itemId))
        .where(and(eq(reviewCards.userId, userId), inArray(items.conceptId, conceptIds), isNull(items.retiredAt)))
        .groupBy(items.conceptId)
    : [];
  const nextReview = new Map(reviews.map((row) => [row.conceptId, row.next]));
  const slugOf = new Map(state.concepts.map((concept) => [concept.id, concept.slug]));
  return {
    course: state.course.slug,
    concepts: state.concepts.map((concept) => {
      const standing = state.standings.get(concept.id);
      const estimate = state.estimates.get(concept.id);
      return {
        slug: concept.slug,
        title: concept.title,
        prerequisites: concept.prerequisites.map((id) => slugOf.get(id) ?? id),
        status: standing?.status ?? 'locked',
        level: standing?.level ?? null,
        probability:
          standing?.pKnown === null || standing?.pKnown === undefined ? null : toThousandths(standing.pKnown),
        answers: estimate?.answers ?? 0,
        accuracy: estimate?.answers ? toThousandths(estimate.correct / estimate.answers) : null,
        lastPracticedAt: estimate?.lastPracticedAt?.toISOString() ?? null,
        nextReviewAt: nextReview.get(concept.id)?.toISOString() ?? null,
      };
    }),
  };
}

/** Per local day over the last `days`: XP, answers, accuracy, and mastery by concept at day end. */
export async function history(db: Queryable, learner: { userId: string; timeZone: string }, now: Date, days: number) {
  const today = localDay(now, learner.timeZone);
  const first = addDays(today, -(days - 1));
  const [activity, mastery] = await Promise.all([
    db
      .select()
      .from(dailyActivity)
      .where(
        and(eq(dailyActivity.userId, learner.userId), gte(dailyActivity.day, first), lte(dailyActivity.day, today)),
      ),
    // The last estimate of each concept on each local day (the seed's progress index serves
    // the inner scan). The day is computed once, inside, so DISTINCT ON and ORDER BY agree.
    db.execute<{
      day: string;
      concept_id: string;
      course: string;
      concept: string;
      p_known: number;
      level: string;
    }>(sql`
      select distinct on (day, concept_id) day, concept_id, course, concept, p_known, level
      from (
        select ((${progressRecords.createdAt} at time zone ${learner.timeZone})::date)::text as day,
               ${progressRecords.conceptId} as concept_id, ${progressRecords.pKnown} as p_known,
               ${progressRecords.level} as level, ${progressRecords.createdAt} as created_at,
               ${courses.slug} as course, ${concepts.slug} as concept
        from ${progressRecords}
        join ${concepts} on ${concepts.id} = ${progressRecords.conceptId}
        join ${courses} on ${courses.id} = ${concepts.courseId}
        where ${progressRecords.userId} = ${learner.userId}
          and ${progressRecords.createdAt} >= (${first}::date - 1)::timestamptz
      ) as records
      order by day, concept_id, created_at desc`),
  ]);
  const byDay = new Map(activity.map((row) => [row.day, row]));
  const out = [];
  for (let day = first; day <= today; day = addDays(day, 1)) {
    const row = byDay.get(day);
    out.push({
      day,
      xp: row?.xp ?? 0,
      answers: row?.answers ?? 0,
      accuracy: row?.answers ? toThousandths(row.correct / row.answers) : null,
      mastery: mastery.rows
        .filter((entry) => entry.day === day)
        .map((entry) => ({
          course: entry.course,
          concept: entry.concept,
          probability: toThousandths(entry.p_known),
          level: entry.level,
        })),
    });
  }
  return out;
}

/** The most recent answers' predictions against outcomes. */
export async function learnerCalibration(db: Queryable, userId: string, last = 500) {
  const rows = await db
    .select({ predicted: attempts.predicted, correct: attempts.correct })
    .from(attempts)
    .where(eq(attempts.userId, userId))
    .orderBy(desc(attempts.createdAt))
    .limit(last);
  return calibration(rows);
}

export async function recommendations(db: Queryable, userId: string, course: string, now: Date) {
  const state = await courseStateOr404(db, userId, course);
  const conceptIds = state.concepts.map((concept) => concept.id);
  const [[due], lessonRows, done] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(reviewCards)
      .innerJoin(items, eq(items.id, reviewCards.itemId))
      .where(
        and(
          eq(reviewCards.userId, userId),
          lte(reviewCards.due, now),
          isNull(items.retiredAt),
          eq(items.courseId, state.course.id),
        ),
      ),
    conceptIds.length
      ? db
          .select({ id: lessons.id, slug: lessons.slug, title: lessons.title, conceptId: lessons.conceptId })
          .from(lessons)
          .where(and(inArray(lessons.conceptId, conceptIds), isNull(lessons.retiredAt)))
          .orderBy(asc(lessons.slug))
      : [],
    db
      .select({ lessonId: lessonCompletions.lessonId })
      .from(lessonCompletions)
      .where(eq(lessonCompletions.userId, userId)),
  ]);
  const read = new Set(done.map((row) => row.lessonId));
  return recommend(
    state.concepts.map((concept) => {
      const unread = lessonRows.find((lesson) => lesson.conceptId === concept.id && !read.has(lesson.id));
      return {
        id: concept.id,
        slug: concept.slug,
        title: concept.title,
        position: concept.position,
        unreadLesson: unread ? { slug: unread.slug, title: unread.title } : null,
      };
    }),
    state.standings,
    due?.n ?? 0,
  );
}
