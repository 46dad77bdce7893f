/**
 * `GET /api/metrics`: the Prometheus scrape (text exposition format 0.0.4), for the
 * operations spec's `jeseci-backend` job. It needs `Authorization: Bearer <METRICS_TOKEN>`
 * (compared in constant time); without the secret configured the endpoint is off and
 * answers 503, so a scraper pointed at a misconfigured deployment reports it down instead
 * of silently collecting nothing. It stays under the API's per-IP rate limit: a scraper
 * asks every 10–15 s, far inside 10 requests/s, and the limit keeps token guessing slow.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../api/app';
import { errorResponses } from '../api/schemas';
import { ApiError } from '../errors';
import { metricFamilies } from '../metrics/families';
import { EXPOSITION_CONTENT_TYPE, formatExposition } from '../metrics/prometheus';
import { readSnapshot } from '../metrics/snapshot';
import { bearerToken, MIN_TOKEN_LENGTH, sameToken } from '../metrics/token';

const SCHEME = 'metricsToken';

const metricsRoute = createRoute({
  method: 'get',
  path: '/api/metrics',
  tags: ['operations'],
  summary: 'Prometheus metrics: requests, latency histogram, platform counters and gauges',
  description:
    'Text exposition format 0.0.4. Needs `Authorization: Bearer <METRICS_TOKEN>`; answers 503 when no token is configured.',
  security: [{ [SCHEME]: [] }],
  responses: {
    200: {
      description: 'The scrape',
      content: { 'text/plain': { schema: z.string().openapi({ example: 'http_requests_total{…} 42' }) } },
    },
    ...errorResponses(401, 429, 503),
  },
});

export function registerMetricsRoutes(app: App): void {
  app.openAPIRegistry.registerComponent('securitySchemes', SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'The METRICS_TOKEN secret',
  });

  app.openapi(metricsRoute, async (c) => {
    // A binding that is not set is absent at run time, whatever the generated type says.
    const expected = (c.env.METRICS_TOKEN as string | undefined) ?? '';
    if (expected.length < MIN_TOKEN_LENGTH) {
      if (expected) c.var.log.error('METRICS_TOKEN is too short; metrics stay off', { minLength: MIN_TOKEN_LENGTH });
      throw new ApiError('service_unavailable', 'Metrics are turned off here: no usable METRICS_TOKEN is configured.');
    }
    const presented = bearerToken(c.req.header('authorization'));
    if (!presented || !(await sameToken(presented, expected))) {
      throw new ApiError('unauthorized', 'Scraping the metrics needs the metrics token (Authorization: Bearer …).', {
        headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' },
      });
    }
    const snapshot = await readSnapshot(c.var, new Date()).catch((error: unknown) => {
      c.var.log.error('metrics unreadable', { error: String(error) });
      throw new ApiError('service_unavailable', 'The metrics are kept in Redis, which cannot be reached.');
    });
    return c.text(formatExposition(metricFamilies(snapshot)), 200, {
      'Content-Type': EXPOSITION_CONTENT_TYPE,
      'Cache-Control': 'no-store',
    });
  });
}
