/**
 * The typed Hono app every route group registers on. Request validation failures from
 * zod become our 400 `validation_failed` body with the issues as `details`.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { ApiError } from '../errors';
import type { AppEnv } from '../env';

export type App = OpenAPIHono<AppEnv>;

export function createApp(): App {
  return new OpenAPIHono<AppEnv>({
    // `/api/health/` answers like `/api/health` (the operations spec's probes use the slash).
    strict: false,
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiError('validation_failed', 'The request is not valid.', {
          details: result.error.issues.map((issue) => ({
            path: issue.path.join('.'),
            message: issue.message,
            code: issue.code,
          })),
        });
      }
    },
  });
}
