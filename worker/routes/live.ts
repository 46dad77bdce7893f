/**
 * Live quizzes over HTTP: an instructor creates a room (questions picked from a course, a
 * concept or by hand) and gets its PIN and a host token; players join with the PIN and a
 * nickname and get a seat token; both then talk to the room's LiveRoom over a WebSocket,
 * presenting their token in a `hello` message. The host downloads the results as CSV.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { App } from '../api/app';
import { errorResponses, jsonContent, SlugSchema } from '../api/schemas';
import { concepts, courses, items, liveSessions } from '../db/schema';
import { ApiError } from '../errors';
import { liveResultsCsv } from '../live/results-csv';
import { claimPin, isPin, roomForPin } from '../live/pin';
import { listLiveSessions } from '../live/session-list';
import { LIVE_ITEM_TYPES, toLiveQuestion } from '../live/questions';
import { identifyUserForWrite, requireRole, requireUser, signedIn } from '../middleware/require-user';

const createRoute_ = createRoute({
  method: 'post',
  path: '/api/live/sessions',
  tags: ['live'],
  summary: 'Create a live quiz room (instructors): its PIN and the host token',
  middleware: [requireUser(), requireRole('instructor', 'admin')] as const,
  request: {
    body: {
      required: true,
      ...jsonContent(
        z.object({
          course: SlugSchema,
          concept: SlugSchema.optional(),
          items: z
            .array(SlugSchema)
            .min(1)
            .max(50)
            .optional()
            .openapi({ description: 'Hand-picked item slugs, in order' }),
          count: z.number().int().min(1).max(50).default(10),
          timeLimitSeconds: z.number().int().min(5).max(120).default(20),
          streakBonus: z.boolean().default(true),
          title: z.string().trim().min(1).max(100).optional(),
        }),
      ),
    },
  },
  responses: {
    201: {
      description: 'The room',
      ...jsonContent(
        z.object({
          roomId: z.string().uuid(),
          pin: z.string(),
          hostToken: z.string().openapi({ description: 'Send it in a `hello` message on the room’s WebSocket' }),
          title: z.string(),
          questions: z.number().int(),
        }),
      ),
    },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

const joinRoute = createRoute({
  method: 'post',
  path: '/api/live/join',
  tags: ['live'],
  summary: 'Join a live quiz with its PIN and a nickname (guests welcome)',
  middleware: [identifyUserForWrite()] as const,
  request: {
    body: {
      required: true,
      ...jsonContent(
        z.object({
          pin: z
            .string()
            .trim()
            .regex(/^\d{6}$/, 'A PIN is 6 digits.'),
          nickname: z.string().max(200),
        }),
      ),
    },
  },
  responses: {
    200: {
      description: 'Your seat: keep the token to get it back after a refresh',
      ...jsonContent(
        z.object({ roomId: z.string().uuid(), playerId: z.string(), token: z.string(), nickname: z.string() }),
      ),
    },
    ...errorResponses(400, 404, 409, 429),
  },
});

const LiveSessionSchema = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    course: z.object({ slug: z.string(), title: z.string() }).nullable(),
    host: z.object({ id: z.string(), displayName: z.string() }),
    status: z.enum(['lobby', 'running', 'ended']),
    pin: z.string().nullable().openapi({ description: 'While players can still join; null once ended or expired' }),
    players: z.number().int().openapi({ description: 'Everyone who joined, kicked players included' }),
    questions: z.number().int(),
    createdAt: z.string(),
    endedAt: z.string().nullable(),
    resultsCsv: z.string().openapi({ description: 'Path of the results CSV (GET, its host or an admin)' }),
  })
  .openapi('LiveSession');

const listRoute = createRoute({
  method: 'get',
  path: '/api/live/sessions',
  tags: ['live'],
  summary: 'Your live quiz rooms, newest first (admins: ?scope=all for everyone’s; page with ?before=<nextBefore>)',
  middleware: [requireUser(), requireRole('instructor', 'admin')] as const,
  request: {
    query: z.object({
      scope: z.enum(['mine', 'all']).default('mine'),
      before: z.string().datetime().optional(),
      limit: z.coerce.number().int().min(1).max(50).default(20),
    }),
  },
  responses: {
    200: {
      description: 'Rooms',
      ...jsonContent(z.object({ sessions: z.array(LiveSessionSchema), nextBefore: z.string().nullable() })),
    },
    ...errorResponses(400, 401, 403, 429),
  },
});

const hostTakeoverRoute = createRoute({
  method: 'post',
  path: '/api/live/sessions/{id}/host',
  tags: ['live'],
  summary: 'Host your room from this tab or device: a new host token (the old one stops working)',
  middleware: [requireUser(), requireRole('instructor', 'admin')] as const,
  request: { params: z.object({ id: z.string().uuid() }) },
  responses: {
    200: {
      description: 'The new host token',
      ...jsonContent(
        z.object({
          roomId: z.string().uuid(),
          hostToken: z.string().openapi({ description: 'Send it in a `hello` message on the room’s WebSocket' }),
        }),
      ),
    },
    ...errorResponses(401, 403, 404, 429),
  },
});

const csvRoute = createRoute({
  method: 'get',
  path: '/api/live/sessions/{id}/results.csv',
  tags: ['live'],
  summary: 'The room’s results as CSV (its host or an admin)',
  middleware: [requireUser()] as const,
  request: { params: z.object({ id: z.string().uuid() }) },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(401, 404, 429),
  },
});

export function registerLiveRoutes(app: App): void {
  app.openapi(createRoute_, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const body = c.req.valid('json');
    const db = c.var.db;
    const [course] = await db
      .select({ id: courses.id, title: courses.title })
      .from(courses)
      .where(and(eq(courses.slug, body.course), isNull(courses.retiredAt)));
    if (!course) throw new ApiError('not_found', `No course "${body.course}".`);
    const conditions = [
      eq(items.courseId, course.id),
      isNull(items.retiredAt),
      inArray(items.type, [...LIVE_ITEM_TYPES]),
    ];
    if (body.items) conditions.push(inArray(items.slug, body.items));
    if (body.concept) conditions.push(eq(concepts.slug, body.concept));
    const rows = await db
      .select({
        id: items.id,
        slug: items.slug,
        type: items.type,
        prompt: items.prompt,
        content: items.content,
        answer: items.answer,
        explanation: items.explanation,
        difficulty: items.difficulty,
        position: concepts.position,
      })
      .from(items)
      .innerJoin(concepts, eq(concepts.id, items.conceptId))
      .where(and(...conditions))
      .orderBy(asc(concepts.position), asc(items.slug));
    const chosen = body.items
      ? body.items.flatMap((slug) => rows.filter((row) => row.slug === slug))
      : spread(rows, body.count);
    const questions = chosen.flatMap((row) => toLiveQuestion(row, body.timeLimitSeconds * 1000) ?? []);
    if (!questions.length) {
      throw new ApiError('not_found', 'No multiple-choice, multi-select or true/false items match that selection.');
    }
    const roomId = crypto.randomUUID();
    const pin = await claimPin(c.var.redis, roomId);
    const title = body.title ?? course.title;
    await db.insert(liveSessions).values({
      id: roomId,
      hostId: user.id,
      courseId: course.id,
      title,
      pin,
      itemIds: questions.map((question) => question.itemId),
    });
    const room = c.env.LIVE_ROOM.get(c.env.LIVE_ROOM.idFromName(roomId));
    const { hostToken } = await room.setup({
      config: {
        roomId,
        pin,
        title,
        hostUserId: user.id,
        itemTypes: Object.fromEntries(chosen.map((row) => [row.id, row.type])),
        createdAt: Date.now(),
      },
      questions,
      streakBonus: body.streakBonus,
    });
    return c.json({ roomId, pin, hostToken, title, questions: questions.length }, 201);
  });

  app.openapi(listRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const { scope, before, limit } = c.req.valid('query');
    // Everyone's rooms are an admin's view; an instructor sees only the rooms they host.
    if (scope === 'all' && user.role !== 'admin') throw new ApiError('forbidden', 'Only admins see everyone’s rooms.');
    const page = await listLiveSessions(
      {
        db: c.var.db,
        redis: c.var.redis,
        roomStatus: (id) => c.env.LIVE_ROOM.get(c.env.LIVE_ROOM.idFromName(id)).status(),
      },
      { hostId: scope === 'all' ? null : user.id, before: before ? new Date(before) : undefined, limit },
    );
    return c.json(page, 200);
  });

  app.openapi(joinRoute, async (c) => {
    const { pin, nickname } = c.req.valid('json');
    const roomId = isPin(pin) ? await roomForPin(c.var.redis, pin) : null;
    if (!roomId) throw new ApiError('not_found', 'No live quiz has that PIN (it may have ended).');
    const auth = c.get('auth');
    const room = c.env.LIVE_ROOM.get(c.env.LIVE_ROOM.idFromName(roomId));
    const joined = await room.join({ nickname, userId: auth?.user.id ?? null });
    if (!joined.ok) {
      // A nickname that does not fit is bad input; a taken one, a kick or an ended game is a conflict.
      const status = joined.code === 'invalid' ? 'validation_failed' : 'conflict';
      throw new ApiError(status, joined.message, { details: { reason: joined.code } });
    }
    return c.json({ roomId, playerId: joined.playerId, token: joined.token, nickname: joined.nickname }, 200);
  });

  app.get('/api/live/rooms/:id/ws', async (c) => {
    const id = c.req.param('id');
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new ApiError('not_found', 'No such room.');
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiError('bad_request', 'This is a live quiz room: open it as a WebSocket.');
    }
    const room = c.env.LIVE_ROOM.get(c.env.LIVE_ROOM.idFromName(id));
    return room.fetch(new Request('https://live-room/ws', { headers: { Upgrade: 'websocket' } }));
  });

  app.openapi(hostTakeoverRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const id = c.req.valid('param').id;
    const [session] = await c.var.db
      .select({ hostId: liveSessions.hostId })
      .from(liveSessions)
      .where(eq(liveSessions.id, id));
    // Only the instructor who created the game hosts it; anyone else's room is as good as absent.
    if (!session || session.hostId !== user.id) throw new ApiError('not_found', 'No such room of yours.');
    const replaced = await c.env.LIVE_ROOM.get(c.env.LIVE_ROOM.idFromName(id)).replaceHostToken();
    if (!replaced) throw new ApiError('not_found', 'No such room of yours.');
    c.header('Cache-Control', 'no-store');
    return c.json({ roomId: id, hostToken: replaced.hostToken }, 200);
  });

  app.openapi(csvRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const id = c.req.valid('param').id;
    const [session] = await c.var.db.select().from(liveSessions).where(eq(liveSessions.id, id));
    // Someone else's room is as good as absent.
    if (!session || (session.hostId !== user.id && user.role !== 'admin'))
      throw new ApiError('not_found', 'No such room.');
    const results = await c.env.LIVE_ROOM.get(c.env.LIVE_ROOM.idFromName(id)).results();
    if (!results) throw new ApiError('not_found', 'No such room.');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="live-${session.pin}-results.csv"`);
    return c.body(liveResultsCsv(results.state), 200);
  });
}

/** Up to `count` items spread over the concepts in teaching order, easy before hard within each. */
function spread<T extends { position: number; difficulty: string }>(rows: T[], count: number): T[] {
  const order = { easy: 0, medium: 1, hard: 2 } as Record<string, number>;
  const byConcept = new Map<number, T[]>();
  for (const row of rows) byConcept.set(row.position, [...(byConcept.get(row.position) ?? []), row]);
  for (const list of byConcept.values()) list.sort((a, b) => (order[a.difficulty] ?? 1) - (order[b.difficulty] ?? 1));
  const lists = [...byConcept.entries()].sort(([a], [b]) => a - b).map(([, list]) => list);
  const picked: T[] = [];
  for (let round = 0; picked.length < count && lists.some((list) => list.length > round); round++) {
    for (const list of lists) {
      const row = list[round];
      if (row && picked.length < count) picked.push(row);
    }
  }
  return picked;
}
