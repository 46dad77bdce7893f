/**
 * Items as a learner sees them (never the `answer` column), and as the grader reads them.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { concepts, courses, items } from '../db/schema';
import type { Difficulty } from '../learning/xp';

export const publicItemColumns = {
  id: items.id,
  slug: items.slug,
  type: items.type,
  difficulty: items.difficulty,
  prompt: items.prompt,
  hints: items.hints,
  content: items.content,
  conceptId: items.conceptId,
};

export interface PublicItemRow {
  id: string;
  slug: string;
  type: string;
  difficulty: string;
  prompt: string;
  hints: string[];
  content: Record<string, unknown>;
  conceptId: string;
}

/** The JSON a client gets for an item: what to show and how to answer, nothing that answers it. */
export function publicItem(row: PublicItemRow, course: string, concept: string) {
  return {
    id: row.id,
    slug: row.slug,
    course,
    concept,
    type: row.type,
    difficulty: row.difficulty as Difficulty,
    prompt: row.prompt,
    hints: row.hints,
    content: row.content,
  };
}

export type PublicItem = ReturnType<typeof publicItem>;

/** Everything grading and the model update need about one live item, answer included. */
export async function loadGradableItem(db: Queryable, itemId: string) {
  const [row] = await db
    .select({
      ...publicItemColumns,
      answer: items.answer,
      explanation: items.explanation,
      rating: items.rating,
      answers: items.answers,
      courseId: items.courseId,
      courseSlug: courses.slug,
      conceptSlug: concepts.slug,
      conceptTitle: concepts.title,
    })
    .from(items)
    .innerJoin(concepts, eq(concepts.id, items.conceptId))
    .innerJoin(courses, eq(courses.id, items.courseId))
    .where(and(eq(items.id, itemId), isNull(items.retiredAt), isNull(concepts.retiredAt), isNull(courses.retiredAt)))
    .limit(1);
  return row ?? null;
}

export type GradableItem = NonNullable<Awaited<ReturnType<typeof loadGradableItem>>>;

/** Option count where guessing is possible (multiple choice, true/false), for Elo and BKT. */
export function optionCount(item: { type: string; content: Record<string, unknown> }): number | undefined {
  if (item.type === 'true-false') return 2;
  if (item.type === 'multiple-choice' && Array.isArray(item.content.options)) return item.content.options.length;
  return undefined;
}

/**
 * The correct answer, revealed after an attempt so the learner can see what was right. For
 * a code exercise that is the reference solution only: its hidden tests and wrong solutions
 * stay hidden (another attempt is graded by the same tests).
 */
export function revealAnswer(type: string, key: Record<string, unknown>): unknown {
  switch (type) {
    case 'multiple-choice':
    case 'multi-select':
      return key.correct;
    case 'true-false':
      return key.value;
    case 'short-answer':
      return Array.isArray(key.accepted) ? key.accepted[0] : undefined;
    case 'fill-blanks':
      return Object.fromEntries(
        Object.entries((key.blanks ?? {}) as Record<string, string[]>).map(([id, accepted]) => [id, accepted[0]]),
      );
    case 'predict-output':
      return key.output;
    case 'parsons':
      return key.order;
    case 'code-exercise':
      return typeof key.solution === 'string' ? { solution: key.solution } : undefined;
    default:
      return undefined;
  }
}
