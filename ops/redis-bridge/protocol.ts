/**
 * The Upstash REST wire format: turning request bodies and URL paths into command arrays,
 * and command results into the JSON Upstash answers with (optionally base64-encoded, which
 * is what @upstash/redis asks for by default via `Upstash-Encoding: base64`).
 */
import { HttpError } from './errors.ts';
import type { CommandResult, Reply } from './reply.ts';

/**
 * Commands that need a connection of their own (transactions, blocking, pub/sub, SELECT).
 * Over a stateless REST bridge sharing one connection they would block or corrupt other
 * requests, so they are refused up front, as Upstash does for most of them.
 */
const REFUSED = new Set(
  [
    'multi exec discard watch unwatch select swapdb quit reset hello auth client monitor sync psync shutdown',
    'subscribe psubscribe ssubscribe unsubscribe punsubscribe sunsubscribe',
    'blpop brpop brpoplpush blmove blmpop bzpopmin bzpopmax bzmpop wait waitaof',
  ]
    .join(' ')
    .split(' '),
);

const EXAMPLE = 'expected a JSON array like ["SET","key","value"]';

export function parseJson(body: string): unknown {
  if (body.trim() === '') throw new HttpError(400, `ERR empty request body; ${EXAMPLE}`);
  try {
    return JSON.parse(body);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new HttpError(400, `ERR request body is not valid JSON (${detail}); ${EXAMPLE}`);
  }
}

/** Validates one command array; `where` names it in messages ("command 3 of the pipeline"). */
export function toCommand(value: unknown, where = 'command'): string[] {
  if (!Array.isArray(value)) throw new HttpError(400, `ERR ${where} is not an array; ${EXAMPLE}`);
  if (value.length === 0) throw new HttpError(400, `ERR ${where} is empty; ${EXAMPLE}`);
  const command = value.map((arg: unknown, i: number): string => {
    if (typeof arg === 'string') return arg;
    if (typeof arg === 'number' && Number.isFinite(arg)) return String(arg);
    if (typeof arg === 'boolean') return String(arg);
    throw new HttpError(400, `ERR ${where}: argument ${i} must be a string, number or boolean`);
  });
  const name = command[0] ?? '';
  if (name === '') throw new HttpError(400, `ERR ${where}: the command name is empty`);
  if (REFUSED.has(name.toLowerCase())) {
    throw new HttpError(400, `ERR command '${name}' is not supported over the REST API`);
  }
  return command;
}

/** A pipeline or multi-exec body: an array of command arrays. */
export function toCommands(value: unknown, kind: 'pipeline' | 'multi-exec'): string[][] {
  if (!Array.isArray(value)) throw new HttpError(400, `ERR ${kind} body must be an array of commands`);
  if (value.length === 0) throw new HttpError(400, `ERR ${kind} body contains no commands`);
  return value.map((item: unknown, i: number) => toCommand(item, `command ${i + 1} of the ${kind}`));
}

/**
 * Path form (`GET /get/key`, `POST /set/key/value`): URL-decoded segments, plus the raw
 * body, if any, as the last argument. Returns null when the first segment is not a command,
 * so the server can answer 404 for unrelated paths.
 */
export function commandFromPath(pathname: string, body: string, isCommand: (name: string) => boolean): string[] | null {
  const segments = pathname.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  const [first] = segments;
  if (first === undefined || !isCommand(first.toLowerCase())) return null;
  let decoded: string[];
  try {
    decoded = segments.map((segment) => decodeURIComponent(segment));
  } catch {
    throw new HttpError(400, 'ERR the URL path is not valid percent-encoding');
  }
  return toCommand(body === '' ? decoded : [...decoded, body]);
}

function encodeReply(reply: Reply, base64: boolean): Reply {
  if (typeof reply === 'string') return base64 ? Buffer.from(reply, 'utf8').toString('base64') : reply;
  if (Array.isArray(reply)) return reply.map((item) => encodeReply(item, base64));
  return reply;
}

/** Error strings are never encoded: the client only decodes `result`. */
export function encodeResult(result: CommandResult, base64: boolean): CommandResult {
  return 'error' in result ? { error: result.error } : { result: encodeReply(result.result, base64) };
}
