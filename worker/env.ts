/**
 * The Hono environment: bindings come from `wrangler types` (the global `Env`), per-request
 * services live on `c.var` and are built by the `init` middleware.
 */
import type { Database } from './db/client';
import type { ExerciseSandbox } from './evaluation/sandbox';
import type { AuthContext } from './middleware/require-user';
import type { Logger } from './log';
import type { RedisClient } from './redis/client';

export interface RequestServices {
  requestId: string;
  log: Logger;
  db: Database;
  redis: RedisClient;
  /** Runs code exercises' hidden tests (QuickJS in WebAssembly, a fresh runtime per run). */
  sandbox: ExerciseSandbox;
  /** `Date.now()` when the request arrived, for the access log's duration. */
  startedAt: number;
  /** The signed-in user, set by `requireUser()` on the routes that need one. */
  auth?: AuthContext;
}

export interface AppEnv {
  Bindings: Env;
  Variables: RequestServices;
}
