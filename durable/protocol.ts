/**
 * The WebSocket wire protocol between the browser and the Durable Objects: discriminated
 * unions on `type`, validated on receive. Imported by the objects and by the frontend, so
 * it must not import anything Worker-only.
 */
import { z } from 'zod';

/** Frames larger than this are refused before parsing (a cheap guard against abuse). */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), id: z.string().max(64).optional() }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export type ServerMessage =
  | { type: 'welcome'; connections: number; serverTime: number }
  | { type: 'pong'; id?: string; serverTime: number }
  | { type: 'presence'; connections: number }
  | { type: 'error'; code: 'bad_message' | 'too_large'; message: string };

export type ParseResult =
  { ok: true; message: ClientMessage } | { ok: false; error: Extract<ServerMessage, { type: 'error' }> };

/** Parses one frame; never throws, so a bad frame cannot kill the object that got it. */
export function parseClientMessage(frame: string | ArrayBuffer): ParseResult {
  const size = typeof frame === 'string' ? new TextEncoder().encode(frame).byteLength : frame.byteLength;
  if (size > MAX_MESSAGE_BYTES) {
    return {
      ok: false,
      error: { type: 'error', code: 'too_large', message: `Messages are limited to ${MAX_MESSAGE_BYTES} bytes.` },
    };
  }
  if (typeof frame !== 'string') {
    return { ok: false, error: { type: 'error', code: 'bad_message', message: 'Send JSON text frames.' } };
  }
  let data: unknown;
  try {
    data = JSON.parse(frame);
  } catch {
    return { ok: false, error: { type: 'error', code: 'bad_message', message: 'The message is not valid JSON.' } };
  }
  const parsed = ClientMessageSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, error: { type: 'error', code: 'bad_message', message: 'Unknown or malformed message.' } };
  }
  return { ok: true, message: parsed.data };
}
