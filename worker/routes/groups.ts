/**
 * Study groups over HTTP: create one (optionally for a class), join with its code, list
 * mine, open the group's room (a WebSocket to its StudyGroup, members only), start a
 * shared practice set the group works through together and read its items to answer them.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import {
  GROUP_HEADER,
  GROUP_MEMBER_HEADER,
  GROUP_MEMBER_NAME_HEADER,
  GROUP_NAME_HEADER,
} from '../../durable/study-group';
import type { App } from '../api/app';
import { errorResponses, jsonContent, PracticeItemSchema, SlugSchema } from '../api/schemas';
import { concepts, courses, items } from '../db/schema';
import { ApiError } from '../errors';
import { createGroup, groupForMember, joinGroup, myGroups } from '../groups/queries';
import { requireOwnOriginForCookie, requireUser, signedIn } from '../middleware/require-user';
import { publicItem, publicItemColumns } from '../practice/item-view';

const GroupSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    joinCode: z.string(),
    owner: z.boolean(),
    members: z.number().int(),
  })
  .openapi('StudyGroup');

const createGroupRoute = createRoute({
  method: 'post',
  path: '/api/groups',
  tags: ['groups'],
  summary: 'Start a study group (optionally for a class you teach or belong to)',
  middleware: [requireUser()] as const,
  request: {
    body: {
      required: true,
      ...jsonContent(z.object({ name: z.string().trim().min(1).max(80), classId: z.string().uuid().optional() })),
    },
  },
  responses: {
    201: {
      description: 'The group and its join code',
      ...jsonContent(z.object({ id: z.string(), name: z.string(), joinCode: z.string(), members: z.number().int() })),
    },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const joinGroupRoute = createRoute({
  method: 'post',
  path: '/api/groups/join',
  tags: ['groups'],
  summary: 'Join a study group with its code',
  middleware: [requireUser()] as const,
  request: { body: { required: true, ...jsonContent(z.object({ code: z.string().trim().min(4).max(20) })) } },
  responses: {
    200: { description: 'The group joined', ...jsonContent(z.object({ id: z.string(), name: z.string() })) },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const listGroupsRoute = createRoute({
  method: 'get',
  path: '/api/groups',
  tags: ['groups'],
  summary: 'My study groups',
  middleware: [requireUser()] as const,
  responses: {
    200: { description: 'Groups', ...jsonContent(z.object({ groups: z.array(GroupSchema) })) },
    ...errorResponses(401, 429),
  },
});

const practiceRoute = createRoute({
  method: 'post',
  path: '/api/groups/{id}/practice',
  tags: ['groups'],
  summary: 'Start a shared practice set; answer its items through /api/attempts with groupId',
  middleware: [requireUser()] as const,
  request: {
    params: z.object({ id: z.string().uuid() }),
    body: {
      required: true,
      ...jsonContent(
        z.object({
          course: SlugSchema,
          concept: SlugSchema.optional(),
          count: z.number().int().min(1).max(20).default(5),
        }),
      ),
    },
  },
  responses: {
    201: {
      description: 'The practice set every member now sees',
      ...jsonContent(z.object({ items: z.array(z.record(z.string(), z.unknown())) }).passthrough()),
    },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const currentPracticeRoute = createRoute({
  method: 'get',
  path: '/api/groups/{id}/practice',
  tags: ['groups'],
  summary: 'The group’s shared practice set, each item as a learner answers it (members only)',
  middleware: [requireUser()] as const,
  request: { params: z.object({ id: z.string().uuid() }) },
  responses: {
    200: {
      description: 'The items of the set, in its order',
      ...jsonContent(z.object({ startedAt: z.number(), items: z.array(PracticeItemSchema) })),
    },
    ...errorResponses(400, 401, 404, 429),
  },
});

export function registerGroupRoutes(app: App): void {
  app.openapi(createGroupRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    return c.json(await createGroup(c.var.db, user.id, c.req.valid('json')), 201);
  });

  app.openapi(joinGroupRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    return c.json(await joinGroup(c.var.db, user.id, c.req.valid('json').code), 200);
  });

  app.openapi(listGroupsRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    c.header('Cache-Control', 'no-store');
    return c.json({ groups: await myGroups(c.var.db, user.id) }, 200);
  });

  app.get('/api/groups/:id/ws', requireUser(), requireOwnOriginForCookie(), async (c) => {
    const { user } = signedIn(c.get('auth'));
    const id = c.req.param('id');
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiError('bad_request', 'This is a study group room: open it as a WebSocket.');
    }
    const group = /^[0-9a-f-]{36}$/.test(id) ? await groupForMember(c.var.db, id, user.id) : null;
    if (!group) throw new ApiError('not_found', 'No such study group.');
    const headers = new Headers({
      Upgrade: 'websocket',
      [GROUP_MEMBER_HEADER]: user.id,
      [GROUP_MEMBER_NAME_HEADER]: encodeURIComponent(user.displayName),
      [GROUP_HEADER]: group.id,
      [GROUP_NAME_HEADER]: encodeURIComponent(group.name),
    });
    return c.env.STUDY_GROUP.get(c.env.STUDY_GROUP.idFromName(group.id)).fetch(
      new Request('https://study-group/ws', { headers }),
    );
  });

  app.openapi(practiceRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const group = await groupForMember(c.var.db, id, user.id);
    if (!group) throw new ApiError('not_found', 'No such study group.');
    const rows = await c.var.db
      .select({
        id: items.id,
        slug: items.slug,
        type: items.type,
        prompt: items.prompt,
        concept: concepts.slug,
        course: courses.slug,
        difficulty: items.difficulty,
      })
      .from(items)
      .innerJoin(concepts, eq(concepts.id, items.conceptId))
      .innerJoin(courses, eq(courses.id, items.courseId))
      .where(
        and(
          eq(courses.slug, body.course),
          isNull(items.retiredAt),
          ne(items.type, 'code-exercise'),
          ...(body.concept ? [eq(concepts.slug, body.concept)] : []),
        ),
      )
      .orderBy(asc(concepts.position), asc(items.slug));
    if (!rows.length) throw new ApiError('not_found', 'No items match that selection.');
    const order = { easy: 0, medium: 1, hard: 2 } as Record<string, number>;
    const chosen = rows
      .sort((a, b) => (order[a.difficulty] ?? 1) - (order[b.difficulty] ?? 1))
      .slice(0, body.count)
      .map(({ difficulty: _difficulty, ...item }) => item);
    const practice = await c.env.STUDY_GROUP.get(c.env.STUDY_GROUP.idFromName(group.id)).startPractice({
      items: chosen,
      startedBy: { userId: user.id, name: user.displayName },
    });
    return c.json(practice, 201);
  });

  app.openapi(currentPracticeRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const { id } = c.req.valid('param');
    const group = await groupForMember(c.var.db, id, user.id);
    if (!group) throw new ApiError('not_found', 'No such study group.');
    const { practice } = await c.env.STUDY_GROUP.get(c.env.STUDY_GROUP.idFromName(group.id)).status();
    if (!practice) throw new ApiError('not_found', 'The group has no shared practice yet.');
    const ids = practice.items.map((item) => item.id);
    const rows = await c.var.db
      .select({ ...publicItemColumns, course: courses.slug, concept: concepts.slug })
      .from(items)
      .innerJoin(concepts, eq(concepts.id, items.conceptId))
      .innerJoin(courses, eq(courses.id, items.courseId))
      .where(and(inArray(items.id, ids), isNull(items.retiredAt)));
    const byId = new Map(rows.map((row) => [row.id, publicItem(row, row.course, row.concept)]));
    // In the set's order; an item retired since the set was started is simply left out.
    const answerable = ids.flatMap((itemId) => byId.get(itemId) ?? []);
    c.header('Cache-Control', 'no-store');
    return c.json({ startedAt: practice.startedAt, items: answerable }, 200);
  });
}
