/**
 * Quizzes the quiz master plans: start one (diagnostic, formative or summative) and read
 * its progress. Answers go through POST /api/attempts with the quiz's id.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../api/app';
import { errorResponses, jsonContent, PracticeItemSchema, SlugSchema } from '../api/schemas';
import { requireUser, signedIn } from '../middleware/require-user';
import { createQuiz, quizView } from '../practice/quizzes';

const QuizKindSchema = z.enum(['diagnostic', 'formative', 'summative']).openapi({
  description:
    'diagnostic: placement, questions near 50% predicted success, mix .4/.4/.2 easy/medium/hard; formative: practice at 75%, .3/.5/.2; summative: confirms mastery, .2/.4/.4',
});

const QuizItemSchema = z.object({ item: PracticeItemSchema });

const QuizSchema = z
  .object({
    id: z.string().uuid(),
    kind: QuizKindSchema,
    course: z.string(),
    concept: z.string().nullable(),
    total: z.number().int(),
    answered: z.number().int(),
    correct: z.number().int(),
    completedAt: z.string().nullable(),
    perfect: z.boolean(),
    target: z.number().openapi({ description: 'The predicted success the questions were chosen around' }),
  })
  .openapi('Quiz');

const createQuizRoute = createRoute({
  method: 'post',
  path: '/api/quizzes',
  tags: ['learning'],
  summary: 'Start a quiz planned by the quiz master',
  middleware: [requireUser()] as const,
  request: {
    body: {
      required: true,
      ...jsonContent(
        z.object({
          course: SlugSchema,
          concept: SlugSchema.optional().openapi({ description: 'Default: the frontier (all unlocked for summative)' }),
          kind: QuizKindSchema,
          length: z.number().int().min(3).max(20).optional(),
        }),
      ),
    },
  },
  responses: {
    201: {
      description: 'The quiz and its questions, easy to hard',
      ...jsonContent(QuizSchema.extend({ items: z.array(QuizItemSchema.extend({ predicted: z.number() })) })),
    },
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});

const quizRoute = createRoute({
  method: 'get',
  path: '/api/quizzes/{id}',
  tags: ['learning'],
  summary: 'A quiz with its questions and which are answered',
  middleware: [requireUser()] as const,
  request: { params: z.object({ id: z.string().uuid() }) },
  responses: {
    200: {
      description: 'The quiz',
      ...jsonContent(
        QuizSchema.extend({
          items: z.array(QuizItemSchema.extend({ answered: z.boolean(), correct: z.boolean().nullable() })),
        }),
      ),
    },
    ...errorResponses(400, 401, 404, 429),
  },
});

export function registerQuizRoutes(app: App): void {
  app.openapi(createQuizRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    return c.json(await createQuiz(c.var.db, user.id, c.req.valid('json')), 201);
  });

  app.openapi(quizRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    c.header('Cache-Control', 'no-store');
    return c.json(await quizView(c.var.db, user.id, c.req.valid('param').id), 200);
  });
}
