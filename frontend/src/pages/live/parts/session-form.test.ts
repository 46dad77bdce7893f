import { describe, expect, it } from 'vitest';
import { canHostHere, formatWhen, sessionFormErrors, type LiveSession } from './session-form';

describe('sessionFormErrors', () => {
  it('accepts the route’s limits', () => {
    expect(sessionFormErrors({ count: '1', seconds: '5', title: '' })).toEqual({});
    expect(sessionFormErrors({ count: '50', seconds: '120', title: 'x'.repeat(100) })).toEqual({});
  });

  it('refuses what the route would, on the same fields', () => {
    expect(sessionFormErrors({ count: '0', seconds: '4', title: 'x'.repeat(101) })).toEqual({
      count: 'Choose between 1 and 50 questions.',
      timeLimitSeconds: 'Allow between 5 and 120 seconds.',
      title: 'Titles are at most 100 characters.',
    });
    expect(Object.keys(sessionFormErrors({ count: '2.5', seconds: '', title: '' }))).toEqual([
      'count',
      'timeLimitSeconds',
    ]);
  });
});

describe('canHostHere and formatWhen', () => {
  const session = { id: 'r1', status: 'running' } as LiveSession;

  it('offers the host screen only for an open game whose key this tab holds', () => {
    expect(canHostHere(session, () => true)).toBe(true);
    expect(canHostHere(session, () => false)).toBe(false);
    expect(canHostHere({ ...session, status: 'ended' }, () => true)).toBe(false);
  });

  it('shows a dash for a time that has not happened', () => {
    expect(formatWhen(null)).toBe('—');
    expect(formatWhen('2026-03-01T09:00:00Z', 'en-GB')).toMatch(/2026/);
  });
});
