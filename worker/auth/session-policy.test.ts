import { describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_TIMEOUT_MS, SESSION_IDLE_TIMEOUT_MS, sessionVerdict, shouldTouch } from './session-policy';

const now = new Date('2026-11-26T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const ahead = (ms: number) => new Date(now.getTime() + ms);

describe('session policy', () => {
  it('keeps a recently used session inside its lifetime', () => {
    expect(sessionVerdict({ lastSeenAt: ago(60_000), expiresAt: ahead(1000) }, now)).toBe('active');
  });

  it('ends a session idle for longer than the inactivity timeout', () => {
    expect(sessionVerdict({ lastSeenAt: ago(SESSION_IDLE_TIMEOUT_MS + 1), expiresAt: ahead(1000) }, now)).toBe('idle');
    expect(sessionVerdict({ lastSeenAt: ago(SESSION_IDLE_TIMEOUT_MS - 1), expiresAt: ahead(1000) }, now)).toBe(
      'active',
    );
  });

  it('ends a session at its absolute lifetime however active it is', () => {
    expect(sessionVerdict({ lastSeenAt: now, expiresAt: now }, now)).toBe('expired');
    expect(SESSION_ABSOLUTE_TIMEOUT_MS).toBeGreaterThan(SESSION_IDLE_TIMEOUT_MS);
  });

  it('writes activity back only every few minutes', () => {
    expect(shouldTouch(ago(60_000), now)).toBe(false);
    expect(shouldTouch(ago(5 * 60_000), now)).toBe(true);
  });
});
