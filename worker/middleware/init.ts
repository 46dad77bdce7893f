/**
 * Builds the per-request services (request id, logger, Postgres, Redis, the code-exercise
 * sandbox) and puts them on `c.var`. Postgres is opened on first use, and closed in
 * `waitUntil` after the response.
 */
import { createMiddleware } from 'hono/factory';
import { openDatabaseOnFirstUse } from '../db/client';
import type { AppEnv } from '../env';
import { workerSandbox } from '../evaluation/worker-sandbox';
import { createLogger } from '../log';
import { getRedis } from '../redis/client';

/** Accept a caller's request id (e.g. from a load balancer) only if it looks like one. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function init() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const offered = c.req.header('x-request-id');
    const requestId = offered && REQUEST_ID.test(offered) ? offered : crypto.randomUUID();
    c.set('requestId', requestId);
    c.set('startedAt', Date.now());
    c.set('log', createLogger({ requestId }));
    c.set('redis', getRedis(c.env));
    c.set('sandbox', workerSandbox);
    const database = openDatabaseOnFirstUse(c.env);
    c.set('db', database.db);
    try {
      await next();
    } finally {
      c.header('X-Request-Id', requestId);
      c.executionCtx.waitUntil(database.close().catch(() => {}));
    }
  });
}
