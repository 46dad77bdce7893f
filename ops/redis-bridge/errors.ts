/**
 * Error types shared by the bridge's layers. Each maps to one HTTP outcome, so the server
 * can turn any failure into the status code and `{"error"}` body Upstash would send.
 */

/** A Redis error reply (`ERR ...`, `WRONGTYPE ...`, `NOSCRIPT ...`): HTTP 400 for a single command. */
export class CommandError extends Error {
  override name = 'CommandError';
}

/** The backend cannot be reached (real Redis down, or simulated via setUnavailable): HTTP 503. */
export class UnavailableError extends Error {
  override name = 'UnavailableError';
}

/** A request the bridge refuses before any command runs (bad JSON, unknown path, too large). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const REDIS_ERROR_CODES = new Set(
  'ERR WRONGTYPE NOSCRIPT EXECABORT BUSY NOAUTH NOPERM READONLY OOM LOADING MISCONF BUSYKEY NOGROUP BUSYGROUP CROSSSLOT'.split(
    ' ',
  ),
);

/** Redis error replies start with a code like `ERR`; ioredis-mock often omits it, so add one. */
export function asRedisErrorMessage(message: string): string {
  const code = message.split(' ', 1)[0] ?? '';
  return REDIS_ERROR_CODES.has(code) ? message : `ERR ${message}`;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
