import { describe, expect, it } from 'vitest';
import { MARK_EVERY_MS, shouldMarkActive } from './active-users';

describe('shouldMarkActive', () => {
  it('marks a user once per minute per isolate, and each user on their own', () => {
    const t = 1_000_000;
    expect(shouldMarkActive('ada', t)).toBe(true);
    expect(shouldMarkActive('ada', t + 1_000)).toBe(false);
    expect(shouldMarkActive('bo', t + 1_000)).toBe(true);
    expect(shouldMarkActive('ada', t + MARK_EVERY_MS - 1)).toBe(false);
    expect(shouldMarkActive('ada', t + MARK_EVERY_MS)).toBe(true);
  });
});
