import { describe, expect, it } from 'vitest';
import { hashSessionToken, isWellFormedToken, newSessionToken } from './session-token';

describe('session tokens', () => {
  it('are 256 random bits in base64url, different every time', () => {
    const a = newSessionToken();
    const b = newSessionToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(isWellFormedToken(a)).toBe(true);
    expect(isWellFormedToken('short')).toBe(false);
    expect(isWellFormedToken(`${a}=`)).toBe(false);
  });

  it('are stored as their SHA-256', async () => {
    expect(await hashSessionToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
