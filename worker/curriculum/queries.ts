/**
 * Reading the curriculum for learners: published (not retired) courses, a course's concept
 * graph with its lessons, one lesson, and ranked full-text search. Answers and hidden tests
 * live in items.answer, which nothing here selects.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { conceptPrerequisites, concepts, courses, lessons } from '../db/schema';
import { HIGHLIGHT_END, HIGHLIGHT_START, parseHighlights, type Highlighted } from './highlight';

export async function listCourses(db: Database) {
  return db
    .select({ slug: courses.slug, title: courses.title, summary: courses.summary, language: courses.language })
    .from(courses)
    .where(isNull(courses.retiredAt))
    .orderBy(asc(courses.title));
}

export async function courseWithGraph(db: Database, slug: string) {
  const [course] = await db
    .select()
    .from(courses)
    .where(and(eq(courses.slug, slug), isNull(courses.retiredAt)))
    .limit(1);
  if (!course) return null;
  const conceptRows = await db
    .select({ id: concepts.id, slug: concepts.slug, title: concepts.title, summary: concepts.summary })
    .from(concepts)
    .where(and(eq(concepts.courseId, course.id), isNull(concepts.retiredAt)))
    .orderBy(asc(concepts.position));
  const ids = conceptRows.map((concept) => concept.id);
  const [edges, lessonRows] = ids.length
    ? await Promise.all([
        db.select().from(conceptPrerequisites).where(inArray(conceptPrerequisites.conceptId, ids)),
        db
          .select({ slug: lessons.slug, title: lessons.title, minutes: lessons.minutes, conceptId: lessons.conceptId })
          .from(lessons)
          .where(and(eq(lessons.courseId, course.id), isNull(lessons.retiredAt)))
          .orderBy(asc(lessons.slug)),
      ])
    : [[], []];
  const slugOf = new Map(conceptRows.map((concept) => [concept.id, concept.slug]));
  return {
    slug: course.slug,
    title: course.title,
    summary: course.summary,
    language: course.language,
    languageVersion: course.languageVersion,
    concepts: conceptRows.map((concept) => ({
      slug: concept.slug,
      title: concept.title,
      summary: concept.summary,
      prerequisites: edges
        .filter((edge) => edge.conceptId === concept.id)
        .map((edge) => slugOf.get(edge.prerequisiteId))
        .filter((slug): slug is string => slug !== undefined),
      lessons: lessonRows
        .filter((lesson) => lesson.conceptId === concept.id)
        .map(({ slug, title, minutes }) => ({ slug, title, minutes })),
    })),
  };
}

export async function lessonBySlug(db: Database, courseSlug: string, lessonSlug: string) {
  const [row] = await db
    .select({
      slug: lessons.slug,
      title: lessons.title,
      minutes: lessons.minutes,
      body: lessons.body,
      concept: concepts.slug,
      course: courses.slug,
    })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .innerJoin(concepts, eq(concepts.id, lessons.conceptId))
    .where(
      and(
        eq(courses.slug, courseSlug),
        eq(lessons.slug, lessonSlug),
        isNull(lessons.retiredAt),
        isNull(courses.retiredAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

export interface SearchHit {
  kind: 'lesson' | 'concept';
  course: string;
  slug: string;
  title: string;
  rank: number;
  snippet: Highlighted;
}

const lessonDocument = sql`(setweight(to_tsvector('english', ${lessons.title}), 'A') || setweight(to_tsvector('english', ${lessons.body}), 'B'))`;
const conceptDocument = sql`(setweight(to_tsvector('english', ${concepts.title}), 'A') || setweight(to_tsvector('english', ${concepts.summary}), 'B'))`;
const headlineOptions = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, MaxFragments=2`;

/** Lessons and concepts matching a web-style query ("walker -edge", quoted phrases), best first. */
export async function search(db: Database, query: string, limit: number): Promise<SearchHit[]> {
  const tsQuery = sql`websearch_to_tsquery('english', ${query})`;
  const [lessonHits, conceptHits] = await Promise.all([
    db
      .select({
        course: courses.slug,
        slug: lessons.slug,
        title: lessons.title,
        rank: sql<number>`ts_rank(${lessonDocument}, ${tsQuery})`,
        marked: sql<string>`ts_headline('english', ${lessons.body}, ${tsQuery}, ${headlineOptions})`,
      })
      .from(lessons)
      .innerJoin(courses, eq(courses.id, lessons.courseId))
      .where(and(sql`${lessonDocument} @@ ${tsQuery}`, isNull(lessons.retiredAt), isNull(courses.retiredAt)))
      .orderBy(sql`4 desc`)
      .limit(limit),
    db
      .select({
        course: courses.slug,
        slug: concepts.slug,
        title: concepts.title,
        rank: sql<number>`ts_rank(${conceptDocument}, ${tsQuery})`,
        marked: sql<string>`ts_headline('english', ${concepts.summary}, ${tsQuery}, ${headlineOptions})`,
      })
      .from(concepts)
      .innerJoin(courses, eq(courses.id, concepts.courseId))
      .where(and(sql`${conceptDocument} @@ ${tsQuery}`, isNull(concepts.retiredAt), isNull(courses.retiredAt)))
      .orderBy(sql`4 desc`)
      .limit(limit),
  ]);
  return [
    ...lessonHits.map(({ marked, ...hit }) => ({ kind: 'lesson' as const, ...hit, snippet: parseHighlights(marked) })),
    ...conceptHits.map(({ marked, ...hit }) => ({
      kind: 'concept' as const,
      ...hit,
      snippet: parseHighlights(marked),
    })),
  ]
    .sort((a, b) => b.rank - a.rank)
    .slice(0, limit);
}
