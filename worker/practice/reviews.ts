/** The review queue: cards FSRS says are due, with today's counts in the learner's own day. */
import { and, asc, count, eq, gt, gte, isNull, lte, min } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { attempts, concepts, courses, items, reviewCards } from '../db/schema';
import { startOfLocalDay } from '../learning/local-time';
import { publicItem, publicItemColumns } from './item-view';

export async function reviewQueue(
  db: Queryable,
  learner: { userId: string; timeZone: string },
  now: Date,
  limit: number,
) {
  const dayStart = startOfLocalDay(now, learner.timeZone);
  // 36 hours after today's start is always inside tomorrow (local days last 23 to 25 hours).
  const tomorrow = startOfLocalDay(dayStart.getTime() + 36 * 3_600_000, learner.timeZone);
  const live = and(eq(reviewCards.userId, learner.userId), isNull(items.retiredAt));
  const [due, [dueNow], [dueToday], [doneToday], [upcoming]] = await Promise.all([
    db
      .select({ ...publicItemColumns, course: courses.slug, concept: concepts.slug, due: reviewCards.due })
      .from(reviewCards)
      .innerJoin(items, eq(items.id, reviewCards.itemId))
      .innerJoin(concepts, eq(concepts.id, items.conceptId))
      .innerJoin(courses, eq(courses.id, items.courseId))
      .where(and(live, lte(reviewCards.due, now)))
      .orderBy(asc(reviewCards.due))
      .limit(limit),
    db
      .select({ n: count() })
      .from(reviewCards)
      .innerJoin(items, eq(items.id, reviewCards.itemId))
      .where(and(live, lte(reviewCards.due, now))),
    db
      .select({ n: count() })
      .from(reviewCards)
      .innerJoin(items, eq(items.id, reviewCards.itemId))
      .where(and(live, lte(reviewCards.due, tomorrow))),
    db
      .select({ n: count() })
      .from(attempts)
      .where(and(eq(attempts.userId, learner.userId), eq(attempts.kind, 'review'), gte(attempts.createdAt, dayStart))),
    // For "nothing due — next review at …" once the queue is empty.
    db
      .select({ next: min(reviewCards.due) })
      .from(reviewCards)
      .innerJoin(items, eq(items.id, reviewCards.itemId))
      .where(and(live, gt(reviewCards.due, now))),
  ]);
  return {
    counts: { dueNow: dueNow?.n ?? 0, dueToday: dueToday?.n ?? 0, reviewedToday: doneToday?.n ?? 0 },
    nextDue: upcoming?.next?.toISOString() ?? null,
    reviews: due.map(({ course, concept, due: dueAt, ...row }) => ({
      item: publicItem(row, course, concept),
      due: dueAt.toISOString(),
    })),
  };
}
