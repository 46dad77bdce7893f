/**
 * One structured log line and one Analytics Engine data point per request: the route
 * pattern (not the raw path, so ids do not explode cardinality), status and duration.
 */
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { AppEnv } from '../env';

export const UNMATCHED_ROUTE = 'unmatched';

export function accessLog() {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const route = c.res.status === 404 && routePath(c, -1).endsWith('*') ? UNMATCHED_ROUTE : routePath(c, -1);
    const durationMs = Date.now() - c.var.startedAt;
    const status = c.res.status;
    c.var.log.info('request', { method: c.req.method, route, path: c.req.path, status, durationMs });

    const cf = (c.req.raw as { cf?: { colo?: unknown; country?: unknown } }).cf;
    // writeDataPoint is fire-and-forget and never throws; locally Miniflare keeps it in memory.
    c.env.REQUEST_ANALYTICS?.writeDataPoint({
      indexes: [route],
      blobs: [
        c.req.method,
        route,
        String(status),
        String(cf?.colo ?? ''),
        String(cf?.country ?? ''),
        c.env.ENVIRONMENT,
      ],
      doubles: [durationMs, status],
    });
  });
}
