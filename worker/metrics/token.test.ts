import { describe, expect, it } from 'vitest';
import { bearerToken, sameToken } from './token';

describe('sameToken', () => {
  it('accepts the exact token', async () => {
    await expect(sameToken('a-long-scrape-token-123', 'a-long-scrape-token-123')).resolves.toBe(true);
  });

  it('security: refuses a prefix, a longer string, a different case and the empty string', async () => {
    const expected = 'a-long-scrape-token-123';
    for (const guess of ['a-long-scrape-token-12', `${expected}4`, expected.toUpperCase(), '']) {
      await expect(sameToken(guess, expected)).resolves.toBe(false);
    }
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header, whatever the scheme’s case', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
  });

  it('ignores other schemes, missing tokens and tokens with spaces', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer ')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
  });
});
