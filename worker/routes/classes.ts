/** Classes: instructors create them and read their report; learners join with the code. */
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../api/app';
import { errorResponses, jsonContent, SlugSchema } from '../api/schemas';
import { createClass, classesOf, joinClass, loadClassReport } from '../classes/queries';
import { reportCsv } from '../classes/report';

import { requireRole, requireUser, signedIn } from '../middleware/require-user';

const ClassSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    course: z.string(),
    joinCode: z.string(),
    members: z.number().int(),
  })
  .openapi('Class');

const MasteryCell = z.object({ level: z.string(), probability: z.number() }).nullable();

const ReportSchema = z
  .object({
    class: z.object({ id: z.string(), name: z.string() }),
    concepts: z.array(z.object({ slug: z.string(), title: z.string() })),
    learners: z.array(
      z.object({
        userId: z.string(),
        displayName: z.string(),
        lastActiveAt: z.string().nullable(),
        answers: z.number().int(),
        accuracy: z.number().nullable(),
        mastery: z.record(z.string(), MasteryCell),
      }),
    ),
    struggling: z.array(
      z.object({
        concept: z.string(),
        title: z.string(),
        learners: z.number().int(),
        meanProbability: z.number(),
        belowFamiliar: z.number().int(),
      }),
    ),
  })
  .openapi('ClassReport');

const ClassId = z.object({ id: z.string().uuid() });

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/classes',
  tags: ['classes'],
  summary: 'Create a class (instructors) and get its join code',
  middleware: [requireUser(), requireRole('instructor', 'admin')],
  request: {
    body: {
      required: true,
      ...jsonContent(
        z.object({
          name: z
            .string()
            .trim()
            .min(1)
            .max(100)
            .refine((name) => !/\p{Cc}/u.test(name), 'No control characters.'),
          course: SlugSchema,
        }),
      ),
    },
  },
  responses: {
    201: { description: 'The class', ...jsonContent(ClassSchema) },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/classes',
  tags: ['classes'],
  summary: 'Classes you teach and classes you are in',
  middleware: [requireUser()] as const,
  responses: {
    200: {
      description: 'Your classes',
      ...jsonContent(
        z.object({
          teaching: z.array(ClassSchema),
          enrolled: z.array(z.object({ id: z.string(), name: z.string(), course: z.string(), instructor: z.string() })),
        }),
      ),
    },
    ...errorResponses(401, 429),
  },
});

const joinRoute = createRoute({
  method: 'post',
  path: '/api/classes/join',
  tags: ['classes'],
  summary: 'Join a class with its code (joining twice is harmless)',
  middleware: [requireUser()] as const,
  request: { body: { required: true, ...jsonContent(z.object({ code: z.string().min(4).max(20) })) } },
  responses: {
    200: {
      description: 'The class joined',
      ...jsonContent(z.object({ id: z.string(), name: z.string(), course: z.string(), instructor: z.string() })),
    },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const reportRoute = createRoute({
  method: 'get',
  path: '/api/classes/{id}/report',
  tags: ['classes'],
  summary: 'Learner × concept mastery, activity and struggling concepts (the class’s instructor only)',
  middleware: [requireUser()] as const,
  request: { params: ClassId },
  responses: {
    200: { description: 'The report', ...jsonContent(ReportSchema) },
    ...errorResponses(400, 401, 404, 429),
  },
});

const reportCsvRoute = createRoute({
  method: 'get',
  path: '/api/classes/{id}/report.csv',
  tags: ['classes'],
  summary: 'The class report as CSV (one row per learner, one column per concept)',
  middleware: [requireUser()] as const,
  request: { params: ClassId },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 404, 429),
  },
});

export function registerClassRoutes(app: App): void {
  app.openapi(createRouteDef, async (c) => {
    const { user } = signedIn(c.get('auth'));
    return c.json(await createClass(c.var.db, user.id, c.req.valid('json')), 201);
  });

  app.openapi(listRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    c.header('Cache-Control', 'no-store');
    return c.json(await classesOf(c.var.db, user.id), 200);
  });

  app.openapi(joinRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    return c.json(await joinClass(c.var.db, user.id, c.req.valid('json').code), 200);
  });

  app.openapi(reportRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    c.header('Cache-Control', 'no-store');
    return c.json(await loadClassReport(c.var.db, user, c.req.valid('param').id), 200);
  });

  app.openapi(reportCsvRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const report = await loadClassReport(c.var.db, user, c.req.valid('param').id);
    const filename = `${report.class.name.replace(/[^\w-]+/g, '-').slice(0, 60) || 'class'}-report.csv`;
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="${filename}"`);
    return c.body(reportCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
}
