/**
 * Which course the tutors talk about when the learner has not said: the one they practised
 * last, or for a newcomer the largest course in the catalogue (the flagship).
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { attempts, concepts, courses, items } from '../db/schema';

export async function defaultCourseSlug(db: Queryable, userId: string): Promise<string | null> {
  const [latest] = await db
    .select({ slug: courses.slug })
    .from(attempts)
    .innerJoin(items, eq(items.id, attempts.itemId))
    .innerJoin(courses, eq(courses.id, items.courseId))
    .where(and(eq(attempts.userId, userId), isNull(courses.retiredAt)))
    .orderBy(desc(attempts.createdAt))
    .limit(1);
  if (latest) return latest.slug;
  const [largest] = await db
    .select({ slug: courses.slug, concepts: count(concepts.id) })
    .from(courses)
    .innerJoin(concepts, eq(concepts.courseId, courses.id))
    .where(isNull(courses.retiredAt))
    .groupBy(courses.slug)
    .orderBy(desc(count(concepts.id)), courses.slug)
    .limit(1);
  return largest?.slug ?? null;
}
