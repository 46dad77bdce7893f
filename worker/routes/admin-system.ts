/**
 * `GET /api/admin/system` (admins): readiness per dependency and the last hour of
 * requests, 5xx errors, 429s and p95 latency, with one point per minute for a chart.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { systemHealth } from '../admin/system';
import type { App } from '../api/app';
import { errorResponses, jsonContent } from '../api/schemas';
import { requireRole, requireUser } from '../middleware/require-user';

const Dependency = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number(),
  error: z.string().optional(),
});

const MinutePoint = z.object({
  at: z.string().openapi({ description: 'Start of the minute (ISO 8601)' }),
  requests: z.number().int(),
  errors: z.number().int().openapi({ description: 'Answers with a 5xx status' }),
  rateLimited: z.number().int().openapi({ description: 'Answers with 429' }),
  p95Ms: z.number().nullable(),
});

const SystemHealth = z
  .object({
    checkedAt: z.string(),
    ready: z.boolean(),
    down: z.array(z.string()),
    checks: z.object({ postgres: Dependency, redis: Dependency }),
    activeUsers: z.number().int().nullable().openapi({ description: 'Null when Redis is unreachable' }),
    traffic: z
      .object({
        minutes: z.number().int(),
        from: z.string(),
        to: z.string(),
        requests: z.number().int(),
        errors: z.number().int(),
        errorRate: z.number().nullable().openapi({ description: '5xx share of requests (0–1); null without requests' }),
        rateLimited: z.number().int(),
        requestsPerMinute: z.number(),
        p95Ms: z.number().nullable().openapi({ description: 'Estimated from the duration histogram' }),
        averageMs: z.number().nullable(),
        series: z.array(MinutePoint),
      })
      .nullable()
      .openapi({ description: 'The last hour from the per-minute metrics; null when Redis is unreachable' }),
  })
  .openapi('SystemHealth');

export type SystemHealthResponse = z.infer<typeof SystemHealth>;

const systemRoute = createRoute({
  method: 'get',
  path: '/api/admin/system',
  tags: ['admin'],
  summary: 'System health: readiness per dependency and the last hour’s traffic, errors and latency',
  middleware: [requireUser(), requireRole('admin')] as const,
  responses: {
    200: { description: 'Health and traffic', ...jsonContent(SystemHealth) },
    ...errorResponses(401, 403, 429),
  },
});

export function registerAdminSystemRoute(app: App): void {
  app.openapi(systemRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await systemHealth(c.var, new Date()), 200);
  });
}
