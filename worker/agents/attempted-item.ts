/** The item an attempt was on, as the tutor agents need it (slug, concept, course, difficulty). */
import { eq } from 'drizzle-orm';
import type { AttemptedItem } from '../../durable/attempt-pushes';
import type { Queryable } from '../db/types';
import { concepts, courses, items } from '../db/schema';

export async function loadAttemptedItem(db: Queryable, itemId: string): Promise<AttemptedItem | null> {
  const [row] = await db
    .select({
      slug: items.slug,
      course: courses.slug,
      conceptId: items.conceptId,
      conceptSlug: concepts.slug,
      difficulty: items.difficulty,
    })
    .from(items)
    .innerJoin(concepts, eq(concepts.id, items.conceptId))
    .innerJoin(courses, eq(courses.id, items.courseId))
    .where(eq(items.id, itemId));
  return row ? { ...row, difficulty: row.difficulty as AttemptedItem['difficulty'] } : null;
}
