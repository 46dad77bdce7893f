/**
 * The typed Hono app every route group registers on. Request validation failures from
 * zod become our 400 `validation_failed` body with the issues as `details`.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import { ApiError } from '../errors';
import type { AppEnv } from '../env';

export type App = OpenAPIHono<AppEnv>;

/**
 * The 400 for zod issues, with each issue's path under `within` (e.g. "response" for a part
 * of the body only validated once the handler knows what it should be).
 */
export function validationFailed(issues: readonly z.core.$ZodIssue[], within: PropertyKey[] = []): ApiError {
  return new ApiError('validation_failed', 'The request is not valid.', {
    details: issues.map((issue) => ({
      path: [...within, ...issue.path].map(String).join('.'),
      message: issue.message,
      code: issue.code,
    })),
  });
}

export function createApp(): App {
  return new OpenAPIHono<AppEnv>({
    // `/api/health/` answers like `/api/health` (the operations spec's probes use the slash).
    strict: false,
    defaultHook: (result) => {
      if (!result.success) throw validationFailed(result.error.issues);
    },
  });
}
