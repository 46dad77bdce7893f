/**
 * The learning loop over HTTP: learning sessions, the next item, submitting an attempt,
 * the review queue and completing a lesson. Routes validate, call worker/practice/, and
 * feed the leaderboards after the transaction has committed.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App } from '../api/app';
import { errorResponses, jsonContent, PracticeItemSchema, SlugSchema } from '../api/schemas';
import { EvaluationSchema } from '../evaluation/evaluation';

import type { AppEnv } from '../env';
import { requireUser, signedIn } from '../middleware/require-user';
import { addToLeaderboards } from '../practice/leaderboards';
import { completeLesson } from '../practice/lessons';
import { currentSession, endSession, startSession } from '../practice/learning-sessions';
import { nextItem } from '../practice/next-item';
import { reviewQueue } from '../practice/reviews';
import { submitAttempt } from '../practice/submit-attempt';
import { ApiError } from '../errors';
import { nextItemPlan, tellAgent } from '../agents/learning-hooks';
import { groupForMember } from '../groups/queries';

type PracticeItem = z.infer<typeof PracticeItemSchema>;

const MasteryChange = z.object({
  concept: z.string(),
  before: z.number(),
  after: z.number(),
  levelBefore: z.string().nullable(),
  levelAfter: z.string(),
});

const SessionSchema = z
  .object({
    id: z.string().uuid(),
    course: z.string().nullable(),
    concept: z.string().nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    endReason: z.enum(['learner', 'idle']).nullable(),
    summary: z.object({
      seconds: z.number().int(),
      answers: z.number().int(),
      correct: z.number().int(),
      accuracy: z.number().nullable(),
      xp: z.number().int(),
      mastery: z.array(MasteryChange),
    }),
  })
  .openapi('LearningSession');

const AchievementUnlocked = z.object({ id: z.string(), title: z.string(), description: z.string() });

const AttemptResultSchema = z
  .object({
    attemptId: z.string(),
    correct: z.boolean(),
    feedback: z
      .array(z.string())
      .openapi({ description: 'The evaluator’s specific points on this answer, most important first' }),
    evaluation: EvaluationSchema.optional().openapi({
      description:
        'Code exercises: the hidden tests’ outcome, Exercism-style (status pass | fail | error, message, tests)',
    }),
    explanation: z.string(),
    answer: z.unknown().openapi({ description: 'The correct answer, revealed after the attempt' }),
    mastery: MasteryChange,
    xp: z.object({
      gained: z.number().int(),
      total: z.number().int(),
      today: z.number().int(),
      dailyGoal: z.number().int(),
      tier: z.string(),
    }),
    streak: z.object({ current: z.number().int(), longest: z.number().int(), atRisk: z.boolean() }),
    review: z.object({ rating: z.enum(['again', 'hard', 'good', 'easy']), due: z.string() }),
    achievements: z.array(AchievementUnlocked),
    unlockedConcepts: z.array(z.string()),
    quiz: z
      .object({
        id: z.string(),
        kind: z.string(),
        total: z.number().int(),
        answered: z.number().int(),
        correct: z.number().int(),
        completedAt: z.string().nullable(),
        perfect: z.boolean(),
        bonusXp: z.number().int(),
      })
      .passthrough()
      .optional()
      .openapi({ description: 'The quiz’s progress, when the answer was for one' }),
    replayed: z.boolean().openapi({ description: 'True when this attempt id was seen before: the first result' }),
  })
  .openapi('AttemptResult');

const startSessionRoute = createRoute({
  method: 'post',
  path: '/api/learning-sessions',
  tags: ['learning'],
  summary: 'Start a learning session (409 if one is already active)',
  middleware: [requireUser()] as const,
  request: {
    body: { required: true, ...jsonContent(z.object({ course: SlugSchema, concept: SlugSchema.optional() })) },
  },
  responses: {
    201: { description: 'The new session', ...jsonContent(SessionSchema) },
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});

const currentSessionRoute = createRoute({
  method: 'get',
  path: '/api/learning-sessions/current',
  tags: ['learning'],
  summary: 'The active learning session and its running summary, or null when none is active',
  middleware: [requireUser()] as const,
  responses: {
    // "None active" is an ordinary answer to this question, not a missing resource: a 404
    // here would be logged as an error by every browser that opens the practice screen.
    200: {
      description: 'The active session, or `session: null`',
      ...jsonContent(z.object({ session: SessionSchema.nullable() })),
    },
    ...errorResponses(401, 429),
  },
});

const endSessionRoute = createRoute({
  method: 'post',
  path: '/api/learning-sessions/current/end',
  tags: ['learning'],
  summary: 'End the active learning session and get its summary',
  middleware: [requireUser()] as const,
  responses: {
    200: { description: 'The ended session with its summary', ...jsonContent(SessionSchema) },
    ...errorResponses(401, 403, 404, 429),
  },
});

const nextItemRoute = createRoute({
  method: 'get',
  path: '/api/courses/{course}/next-item',
  tags: ['learning'],
  summary: 'The next practice item, aimed at 75% predicted success',
  middleware: [requireUser()] as const,
  request: {
    params: z.object({ course: SlugSchema }),
    query: z.object({
      concept: SlugSchema.optional().openapi({ description: 'Practise this concept; default: the learner’s frontier' }),
      mode: z.enum(['practice', 'diagnostic']).default('practice'),
      fresh: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true')
        .openapi({ description: 'Draw a new item even when one is in flight (skip it)' }),
    }),
  },
  responses: {
    200: {
      description: 'The item to answer next',
      ...jsonContent(
        z.object({
          item: PracticeItemSchema,
          predicted: z.number(),
          resumed: z.boolean().openapi({ description: 'The item served before and not answered yet (a refresh)' }),
          adapted: z
            .object({ reason: z.string(), workedExample: z.record(z.string(), z.unknown()) })
            .optional()
            .openapi({ description: 'After a run of misses: easier items and a worked example from the quiz master' }),
        }),
      ),
    },
    ...errorResponses(400, 401, 404, 409, 429),
  },
});

const submitAttemptRoute = createRoute({
  method: 'post',
  path: '/api/attempts',
  tags: ['learning'],
  summary: 'Submit an answer; the same attemptId again returns the first result and changes nothing',
  middleware: [requireUser()] as const,
  request: {
    body: {
      required: true,
      ...jsonContent(
        z.object({
          itemId: z.string().uuid(),
          attemptId: z
            .string()
            .min(8)
            .max(100)
            .regex(/^[\w-]+$/, 'Use letters, digits, "-" and "_" (a UUID is ideal).'),
          response: z
            .unknown()
            .refine((value) => value !== undefined, 'An answer is required.')
            .openapi({
              description:
                'The answer, shaped by the item type; a code exercise takes { code } (≤ 100 KB), run against its hidden tests',
            }),
          elapsedMs: z.number().int().min(0).max(3_600_000),
          hintsUsed: z.number().int().min(0).max(20).default(0),
          mode: z.enum(['practice', 'review']).default('practice'),
          quizId: z
            .string()
            .uuid()
            .optional()
            .openapi({ description: 'The quiz (POST /api/quizzes) this answer is for' }),
          groupId: z
            .string()
            .uuid()
            .optional()
            .openapi({ description: 'The study group whose shared practice this answer is for' }),
        }),
      ),
    },
  },
  responses: {
    200: { description: 'The graded attempt and what it changed', ...jsonContent(AttemptResultSchema) },
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});

const reviewsRoute = createRoute({
  method: 'get',
  path: '/api/reviews',
  tags: ['learning'],
  summary: 'Reviews due now (FSRS), with today’s counts',
  middleware: [requireUser()] as const,
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
  responses: {
    200: {
      description: 'The review queue',
      ...jsonContent(
        z.object({
          counts: z.object({
            dueNow: z.number().int(),
            dueToday: z.number().int(),
            reviewedToday: z.number().int(),
          }),
          reviews: z.array(z.object({ item: PracticeItemSchema, due: z.string() })),
          nextDue: z
            .string()
            .nullable()
            .openapi({ description: 'When the next card not yet due falls due; null when there is none' }),
        }),
      ),
    },
    ...errorResponses(400, 401, 429),
  },
});

const completeLessonRoute = createRoute({
  method: 'post',
  path: '/api/courses/{course}/lessons/{lesson}/complete',
  tags: ['learning'],
  summary: 'Mark a lesson completed (XP the first time only)',
  middleware: [requireUser()] as const,
  request: { params: z.object({ course: SlugSchema, lesson: SlugSchema }) },
  responses: {
    200: {
      description: 'Recorded',
      ...jsonContent(
        z.object({ firstTime: z.boolean(), xpGained: z.number().int(), achievements: z.array(AchievementUnlocked) }),
      ),
    },
    ...errorResponses(400, 401, 403, 404, 429),
  },
});

function learnerClock(c: Context<AppEnv>) {
  const { user } = signedIn(c.get('auth'));
  return { userId: user.id, timeZone: user.timeZone, dailyGoalXp: user.dailyGoalXp };
}

function feedLeaderboards(c: Context<AppEnv>, userId: string, xp: number, now: Date) {
  if (xp <= 0) return;
  // The ledger in Postgres is the truth; a missed Redis update is repaired by a rebuild.
  c.executionCtx.waitUntil(
    addToLeaderboards(c.var.redis, userId, xp, now).catch((err: unknown) =>
      c.var.log.warn('leaderboard update failed', { error: String(err) }),
    ),
  );
}

export function registerLearningRoutes(app: App): void {
  app.openapi(startSessionRoute, async (c) => {
    const { userId } = learnerClock(c);
    const session = await startSession(c.var.db, userId, c.req.valid('json'), new Date());
    tellAgent(c, userId, 'session started', (agent) =>
      agent.sessionActivity({
        userId,
        course: c.req.valid('json').course,
        sessionId: session.id,
        lastActivityAt: session.startedAt,
      }),
    );
    return c.json(session, 201);
  });

  app.openapi(currentSessionRoute, async (c) => {
    const session = await currentSession(c.var.db, learnerClock(c).userId, new Date());
    c.header('Cache-Control', 'no-store');
    return c.json({ session }, 200);
  });

  app.openapi(endSessionRoute, async (c) => {
    const { userId } = learnerClock(c);
    const ended = await endSession(c.var.db, userId, new Date());
    tellAgent(c, userId, 'session ended', (agent) => agent.sessionEnded(userId));
    return c.json(ended, 200);
  });

  app.openapi(nextItemRoute, async (c) => {
    const { course } = c.req.valid('param');
    const { concept, mode, fresh } = c.req.valid('query');
    const { userId } = learnerClock(c);
    c.header('Cache-Control', 'no-store');
    const plan = await nextItemPlan(c, userId, course);
    // A refresh (or a second tab) gets the item already in flight, not a new draw.
    const resume = plan.resume && !fresh && (!concept || plan.resume.item.concept === concept) ? plan.resume : null;
    if (resume) return c.json({ item: resume.item as PracticeItem, predicted: resume.predicted, resumed: true }, 200);
    const adaptation =
      plan.adaptation && mode === 'practice' && (!concept || concept === plan.adaptation.concept)
        ? plan.adaptation
        : null;
    const picked = await nextItem(c.var.db, userId, {
      course,
      concept: adaptation?.concept ?? concept,
      mode,
      ...(adaptation ? { target: adaptation.target, maxDifficulty: adaptation.maxDifficulty } : {}),
    });
    tellAgent(c, userId, 'item served', (agent) =>
      agent.itemServed(userId, {
        course,
        item: picked.item,
        predicted: picked.predicted,
        servedAt: new Date().toISOString(),
      }),
    );
    const adapted = adaptation ? { reason: adaptation.reason, workedExample: adaptation.workedExample } : undefined;
    return c.json({ ...picked, resumed: false, ...(adapted ? { adapted } : {}) }, 200);
  });

  app.openapi(submitAttemptRoute, async (c) => {
    const learner = learnerClock(c);
    const now = new Date();
    const request = c.req.valid('json');
    // Checked before anything is stored: an answer for someone else's group is refused whole.
    if (request.groupId && !(await groupForMember(c.var.db, request.groupId, learner.userId))) {
      throw new ApiError('not_found', 'No such study group.');
    }
    const result = await submitAttempt(c.var, learner, request, now);
    if (!result.replayed) {
      feedLeaderboards(c, learner.userId, result.xp.gained, now);
      tellAgent(c, learner.userId, 'attempt recorded', (agent) =>
        agent.attemptRecorded({
          userId: learner.userId,
          itemId: request.itemId,
          timeZone: learner.timeZone,
          at: now.toISOString(),
          result,
        }),
      );
      const groupId = request.groupId;
      if (groupId) {
        c.executionCtx.waitUntil(
          c.env.STUDY_GROUP.get(c.env.STUDY_GROUP.idFromName(groupId))
            .memberAnswered({ userId: learner.userId, itemId: request.itemId, correct: result.correct })
            .catch((error: unknown) => c.var.log.warn('study group progress not sent', { error: String(error) })),
        );
      }
    }
    return c.json(result, 200);
  });

  app.openapi(reviewsRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await reviewQueue(c.var.db, learnerClock(c), new Date(), c.req.valid('query').limit), 200);
  });

  app.openapi(completeLessonRoute, async (c) => {
    const learner = learnerClock(c);
    const { course, lesson } = c.req.valid('param');
    const now = new Date();
    const result = await completeLesson(c.var.db, learner, course, lesson, now);
    feedLeaderboards(c, learner.userId, result.xpGained, now);
    return c.json(result, 200);
  });
}
