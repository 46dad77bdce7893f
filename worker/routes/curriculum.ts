/**
 * The course catalogue, open to everyone: courses, a course's concept graph with its
 * lessons, one lesson, and search across lessons and concepts. (Each learner's state on
 * each concept joins the graph when mastery tracking lands.)
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../api/app';
import { errorResponses, jsonContent, SlugSchema } from '../api/schemas';

import { courseWithGraph, lessonBySlug, listCourses, search } from '../curriculum/queries';
import { ApiError } from '../errors';
import { identifyUser } from '../middleware/require-user';
import { loadCourseState } from '../practice/course-state';
import { toThousandths } from '../learning/precision';

const CourseSummarySchema = z
  .object({ slug: z.string(), title: z.string(), summary: z.string(), language: z.string() })
  .openapi('CourseSummary');

const CourseSchema = z
  .object({
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    language: z.string(),
    languageVersion: z.string(),
    concepts: z.array(
      z.object({
        slug: z.string(),
        title: z.string(),
        summary: z.string(),
        prerequisites: z.array(z.string()),
        lessons: z.array(z.object({ slug: z.string(), title: z.string(), minutes: z.number().int() })),
        learner: z
          .object({
            status: z.enum(['locked', 'available', 'in-progress', 'mastered']),
            level: z.enum(['attempted', 'familiar', 'proficient', 'mastered']).nullable(),
            probability: z.number().nullable(),
          })
          .optional()
          .openapi({ description: "The signed-in learner's standing on the concept (absent when anonymous)" }),
      }),
    ),
  })
  .openapi('Course');

const LessonSchema = z
  .object({
    course: z.string(),
    concept: z.string(),
    slug: z.string(),
    title: z.string(),
    minutes: z.number().int(),
    body: z.string(),
  })
  .openapi('Lesson');

const SearchHitSchema = z
  .object({
    kind: z.enum(['lesson', 'concept']),
    course: z.string(),
    slug: z.string(),
    title: z.string(),
    rank: z.number(),
    snippet: z.object({ text: z.string(), highlights: z.array(z.tuple([z.number().int(), z.number().int()])) }),
  })
  .openapi('SearchHit');

const coursesRoute = createRoute({
  method: 'get',
  path: '/api/courses',
  tags: ['curriculum'],
  summary: 'Published courses',
  responses: {
    200: { description: 'Courses', ...jsonContent(z.object({ courses: z.array(CourseSummarySchema) })) },
    ...errorResponses(429),
  },
});

const courseRoute = createRoute({
  method: 'get',
  path: '/api/courses/{course}',
  tags: ['curriculum'],
  summary: "A course's concept graph, in teaching order, with each concept's lessons",
  middleware: [identifyUser()] as const,
  request: { params: z.object({ course: SlugSchema }) },
  responses: { 200: { description: 'The course', ...jsonContent(CourseSchema) }, ...errorResponses(400, 404, 429) },
});

const lessonRoute = createRoute({
  method: 'get',
  path: '/api/courses/{course}/lessons/{lesson}',
  tags: ['curriculum'],
  summary: 'One lesson (Markdown)',
  request: { params: z.object({ course: SlugSchema, lesson: SlugSchema }) },
  responses: { 200: { description: 'The lesson', ...jsonContent(LessonSchema) }, ...errorResponses(400, 404, 429) },
});

const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  tags: ['curriculum'],
  summary: 'Search lessons and concepts (web-style query: words, "phrases", -exclusions)',
  request: {
    query: z.object({
      q: z.string().trim().min(2, 'Search for at least 2 characters.').max(200),
      limit: z.coerce.number().int().min(1).max(50).default(20),
    }),
  },
  responses: {
    200: { description: 'Hits, best first', ...jsonContent(z.object({ hits: z.array(SearchHitSchema) })) },
    ...errorResponses(400, 429),
  },
});

export function registerCurriculumRoutes(app: App): void {
  app.openapi(coursesRoute, async (c) => c.json({ courses: await listCourses(c.var.db) }, 200));

  app.openapi(courseRoute, async (c) => {
    const course = await courseWithGraph(c.var.db, c.req.valid('param').course);
    if (!course) throw new ApiError('not_found', 'There is no such course.');
    const auth = c.get('auth');
    if (!auth) return c.json(course, 200);
    // Personalised: never cached by anything between us and the learner.
    c.header('Cache-Control', 'private, no-store');
    const state = await loadCourseState(c.var.db, auth.user.id, course.slug);
    const standingOf = new Map(
      (state?.concepts ?? []).map((concept) => [concept.slug, state?.standings.get(concept.id)]),
    );
    return c.json(
      {
        ...course,
        concepts: course.concepts.map((concept) => {
          const standing = standingOf.get(concept.slug);
          return standing
            ? {
                ...concept,
                learner: {
                  status: standing.status,
                  level: standing.level,
                  probability: standing.pKnown === null ? null : toThousandths(standing.pKnown),
                },
              }
            : concept;
        }),
      },
      200,
    );
  });

  app.openapi(lessonRoute, async (c) => {
    const { course, lesson } = c.req.valid('param');
    const found = await lessonBySlug(c.var.db, course, lesson);
    if (!found) throw new ApiError('not_found', 'There is no such lesson in this course.');
    return c.json(found, 200);
  });

  app.openapi(searchRoute, async (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ hits: await search(c.var.db, q, limit) }, 200);
  });
}
