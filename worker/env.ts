/**
 * The Hono environment: bindings come from `wrangler types` (the global `Env`), per-request
 * services live on `c.var` and are built by the `init` middleware.
 */
import type { Database } from './db/client';
import type { Logger } from './log';
import type { RedisClient } from './redis/client';

export interface RequestServices {
  requestId: string;
  log: Logger;
  db: Database;
  redis: RedisClient;
  /** `Date.now()` when the request arrived, for the access log's duration. */
  startedAt: number;
}

export interface AppEnv {
  Bindings: Env;
  Variables: RequestServices;
}
