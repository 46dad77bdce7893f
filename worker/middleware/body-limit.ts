/**
 * Refuses request bodies over a size before anything reads them, with the standard error
 * body (413 payload_too_large) instead of Hono's plain-text default.
 */
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors';

export function bodyLimit(maxBytes: number) {
  if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new Error('bodyLimit: maxBytes must be a positive integer');
  return honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError('payload_too_large', `Request bodies are limited to ${maxBytes} bytes.`, {
        details: { maxBytes },
      });
    },
  });
}
