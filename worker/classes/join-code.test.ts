import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, newJoinCode, normalizeJoinCode } from './join-code';

describe('join codes', () => {
  it('are 8 symbols from an alphabet without look-alikes', () => {
    for (let i = 0; i < 200; i++) expect(newJoinCode()).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('skip bytes that would bias the symbols', () => {
    const bytes = [255, 248, 0, 1, 2, 3, 4, 5, 6, 7, 30, 31];
    const code = newJoinCode((buffer) => {
      buffer.set(bytes.slice(0, buffer.length));
      return buffer;
    });
    expect(code).toBe('ABCDEFGH');
  });

  it('forgive case, spaces and dashes as typed', () => {
    expect(normalizeJoinCode(' abcd-efgh ')).toBe('ABCDEFGH');
  });
});
