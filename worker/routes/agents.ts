/**
 * The tutor team over HTTP: chat (the same conversation the live channel carries) and its
 * transcript, the learner's live channel itself (a WebSocket handed to their LearnerAgent),
 * the learner's own agent state, and the team's status across all learners for admins.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { MAX_CHAT_CHARS } from '../../durable/protocol';
import { LEARNER_HEADER } from '../../durable/learner-header';
import { readAgentMetrics } from '../agents/agent-metrics';
import { learnerAgent } from '../agents/learner-agent-stub';
import type { App } from '../api/app';
import { errorResponses, jsonContent, SlugSchema } from '../api/schemas';
import { ApiError } from '../errors';
import { requireOwnOriginForCookie, requireRole, requireUser, signedIn } from '../middleware/require-user';

const LinkSchema = z.object({
  kind: z.enum(['lesson', 'concept', 'item', 'reviews']),
  course: z.string(),
  slug: z.string().optional(),
  title: z.string(),
});

const ReplySchema = z
  .object({
    agent: z.enum(['orchestrator', 'content-curator', 'quiz-master', 'evaluator', 'progress-tracker', 'motivator']),
    text: z.string(),
    links: z.array(LinkSchema),
    action: z.record(z.string(), z.unknown()).optional(),
    messageId: z.string().optional(),
  })
  .openapi('AgentReply');

const chatRoute = createRoute({
  method: 'post',
  path: '/api/agents/chat',
  tags: ['agents'],
  summary: 'Ask the tutor team in plain words ("explain walkers", "how am I doing?")',
  middleware: [requireUser()] as const,
  request: {
    body: {
      required: true,
      ...jsonContent(
        z.object({
          text: z.string().trim().min(1, 'Ask something.').max(MAX_CHAT_CHARS),
          course: SlugSchema.optional().openapi({ description: 'Default: the course the learner practised last' }),
        }),
      ),
    },
  },
  responses: {
    200: {
      description: 'The team’s answer and which agent gave it',
      ...jsonContent(z.object({ id: z.string(), intent: z.string(), reply: ReplySchema, elaborated: z.boolean() })),
    },
    ...errorResponses(400, 401, 403, 404, 429, 503),
  },
});

const TranscriptTurnSchema = z
  .discriminatedUnion('role', [
    z.object({ role: z.literal('learner'), text: z.string(), at: z.string() }),
    z.object({ role: z.literal('agent'), reply: ReplySchema, at: z.string() }),
  ])
  .openapi('ChatTranscriptTurn');

const historyRoute = createRoute({
  method: 'get',
  path: '/api/agents/chat/history',
  tags: ['agents'],
  summary: 'The conversation so far, as the learner saw it (the last 40 turns the team remembers)',
  middleware: [requireUser()] as const,
  responses: {
    200: {
      description: 'Questions and answers, oldest first; answers as shown, with their links',
      ...jsonContent(z.object({ turns: z.array(TranscriptTurnSchema) })),
    },
    ...errorResponses(401, 429),
  },
});

const CountersSchema = z.object({
  agent: z.string(),
  calls: z.number().int(),
  averageMs: z.number(),
  errors: z.number().int(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});

const RefSchema = z.object({ slug: z.string(), title: z.string() });

const nextStepRoute = createRoute({
  method: 'get',
  path: '/api/agents/next-step',
  tags: ['agents'],
  summary: 'The orchestrator’s decision: what the learner should do next, and why',
  middleware: [requireUser()] as const,
  request: {
    query: z.object({
      course: SlugSchema.optional().openapi({ description: 'Default: the course the learner practised last' }),
    }),
  },
  responses: {
    200: {
      description: 'The next step (all `null` when the learner has no course yet)',
      ...jsonContent(
        z.object({
          course: z.string().nullable(),
          step: z
            .object({
              kind: z.enum(['lesson', 'practice', 'review', 'challenge', 'break']),
              reason: z.string(),
              concept: RefSchema.optional(),
              lesson: RefSchema.optional(),
              minutes: z.number().int().optional(),
            })
            .nullable(),
          reply: z.union([ReplySchema, z.null()]),
        }),
      ),
    },
    ...errorResponses(400, 401, 404, 429, 503),
  },
});

const myAgentRoute = createRoute({
  method: 'get',
  path: '/api/agents/me',
  tags: ['agents'],
  summary: 'The learner’s own agent state: open tabs, item in flight, scheduled nudges, counters',
  middleware: [requireUser()] as const,
  responses: {
    200: {
      description: 'State held by the learner’s LearnerAgent',
      ...jsonContent(
        z.object({
          connections: z.number().int(),
          lastSeenAt: z.number().nullable(),
          course: z.string().nullable(),
          inFlight: z.unknown().nullable(),
          nudges: z.array(z.object({ kind: z.string(), dueAt: z.string() })),
          memoryTurns: z.number().int(),
          agents: z.array(CountersSchema),
        }),
      ),
    },
    ...errorResponses(401, 429),
  },
});

const teamStatusRoute = createRoute({
  method: 'get',
  path: '/api/admin/agents',
  tags: ['admin'],
  summary: 'Agents’ status across all learners: calls, average latency, errors, last error',
  middleware: [requireUser(), requireRole('admin')] as const,
  responses: {
    200: { description: 'One row per agent', ...jsonContent(z.object({ agents: z.array(CountersSchema) })) },
    ...errorResponses(401, 403, 429, 503),
  },
});

export function registerAgentRoutes(app: App): void {
  app.openapi(nextStepRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const { course } = c.req.valid('query');
    let decided;
    try {
      decided = await learnerAgent(c.env, user.id).nextStep({ userId: user.id, course });
    } catch (error) {
      c.var.log.error('next step failed', { error: error instanceof Error ? error.message : String(error) });
      throw new ApiError('service_unavailable', 'The tutors could not decide just now; try again in a moment.');
    }
    if (!decided) {
      if (course) throw new ApiError('not_found', `There is no course "${course}".`);
      return c.json({ course: null, step: null, reply: null }, 200);
    }
    return c.json({ course: decided.course, step: decided.step, reply: decided.reply }, 200);
  });

  app.openapi(chatRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const { text, course } = c.req.valid('json');
    try {
      return c.json(await learnerAgent(c.env, user.id).chat({ userId: user.id, text, course }), 200);
    } catch (error) {
      c.var.log.error('agent chat failed', { error: error instanceof Error ? error.message : String(error) });
      throw new ApiError('service_unavailable', 'The tutors could not answer just now; try again in a moment.');
    }
  });

  app.openapi(historyRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    c.header('Cache-Control', 'no-store');
    return c.json({ turns: await learnerAgent(c.env, user.id).transcript() }, 200);
  });

  app.get('/api/agents/ws', requireUser(), requireOwnOriginForCookie(), async (c) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiError('bad_request', 'This is the learner’s live channel: open it as a WebSocket.');
    }
    const { user } = signedIn(c.get('auth'));
    const headers = new Headers({ Upgrade: 'websocket', [LEARNER_HEADER]: user.id });
    return learnerAgent(c.env, user.id).fetch(new Request('https://learner-agent/ws', { headers }));
  });

  app.openapi(myAgentRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    c.header('Cache-Control', 'no-store');
    return c.json(await learnerAgent(c.env, user.id).status(), 200);
  });

  app.openapi(teamStatusRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      return c.json({ agents: await readAgentMetrics(c.var.redis) }, 200);
    } catch {
      throw new ApiError('service_unavailable', 'The agents’ counters are in Redis, which cannot be reached.');
    }
  });
}
