/**
 * Request metrics: after each response, its method, matched route pattern, status and
 * duration are added to the counters in Redis (see worker/metrics/), in one pipelined
 * round trip inside `waitUntil`, so the client never waits for it. Metrics are an aid:
 * a failure to record is logged and never fails or delays the request.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { AppEnv } from '../env';
import { errorFields } from '../log';
import type { RequestSample } from '../metrics/records';
import { recordRequest } from '../metrics/store';
import { UNMATCHED_ROUTE } from './access-log';

/**
 * The pattern of the route that matched, never the raw path (ids would make a series per
 * learner). When no handler matched, the last match is a middleware's wildcard (`*`,
 * `/api/*`): that request was not for any route, whatever status it got (404, or 429/413
 * from a middleware first).
 */
export function matchedRoute(c: Context): string {
  const pattern = routePath(c, -1);
  return !pattern || pattern.endsWith('*') ? UNMATCHED_ROUTE : pattern;
}

export function requestMetrics() {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const sample: RequestSample = {
      method: c.req.method,
      route: matchedRoute(c),
      path: c.req.path,
      status: c.res.status,
      durationMs: Date.now() - c.var.startedAt,
    };
    const failed = (error: unknown) => c.var.log.warn('request metrics not recorded', errorFields(error));
    try {
      c.executionCtx.waitUntil(recordRequest(c.var.redis, sample, new Date()).catch(failed));
    } catch (error) {
      failed(error);
    }
  });
}
