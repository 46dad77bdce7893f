/** zod schemas shared by many routes: the error body, described once for the OpenAPI document. */
import { z } from '@hono/zod-openapi';
import { IdSchema } from '../curriculum/pack-schema';
import { errorStatus, type ErrorCode } from '../errors';

const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes).openapi({ example: 'not_found' }),
      message: z.string().openapi({ example: 'No route for GET /api/nope.' }),
      requestId: z.string().openapi({ example: '9b2f1c1e-7d3a-4c55-8f0e-1f8d1b0b2a61' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('ErrorBody');

/** The error responses every route can give, for the OpenAPI document. */
export function errorResponses<const S extends readonly (400 | 401 | 403 | 404 | 409 | 429 | 500 | 503)[]>(
  ...statuses: S
) {
  const descriptions: Record<number, string> = {
    400: 'Invalid request',
    401: 'Not signed in',
    403: 'Not allowed',
    404: 'Not found',
    409: 'Conflict',
    429: 'Rate limit exceeded (see Retry-After)',
    500: 'Internal error',
    503: 'Unavailable',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: descriptions[status] ?? 'Error', content: { 'application/json': { schema: ErrorBodySchema } } },
    ]),
  ) as {
    [K in S[number]]: { description: string; content: { 'application/json': { schema: typeof ErrorBodySchema } } };
  };
}

/** A course, concept or lesson slug in a path or body: the pack format's id rule. */
export const SlugSchema = z.string().pipe(IdSchema);

/** A JSON body or response in a route definition. */
export const jsonContent = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

/** An item as a learner sees it (never its answer): practice, reviews and quizzes share it. */
export const PracticeItemSchema = z
  .object({
    id: z.string().uuid(),
    slug: z.string(),
    course: z.string(),
    concept: z.string(),
    type: z.string(),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    prompt: z.string(),
    hints: z.array(z.string()),
    content: z.record(z.string(), z.unknown()),
  })
  .openapi('PracticeItem');
