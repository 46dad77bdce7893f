/**
 * A learner's standing on a course's concept graph: the graph (content, the same for
 * everyone) joined with their estimates. Shared by the course page, next-item selection,
 * the skill map and recommendations, so "locked" means one thing everywhere.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { conceptPrerequisites, concepts, conceptStates, courses } from '../db/schema';
import { conceptStandings, type ConceptStanding } from '../learning/concept-status';

export interface CourseConcept {
  id: string;
  slug: string;
  title: string;
  position: number;
  prerequisites: string[];
}

export interface CourseGraph {
  course: { id: string; slug: string; title: string };
  concepts: CourseConcept[];
}

export interface ConceptEstimateRow {
  conceptId: string;
  pKnown: number;
  theta: number;
  answers: number;
  correct: number;
  lastPracticedAt: Date | null;
}

export interface CourseState extends CourseGraph {
  estimates: Map<string, ConceptEstimateRow>;
  standings: Map<string, ConceptStanding>;
}

/**
 * The graph is content, the same for every learner and changed only by a re-seed, yet the
 * answer path needs it on every request: each isolate keeps it for a minute, which saves
 * three round trips per request. A re-seed shows everywhere within that minute.
 */
const GRAPH_TTL_MS = 60_000;
const graphCache = new Map<string, { graph: CourseGraph; expires: number }>();

async function cachedGraph(key: string, load: () => Promise<CourseGraph | null>): Promise<CourseGraph | null> {
  const hit = graphCache.get(key);
  if (hit && hit.expires > Date.now()) return hit.graph;
  const graph = await load();
  if (graph) {
    const expires = Date.now() + GRAPH_TTL_MS;
    graphCache.set(`slug:${graph.course.slug}`, { graph, expires });
    graphCache.set(`id:${graph.course.id}`, { graph, expires });
  }
  return graph;
}

export function loadCourseGraph(db: Queryable, courseSlug: string): Promise<CourseGraph | null> {
  return cachedGraph(`slug:${courseSlug}`, () => readCourseGraph(db, courseSlug));
}

export function loadCourseGraphById(db: Queryable, courseId: string): Promise<CourseGraph | null> {
  return cachedGraph(`id:${courseId}`, () => readCourseGraphById(db, courseId));
}

async function readCourseGraph(db: Queryable, courseSlug: string): Promise<CourseGraph | null> {
  const [course] = await db
    .select({ id: courses.id, slug: courses.slug, title: courses.title })
    .from(courses)
    .where(and(eq(courses.slug, courseSlug), isNull(courses.retiredAt)))
    .limit(1);
  if (!course) return null;
  return { course, concepts: await conceptsOf(db, [course.id]) };
}

async function readCourseGraphById(db: Queryable, courseId: string): Promise<CourseGraph | null> {
  const [course] = await db
    .select({ id: courses.id, slug: courses.slug, title: courses.title })
    .from(courses)
    .where(eq(courses.id, courseId))
    .limit(1);
  if (!course) return null;
  return { course, concepts: await conceptsOf(db, [course.id]) };
}

async function conceptsOf(db: Queryable, courseIds: string[]): Promise<CourseConcept[]> {
  const rows = await db
    .select({ id: concepts.id, slug: concepts.slug, title: concepts.title, position: concepts.position })
    .from(concepts)
    .where(and(inArray(concepts.courseId, courseIds), isNull(concepts.retiredAt)))
    .orderBy(asc(concepts.position));
  const edges = rows.length
    ? await db
        .select()
        .from(conceptPrerequisites)
        .where(
          inArray(
            conceptPrerequisites.conceptId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  return rows.map((row) => ({
    ...row,
    prerequisites: edges.filter((edge) => edge.conceptId === row.id).map((edge) => edge.prerequisiteId),
  }));
}

export async function loadEstimates(
  db: Queryable,
  userId: string,
  conceptIds: readonly string[],
): Promise<Map<string, ConceptEstimateRow>> {
  if (!conceptIds.length) return new Map();
  const rows = await db
    .select({
      conceptId: conceptStates.conceptId,
      pKnown: conceptStates.pKnown,
      theta: conceptStates.theta,
      answers: conceptStates.answers,
      correct: conceptStates.correct,
      lastPracticedAt: conceptStates.lastPracticedAt,
    })
    .from(conceptStates)
    .where(and(eq(conceptStates.userId, userId), inArray(conceptStates.conceptId, [...conceptIds])));
  return new Map(rows.map((row) => [row.conceptId, row]));
}

export function standingsFor(graph: CourseGraph, estimates: Map<string, ConceptEstimateRow>) {
  return conceptStandings(graph.concepts, estimates);
}

export async function loadCourseState(db: Queryable, userId: string, courseSlug: string): Promise<CourseState | null> {
  const graph = await loadCourseGraph(db, courseSlug);
  if (!graph) return null;
  const estimates = await loadEstimates(
    db,
    userId,
    graph.concepts.map((concept) => concept.id),
  );
  return { ...graph, estimates, standings: standingsFor(graph, estimates) };
}
