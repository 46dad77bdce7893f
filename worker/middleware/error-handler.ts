/**
 * The one place errors become responses. Our ApiErrors keep their code and message;
 * Hono's HTTPExceptions keep their status; anything else is a bug: logged with its stack,
 * answered 500 with the request id and nothing about the internals.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, codeForStatus, errorBody, errorStatus } from '../errors';
import type { AppEnv } from '../env';
import { errorFields } from '../log';

function requestIdOf(c: Context<AppEnv>): string {
  return c.var.requestId ?? 'unknown';
}

export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  const requestId = requestIdOf(c);
  if (err instanceof ApiError) {
    if (err.code === 'internal_error') c.var.log?.error('request failed', errorFields(err.cause ?? err));
    return c.json(errorBody(err.code, err.message, requestId, err.details), errorStatus[err.code], err.headers);
  }
  if (err instanceof HTTPException) {
    const code = codeForStatus(err.status);
    const message = err.status >= 500 ? 'Internal server error.' : err.message || 'Request could not be processed.';
    return c.json(errorBody(code, message, requestId), errorStatus[code]);
  }
  if (c.var.log) c.var.log.error('unhandled error', errorFields(err));
  else console.error(JSON.stringify({ level: 'error', msg: 'unhandled error', requestId, ...errorFields(err) }));
  return c.json(errorBody('internal_error', 'Internal server error.', requestId), 500);
};

export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`, requestIdOf(c)), 404);
