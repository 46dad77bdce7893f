/**
 * What is running: service name, release version and environment. Deploy smoke tests
 * compare `version` with the release they just shipped.
 */
import { createRoute, z } from '@hono/zod-openapi';
import pkg from '../../package.json';
import type { App } from '../api/app';
import { errorResponses } from '../api/schemas';

const VersionSchema = z
  .object({ service: z.string(), version: z.string(), environment: z.string() })
  .openapi('Version');

export type VersionResponse = z.infer<typeof VersionSchema>;

const version = createRoute({
  method: 'get',
  path: '/api/version',
  tags: ['meta'],
  summary: 'The running release',
  responses: {
    200: { description: 'Release information', content: { 'application/json': { schema: VersionSchema } } },
    ...errorResponses(429),
  },
});

export function registerMetaRoutes(app: App): void {
  app.openapi(version, (c) =>
    c.json({ service: 'jeseci-api', version: pkg.version, environment: c.env.ENVIRONMENT }, 200),
  );
}
