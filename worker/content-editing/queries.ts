/**
 * Editing a course in Postgres: the authoring view (lessons with their Markdown, items with
 * their keys), and writes that keep every row's uuid and slug, so learners' attempts,
 * reviews, completions and Elo history stay attached to what they answered. Each write is
 * one transaction with its entry in the admin activity log.
 *
 * Learners read lessons and items straight from these rows, so they see an edit on their
 * next request. The one per-isolate copy is the tutor agents' lesson text
 * (agents/load-snapshot.ts, one minute), so a tutor may quote the old text for up to a minute.
 * A re-seed from content/ writes the pack's version over an edit (the pack stays the source).
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { logActivity } from '../admin/activity-log';
import { STARTING_RATING, splitItem } from '../curriculum/item-parts';
import type { Item } from '../curriculum/pack-schema';
import type { Database, Queryable } from '../db/types';
import { concepts, courses, items, lessons } from '../db/schema';
import { ApiError } from '../errors';
import { joinItem, type LessonEdit } from './authoring';

export interface Editor {
  id: string;
}

const lessonColumns = {
  slug: lessons.slug,
  title: lessons.title,
  minutes: lessons.minutes,
  body: lessons.body,
  updatedAt: lessons.updatedAt,
};

const itemColumns = {
  slug: items.slug,
  type: items.type,
  difficulty: items.difficulty,
  prompt: items.prompt,
  explanation: items.explanation,
  hints: items.hints,
  content: items.content,
  answer: items.answer,
  answers: items.answers,
  updatedAt: items.updatedAt,
};

type LessonRow = { slug: string; title: string; minutes: number; body: string; updatedAt: Date };
type ItemRow = Parameters<typeof joinItem>[0] & { answers: number; updatedAt: Date };

const lessonView = (row: LessonRow) => ({ ...row, updatedAt: row.updatedAt.toISOString() });

const itemView = (row: ItemRow) => ({
  slug: row.slug,
  answers: row.answers,
  updatedAt: row.updatedAt.toISOString(),
  fields: joinItem(row),
});

export type AuthoringLesson = ReturnType<typeof lessonView>;
export type AuthoringItem = ReturnType<typeof itemView>;

const DIFFICULTY_ORDER = { easy: 0, medium: 1, hard: 2 } as Record<string, number>;

async function liveCourse(db: Queryable, slug: string) {
  const [course] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      language: courses.language,
      languageVersion: courses.languageVersion,
    })
    .from(courses)
    .where(and(eq(courses.slug, slug), isNull(courses.retiredAt)));
  if (!course) throw new ApiError('not_found', `There is no course "${slug}".`);
  return course;
}

/** The whole course as an author edits it: concepts in teaching order, each with its lessons and items. */
export async function authoringView(db: Queryable, courseSlug: string) {
  const course = await liveCourse(db, courseSlug);
  const [conceptRows, lessonRows, itemRows] = await Promise.all([
    db
      .select({ id: concepts.id, slug: concepts.slug, title: concepts.title, summary: concepts.summary })
      .from(concepts)
      .where(and(eq(concepts.courseId, course.id), isNull(concepts.retiredAt)))
      .orderBy(asc(concepts.position)),
    db
      .select({ ...lessonColumns, conceptId: lessons.conceptId })
      .from(lessons)
      .where(and(eq(lessons.courseId, course.id), isNull(lessons.retiredAt)))
      .orderBy(asc(lessons.slug)),
    db
      .select({ ...itemColumns, conceptId: items.conceptId })
      .from(items)
      .where(and(eq(items.courseId, course.id), isNull(items.retiredAt)))
      .orderBy(asc(items.slug)),
  ]);
  // Items have no stored order: easiest first, then by slug, is how an author scans them.
  itemRows.sort((a, b) => (DIFFICULTY_ORDER[a.difficulty] ?? 3) - (DIFFICULTY_ORDER[b.difficulty] ?? 3));
  return {
    course: {
      slug: course.slug,
      title: course.title,
      language: course.language,
      languageVersion: course.languageVersion,
    },
    concepts: conceptRows.map((concept) => ({
      slug: concept.slug,
      title: concept.title,
      summary: concept.summary,
      lessons: lessonRows.filter((row) => row.conceptId === concept.id).map(lessonView),
      items: itemRows.filter((row) => row.conceptId === concept.id).map(itemView),
    })),
  };
}

async function liveConcept(db: Queryable, courseId: string, slug: string) {
  const [concept] = await db
    .select({ id: concepts.id, slug: concepts.slug })
    .from(concepts)
    .where(and(eq(concepts.courseId, courseId), eq(concepts.slug, slug), isNull(concepts.retiredAt)));
  if (!concept) throw new ApiError('not_found', `This course has no concept "${slug}".`);
  return concept;
}

export async function updateLesson(
  db: Database,
  editor: Editor,
  target: { course: string; lesson: string },
  edit: LessonEdit,
): Promise<AuthoringLesson> {
  return db.transaction(async (tx) => {
    const course = await liveCourse(tx, target.course);
    const [row] = await tx
      .update(lessons)
      .set({ title: edit.title, minutes: edit.minutes, body: edit.body, updatedAt: new Date() })
      .where(and(eq(lessons.courseId, course.id), eq(lessons.slug, target.lesson), isNull(lessons.retiredAt)))
      .returning(lessonColumns);
    if (!row) throw new ApiError('not_found', `This course has no lesson "${target.lesson}".`);
    await logActivity(tx, 'content-edited', {
      userId: editor.id,
      detail: { course: course.slug, lesson: row.slug, change: 'updated' },
    });
    return lessonView(row);
  });
}

export async function createLesson(
  db: Database,
  editor: Editor,
  target: { course: string; concept: string },
  lesson: LessonEdit & { slug: string },
): Promise<AuthoringLesson> {
  return db.transaction(async (tx) => {
    const course = await liveCourse(tx, target.course);
    const concept = await liveConcept(tx, course.id, target.concept);
    const [row] = await tx
      .insert(lessons)
      .values({ courseId: course.id, conceptId: concept.id, ...lesson })
      .onConflictDoNothing()
      .returning(lessonColumns);
    if (!row) throw slugTaken('lesson', lesson.slug);
    await logActivity(tx, 'content-edited', {
      userId: editor.id,
      detail: { course: course.slug, lesson: row.slug, change: 'created' },
    });
    return lessonView(row);
  });
}

/** The stored item a PUT targets, with what the checks need (its type and concept). */
export async function itemToEdit(db: Queryable, target: { course: string; item: string }) {
  const [row] = await db
    .select({ id: items.id, type: items.type, concept: concepts.slug })
    .from(items)
    .innerJoin(courses, eq(courses.id, items.courseId))
    .innerJoin(concepts, eq(concepts.id, items.conceptId))
    .where(
      and(
        eq(courses.slug, target.course),
        eq(items.slug, target.item),
        isNull(items.retiredAt),
        isNull(courses.retiredAt),
      ),
    );
  if (!row) throw new ApiError('not_found', `This course has no item "${target.item}".`);
  return row;
}

/** Stored columns for an authored item: learner-visible content and the grader's key apart. */
function itemValues(item: Item) {
  const { content, answer } = splitItem(item);
  return {
    difficulty: item.difficulty,
    prompt: item.prompt,
    explanation: item.explanation,
    hints: item.hints,
    content,
    answer,
  };
}

/** Writes a checked edit; the caller has loaded the row with itemToEdit and checked `item` against it. */
export async function updateItem(
  db: Database,
  editor: Editor,
  target: { course: string; itemId: string },
  item: Item,
): Promise<AuthoringItem> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(items)
      .set({
        ...itemValues(item),
        // As in the seed: until someone answers it, the authored difficulty is all we know;
        // after that the learned rating stands.
        rating: sql`case when ${items.answers} = 0 then ${STARTING_RATING[item.difficulty]}::real else ${items.rating} end`,
        updatedAt: new Date(),
      })
      .where(and(eq(items.id, target.itemId), eq(items.type, item.type), isNull(items.retiredAt)))
      .returning(itemColumns);
    // Retired (or its type changed) between the check and this write.
    if (!row) throw new ApiError('not_found', `This course has no item "${item.id}".`);
    await logActivity(tx, 'content-edited', {
      userId: editor.id,
      detail: { course: target.course, item: row.slug, change: 'updated' },
    });
    return itemView(row);
  });
}

/** The course and concept a new item goes in (404 when either is unknown). */
export async function conceptToFill(db: Queryable, target: { course: string; concept: string }) {
  const course = await liveCourse(db, target.course);
  const concept = await liveConcept(db, course.id, target.concept);
  return { courseId: course.id, conceptId: concept.id };
}

export async function createItem(
  db: Database,
  editor: Editor,
  target: { course: string; courseId: string; conceptId: string },
  item: Item,
): Promise<AuthoringItem> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(items)
      .values({
        courseId: target.courseId,
        conceptId: target.conceptId,
        slug: item.id,
        type: item.type,
        rating: STARTING_RATING[item.difficulty],
        ...itemValues(item),
      })
      .onConflictDoNothing()
      .returning(itemColumns);
    if (!row) throw slugTaken('item', item.id);
    await logActivity(tx, 'content-edited', {
      userId: editor.id,
      detail: { course: target.course, item: row.slug, change: 'created' },
    });
    return itemView(row);
  });
}

/** Slugs are unique in a course, retired rows included (a retired row may come back on a re-seed). */
function slugTaken(kind: 'lesson' | 'item', slug: string): ApiError {
  return new ApiError('validation_failed', 'The request is not valid.', {
    details: [
      {
        path: 'slug',
        message: `This course already has a ${kind} "${slug}" (perhaps retired); choose another id.`,
        code: 'custom',
      },
    ],
  });
}
