/**
 * What a command reply is on the wire, and the one place where client-library return values
 * are folded into that shape (both backends use it, so their output cannot drift apart).
 */

/** A RESP2 reply as Upstash renders it in JSON: integers, bulk/status strings, nil, arrays. */
export type Reply = string | number | null | Reply[];

/** One command's outcome; Redis error replies are data here, not exceptions. */
export type CommandResult = { result: Reply } | { error: string };

/**
 * Converts whatever a client library hands back into a Reply. ioredis turns HGETALL into an
 * object and ioredis-mock sometimes returns Buffers, Maps or booleans, so all of those fold
 * back into the shapes Redis itself would send.
 */
export function toReply(value: unknown): Reply {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : null;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  // An error nested in an array reply (e.g. inside EXEC or a script's table); JSON has no
  // error type there, so its text stands in.
  if (value instanceof Error) return value.message;
  if (Array.isArray(value)) return value.map((item: unknown) => toReply(item));
  if (value instanceof Map) {
    return [...value.entries()].flatMap(([k, v]: [unknown, unknown]) => [toReply(k), toReply(v)]);
  }
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]: [string, unknown]) => [k, toReply(v)]);
  }
  return String(value);
}
