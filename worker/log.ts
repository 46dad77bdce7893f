/**
 * Structured logging: one JSON object per line on the console, which Workers Logs and
 * `wrangler tail` index by field. Every line carries the request id it belongs to.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const sinks: Record<LogLevel, (line: string) => void> = {
  debug: (line) => console.debug(line),
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
  error: (line) => console.error(line),
};

export function createLogger(base: LogFields): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields) =>
    sinks[level](JSON.stringify({ level, msg, ...base, ...fields, time: new Date().toISOString() }));
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}

/**
 * Errors as loggable fields; stacks go to logs only, never to clients. The chain of causes
 * comes too: drizzle wraps the driver's error ("Failed query: …"), and the reason the
 * query failed is only in its `cause`.
 */
export function errorFields(err: unknown): LogFields {
  if (!(err instanceof Error)) return { error: String(err) };
  const causes: string[] = [];
  for (let cause = err.cause; cause !== undefined && causes.length < 5;) {
    causes.push(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause));
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return { error: err.message, errorName: err.name, ...(causes.length ? { causes } : {}), stack: err.stack };
}
