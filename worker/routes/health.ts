/**
 * Health probes. `/api/health` is liveness: no I/O, so it stays fast and green while a
 * dependency is down. `/api/health/ready` checks Postgres and Redis with short deadlines
 * and answers 503 naming what failed, so a deploy's smoke test or a load balancer can act.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { App } from '../api/app';
import { errorResponses } from '../api/schemas';
import { ApiError } from '../errors';
import { checkDependency, summarize } from '../health/check';

const CHECK_TIMEOUT_MS = 2000;

const LivenessSchema = z
  .object({ status: z.literal('ok'), service: z.string(), environment: z.string(), time: z.string() })
  .openapi('Liveness');

const DependencySchema = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number(),
  error: z.string().optional(),
});

const ReadinessSchema = z
  .object({
    status: z.literal('ready'),
    checks: z.object({ postgres: DependencySchema, redis: DependencySchema }),
  })
  .openapi('Readiness');

export type LivenessResponse = z.infer<typeof LivenessSchema>;
export type ReadinessResponse = z.infer<typeof ReadinessSchema>;

const liveness = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['health'],
  summary: 'Liveness: the Worker is serving (no dependency checks)',
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: LivenessSchema } } } },
});

const readiness = createRoute({
  method: 'get',
  path: '/api/health/ready',
  tags: ['health'],
  summary: 'Readiness: Postgres and Redis answer within their deadlines',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: ReadinessSchema } } },
    ...errorResponses(503),
  },
});

/** Liveness: registered ahead of the per-request services (see worker/index.ts). */
export function registerLivenessRoute(app: App): void {
  app.openapi(liveness, (c) =>
    c.json(
      { status: 'ok' as const, service: 'jeseci-api', environment: c.env.ENVIRONMENT, time: new Date().toISOString() },
      200,
    ),
  );
}

export function registerReadinessRoute(app: App): void {
  app.openapi(readiness, async (c) => {
    c.header('Cache-Control', 'no-store');
    const [postgres, redis] = await Promise.all([
      checkDependency(() => c.var.db.execute(sql`select 1`), CHECK_TIMEOUT_MS),
      checkDependency(() => c.var.redis.raw.ping(), CHECK_TIMEOUT_MS),
    ]);
    const checks = { postgres, redis };
    const { ready, down } = summarize(checks);
    if (!ready) {
      c.var.log.warn('not ready', { down });
      throw new ApiError(
        'not_ready',
        `Not ready: ${down.join(' and ')} ${down.length > 1 ? 'are' : 'is'} unavailable.`,
        {
          details: { checks },
        },
      );
    }
    return c.json({ status: 'ready' as const, checks }, 200);
  });
}
