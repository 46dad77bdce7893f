/** The admin API: platform statistics, the activity log, user management, system health. Admins only. */
import { createRoute, z } from '@hono/zod-openapi';
import { activityPage, manageUser, platformStats, searchUsers } from '../admin/queries';
import type { App } from '../api/app';
import { errorResponses, jsonContent } from '../api/schemas';
import { requireRole, requireUser, signedIn } from '../middleware/require-user';
import { countActive } from '../practice/active-users';
import { registerAdminSystemRoute } from './admin-system';

const Role = z.enum(['learner', 'instructor', 'admin']);
const adminOnly = () => [requireUser(), requireRole('admin')];

const ManagedUser = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: Role,
    createdAt: z.string(),
    disabled: z.boolean(),
    disabledAt: z.string().nullable(),
  })
  .openapi('ManagedUser');

const statsRoute = createRoute({
  method: 'get',
  path: '/api/admin/stats',
  tags: ['admin'],
  summary: 'Platform statistics: users, active users, sessions, attempts today, accuracy, completion rates',
  middleware: adminOnly(),
  responses: {
    200: {
      description: 'Statistics',
      ...jsonContent(
        z.object({
          users: z.object({
            total: z.number().int(),
            learners: z.number().int(),
            instructors: z.number().int(),
            admins: z.number().int(),
            newThisWeek: z.number().int(),
            disabled: z.number().int(),
          }),
          activeUsers: z.number().int().nullable().openapi({ description: 'Null when Redis is unreachable' }),
          learningSessions: z.object({ active: z.number().int(), startedToday: z.number().int() }),
          attemptsToday: z.object({ total: z.number().int(), accuracy: z.number().nullable() }),
          courses: z.array(
            z.object({
              course: z.string(),
              title: z.string(),
              learnersStarted: z.number().int(),
              learnersCompleted: z.number().int(),
              completionRate: z.number().nullable(),
              lessonCompletionRate: z.number().nullable(),
            }),
          ),
        }),
      ),
    },
    ...errorResponses(401, 403, 429),
  },
});

const activityRoute = createRoute({
  method: 'get',
  path: '/api/admin/activity',
  tags: ['admin'],
  summary: 'The activity log, newest first (page with ?before=<nextBefore>)',
  middleware: adminOnly(),
  request: {
    query: z.object({
      kind: z.string().max(40).optional(),
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: 'Events',
      ...jsonContent(
        z.object({
          events: z.array(
            z.object({
              id: z.number().int(),
              kind: z.string(),
              userId: z.string().nullable(),
              displayName: z.string().nullable(),
              actorId: z.string().nullable(),
              detail: z.record(z.string(), z.unknown()),
              createdAt: z.string(),
            }),
          ),
          nextBefore: z.number().int().nullable(),
        }),
      ),
    },
    ...errorResponses(400, 401, 403, 429),
  },
});

const usersRoute = createRoute({
  method: 'get',
  path: '/api/admin/users',
  tags: ['admin'],
  summary: 'Users, newest first, searchable by email or name',
  middleware: adminOnly(),
  request: {
    query: z.object({
      q: z.string().trim().max(100).optional(),
      role: Role.optional(),
      limit: z.coerce.number().int().min(1).max(100).default(25),
      offset: z.coerce.number().int().min(0).max(100_000).default(0),
    }),
  },
  responses: {
    200: {
      description: 'Users',
      ...jsonContent(z.object({ total: z.number().int(), users: z.array(ManagedUser) })),
    },
    ...errorResponses(400, 401, 403, 429),
  },
});

const manageRoute = createRoute({
  method: 'patch',
  path: '/api/admin/users/{id}',
  tags: ['admin'],
  summary: 'Change a user’s role, or disable / re-enable the account',
  middleware: adminOnly(),
  request: {
    params: z.object({ id: z.string().uuid() }),
    body: {
      required: true,
      ...jsonContent(
        z
          .object({ role: Role.optional(), disabled: z.boolean().optional() })
          .refine((change) => change.role !== undefined || change.disabled !== undefined, 'Nothing to change.'),
      ),
    },
  },
  responses: {
    200: { description: 'The user as changed', ...jsonContent(ManagedUser) },
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});

export function registerAdminRoutes(app: App): void {
  app.openapi(statsRoute, async (c) => {
    const now = new Date();
    const [stats, activeUsers] = await Promise.all([
      platformStats(c.var.db, now),
      countActive(c.var.redis, now).catch(() => null),
    ]);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...stats, activeUsers }, 200);
  });

  app.openapi(activityRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await activityPage(c.var.db, c.req.valid('query')), 200);
  });

  app.openapi(usersRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await searchUsers(c.var.db, c.req.valid('query')), 200);
  });

  app.openapi(manageRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    return c.json(await manageUser(c.var.db, user, c.req.valid('param').id, c.req.valid('json')), 200);
  });

  registerAdminSystemRoute(app);
}
