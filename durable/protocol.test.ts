import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, parseClientMessage } from './protocol';

describe('parseClientMessage', () => {
  it('accepts a well-formed message', () => {
    expect(parseClientMessage('{"type":"ping","id":"a1"}')).toEqual({ ok: true, message: { type: 'ping', id: 'a1' } });
  });

  it.each([
    ['not JSON', '{"type":', 'bad_message'],
    ['an unknown type', '{"type":"rm -rf"}', 'bad_message'],
    ['a field of the wrong type', '{"type":"ping","id":42}', 'bad_message'],
    ['a binary frame', new Uint8Array([1, 2, 3]).buffer, 'bad_message'],
    ['an oversized frame', JSON.stringify({ type: 'ping', id: 'x'.repeat(MAX_MESSAGE_BYTES) }), 'too_large'],
  ])('rejects %s with an error message instead of throwing', (_label, frame, code) => {
    const result = parseClientMessage(frame);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.type).toBe('error');
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(0);
    }
  });
});
