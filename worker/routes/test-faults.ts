/**
 * Fault-injection routes for the integration suites: a validated echo (to see the 400
 * shape the app's shared validation hook gives) and a route that throws a bug (to see the
 * 500 shape carries no internals). They answer only when EXPOSE_TEST_ROUTES is "true",
 * which the test runtime alone sets, and are hidden from the OpenAPI document.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../api/app';

const EchoSchema = z.object({ name: z.string().min(1).max(40), count: z.number().int().min(0) });

const echo = createRoute({
  method: 'post',
  path: '/api/_test/echo',
  hide: true,
  request: { body: { content: { 'application/json': { schema: EchoSchema } }, required: true } },
  responses: { 200: { description: 'The body, validated', content: { 'application/json': { schema: EchoSchema } } } },
});

export function registerTestFaultRoutes(app: App): void {
  app.use('/api/_test/*', async (c, next) => {
    if (c.env.EXPOSE_TEST_ROUTES !== 'true') return c.notFound();
    return next();
  });
  app.openapi(echo, (c) => c.json(c.req.valid('json'), 200));
  app.get('/api/_test/bug', () => {
    throw new Error('database password is hunter2 (this must never reach a client)');
  });
}
