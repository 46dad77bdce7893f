import { describe, expect, it } from 'vitest';
import { buildSnapshot } from './agents/fixtures';
import { nudgeFor, reminderTimes } from './nudges';

describe('reminderTimes', () => {
  it('reminds at 19:00 local while a running streak still needs today’s goal, and cancels otherwise', () => {
    // NOW is 16:00 in Berlin (UTC+1): 19:00 there is 18:00 UTC.
    expect(reminderTimes(buildSnapshot())).toEqual({ 'streak-reminder': '2026-03-11T18:00:00.000Z' });
    expect(reminderTimes(buildSnapshot({ xp: { total: 500, today: 60, dailyGoal: 50, tier: 'Gold' } }))).toEqual({
      'streak-reminder': null,
    });
    expect(
      reminderTimes(buildSnapshot({ streak: { current: 0, longest: 3, atRisk: false, freezeAvailable: true } })),
    ).toEqual({ 'streak-reminder': null });
  });
});

describe('nudgeFor', () => {
  it('warns of a streak at risk with the XP still needed, never repeating the last message', () => {
    const snapshot = buildSnapshot();
    const first = nudgeFor('streak-reminder', snapshot, []);
    expect(first?.event).toEqual({ kind: 'streak-at-risk', streak: 4, xpToGoal: 40 });
    expect(first?.reply?.agent).toBe('motivator');
    const second = nudgeFor('streak-reminder', snapshot, [
      { role: 'agent', text: first?.reply?.text ?? '', messageId: first?.reply?.messageId, at: snapshot.now },
    ]);
    expect(second?.reply?.messageId).not.toBe(first?.reply?.messageId);
  });

  it('stays quiet when the reason went away before the alarm fired', () => {
    expect(
      nudgeFor('streak-reminder', buildSnapshot({ xp: { total: 500, today: 50, dailyGoal: 50, tier: 'Gold' } }), []),
    ).toBeNull();
    expect(nudgeFor('review-due', buildSnapshot(), [])).toBeNull();
  });

  it('points at the review queue when reviews are due', () => {
    const push = nudgeFor('review-due', buildSnapshot({ reviews: { dueNow: 3, dueToday: 5 } }), []);
    expect(push?.event).toEqual({ kind: 'review-due', course: 'osp-with-jac', count: 3 });
    expect(push?.reply?.text).toMatch(/^3 reviews are due/);
    expect(push?.reply?.action).toEqual({ kind: 'review', course: 'osp-with-jac' });
  });
});
