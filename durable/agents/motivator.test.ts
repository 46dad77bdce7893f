import { describe, expect, it } from 'vitest';
import { attempts, buildSnapshot, NOW } from './fixtures';
import {
  atLocalHour,
  celebrate,
  MESSAGES,
  motivationContext,
  motivationFacts,
  nextStreakReminderAt,
  pickMessage,
  reviewNudgeAt,
  type MotivationContext,
} from './motivator';
import type { LearnerSnapshot } from './snapshot';

const session = { id: 's-1', startedAt: '2026-03-11T14:30:00.000Z', answers: 6, correct: 3, xp: 30 };
const calm = { current: 0, longest: 9, atRisk: false, freezeAvailable: true };

describe('motivationContext', () => {
  it('is returning after 3 or more local days away', () => {
    expect(motivationContext(buildSnapshot({ lastActiveAt: '2026-03-08T10:00:00.000Z' }))).toBe('returning');
    expect(motivationContext(buildSnapshot({ lastActiveAt: '2026-03-09T10:00:00.000Z' }))).not.toBe('returning');
    expect(motivationContext(buildSnapshot({ lastActiveAt: null }))).not.toBe('returning');
  });

  it("counts days away in the learner's time zone, not UTC", () => {
    // 23:30 UTC on the 8th is already 00:30 on the 9th in Berlin: two local days ago.
    expect(motivationContext(buildSnapshot({ lastActiveAt: '2026-03-08T23:30:00.000Z' }))).not.toBe('returning');
    // Now is already 00:00 on the 12th in Tokyo, so 19:00 on the 9th there is three local days ago.
    const tokyo = buildSnapshot({ timeZone: 'Asia/Tokyo', lastActiveAt: '2026-03-09T10:00:00.000Z' });
    expect(motivationContext(tokyo)).toBe('returning');
  });

  it('is struggling after three misses in a row on a concept, or under 50% over six answers', () => {
    const misses = attempts([
      ['edges', false],
      ['edges', false],
      ['edges', false],
      ['edges', true],
    ]);
    expect(motivationContext(buildSnapshot({ session, recentAttempts: misses }))).toBe('struggling');
    const patchy = attempts([false, true, false, false, true, false].map((c) => ['edges', c] as const));
    expect(motivationContext(buildSnapshot({ session, recentAttempts: patchy }))).toBe('struggling');
  });

  it('ignores old attempts outside the current session', () => {
    const yesterday = attempts(
      [
        ['edges', false],
        ['edges', false],
        ['edges', false],
      ],
      '2026-03-11T09:00:00.000Z',
    );
    expect(motivationContext(buildSnapshot({ recentAttempts: yesterday }))).toBe('streak-at-risk');
  });

  it('is on a roll after five right in a row', () => {
    const hits = attempts([true, true, true, true, true, false].map((c) => ['edges', c] as const));
    expect(motivationContext(buildSnapshot({ session, recentAttempts: hits }))).toBe('on-a-roll');
  });

  it('knows a met goal, a streak at risk, and otherwise stays neutral', () => {
    const met = buildSnapshot({ xp: { total: 500, today: 55, dailyGoal: 50, tier: 'Gold' }, streak: calm });
    expect(motivationContext(met)).toBe('goal-met');
    expect(motivationContext(buildSnapshot())).toBe('streak-at-risk');
    expect(motivationContext(buildSnapshot({ streak: calm }))).toBe('neutral');
  });
});

describe('motivationFacts', () => {
  it('gathers the numbers the messages quote', () => {
    const snapshot = buildSnapshot({
      session,
      recentAttempts: attempts([
        ['walkers', false],
        ['walkers', false],
        ['edges', true],
      ]),
      lastActiveAt: '2026-03-07T10:00:00.000Z',
      reviews: { dueNow: 2, dueToday: 3 },
    });
    expect(motivationFacts(snapshot)).toEqual({
      name: 'Ana',
      streak: 4,
      longest: 9,
      xpTotal: 420,
      xpToday: 10,
      dailyGoal: 50,
      xpToGoal: 40,
      daysAway: 4,
      hitsInARow: 0,
      missesInARow: 2,
      concept: 'Walkers',
      conceptCorrect: 0,
      conceptAnswers: 0,
      dueNow: 2,
      mastered: 1,
      concepts: 5,
      nextConcept: 'Edges',
    });
  });
});

describe('pickMessage', () => {
  const snapshots: Record<MotivationContext, LearnerSnapshot> = {
    struggling: buildSnapshot({
      session,
      recentAttempts: attempts([
        ['edges', false],
        ['edges', false],
        ['edges', false],
      ]),
    }),
    'on-a-roll': buildSnapshot({ session, recentAttempts: attempts(Array(5).fill(['edges', true])) }),
    returning: buildSnapshot({ lastActiveAt: '2026-03-06T10:00:00.000Z', reviews: { dueNow: 4, dueToday: 6 } }),
    'streak-at-risk': buildSnapshot(),
    'goal-met': buildSnapshot({ xp: { total: 500, today: 55, dailyGoal: 50, tier: 'Gold' } }),
    neutral: buildSnapshot({ streak: calm }),
  };

  it('interpolates real numbers', () => {
    expect(pickMessage('streak-at-risk', snapshots['streak-at-risk'], []).text).toBe(
      'Your 4-day streak needs 40 more XP today.',
    );
    expect(pickMessage('returning', snapshots.returning, []).text).toBe(
      'Welcome back, Ana! It has been 5 days. 4 reviews are waiting: a quick round brings it all back.',
    );
    expect(pickMessage('struggling', snapshots.struggling, []).text).toContain('3 misses in a row on Edges');
    expect(pickMessage('on-a-roll', snapshots['on-a-roll'], []).text).toBe('5 right in a row! Edges is clicking.');
    expect(pickMessage('goal-met', snapshots['goal-met'], []).text).toBe(
      'Daily goal met: 55 of 50 XP. Anything more is a bonus.',
    );
  });

  it('renders every message of every context without gaps', () => {
    for (const [context, snapshot] of Object.entries(snapshots) as [MotivationContext, LearnerSnapshot][]) {
      for (const message of MESSAGES[context]) {
        const text = message.text(motivationFacts(snapshot));
        expect(text, message.id).not.toMatch(/undefined|null|NaN|\$\{/);
      }
      expect(new Set(MESSAGES[context].map((m) => m.id)).size).toBeGreaterThanOrEqual(3);
    }
  });

  it('never sends the same message twice in a row, cycles through the bank, and is deterministic', () => {
    for (const [context, snapshot] of Object.entries(snapshots) as [MotivationContext, LearnerSnapshot][]) {
      const sent: string[] = [];
      for (let i = 0; i < 7; i++) {
        const reply = pickMessage(context, snapshot, sent);
        expect(reply.messageId).not.toBe(sent.at(-1));
        expect(pickMessage(context, snapshot, sent)).toEqual(reply);
        sent.push(reply.messageId ?? '');
      }
      expect(new Set(sent)).toEqual(new Set(MESSAGES[context].map((m) => m.id)));
    }
  });

  it('prefers a message not sent recently, else the one sent longest ago', () => {
    const [a, b, c] = MESSAGES.neutral.map((m) => m.id);
    expect(pickMessage('neutral', snapshots.neutral, [a ?? '', b ?? '']).messageId).toBe(c);
    expect(pickMessage('neutral', snapshots.neutral, [b ?? '', c ?? '', a ?? '']).messageId).toBe(b);
  });

  it('offers an action that fits the situation', () => {
    expect(pickMessage('returning', snapshots.returning, []).action).toEqual({
      kind: 'review',
      course: 'osp-with-jac',
    });
    expect(pickMessage('streak-at-risk', snapshots['streak-at-risk'], []).action).toMatchObject({
      kind: 'practice',
      concept: 'edges',
    });
    expect(pickMessage('struggling', snapshots.struggling, []).action).toEqual({ kind: 'break', minutes: 5 });
    expect(pickMessage('goal-met', snapshots['goal-met'], []).action).toBeUndefined();
    expect(pickMessage('struggling', snapshots.struggling, []).links[0]).toMatchObject({
      kind: 'concept',
      slug: 'edges',
    });
  });
});

describe('celebrate', () => {
  it('celebrates each kind of event with a stable id', () => {
    expect(
      celebrate({ kind: 'achievement-unlocked', id: 'on-fire', title: 'On Fire', description: 'A 7-day streak.' }),
    ).toMatchObject({
      text: 'Achievement unlocked: On Fire! A 7-day streak.',
      messageId: 'celebrate:achievement:on-fire',
    });
    const unlocked = celebrate({
      kind: 'concept-unlocked',
      course: 'osp-with-jac',
      concept: { slug: 'walkers', title: 'Walkers' },
      lesson: { slug: 'first-walker', title: 'Your first walker' },
    });
    expect(unlocked?.text).toBe('New concept unlocked: Walkers. Start with the lesson "Your first walker".');
    expect(unlocked?.action).toEqual({ kind: 'lesson', course: 'osp-with-jac', lesson: 'first-walker' });
    const mastered = celebrate({
      kind: 'concept-mastered',
      course: 'osp-with-jac',
      concept: { slug: 'edges', title: 'Edges' },
    });
    expect(mastered?.text).toContain('You mastered Edges!');
    expect(mastered?.links).toEqual([{ kind: 'concept', course: 'osp-with-jac', slug: 'edges', title: 'Edges' }]);
    expect(celebrate({ kind: 'daily-goal-met', xp: 60, goal: 50, streak: 5 })?.text).toBe(
      'Daily goal met: 60 of 50 XP. That makes 5 days in a row.',
    );
  });

  it('celebrates streak milestones only, naming the next one', () => {
    expect(celebrate({ kind: 'streak-milestone', days: 7 })?.text).toBe(
      '7-day streak! A full week without a gap. Next milestone: 14 days.',
    );
    expect(celebrate({ kind: 'streak-milestone', days: 100 })?.text).not.toContain('Next milestone');
    for (const days of [3, 14, 30, 60]) expect(celebrate({ kind: 'streak-milestone', days })).not.toBeNull();
    for (const days of [1, 2, 5, 8, 99]) expect(celebrate({ kind: 'streak-milestone', days })).toBeNull();
  });
});

describe('nudge scheduling', () => {
  it('reminds at 19:00 local while the goal is not met and it is still before then', () => {
    expect(nextStreakReminderAt(buildSnapshot())).toBe('2026-03-11T18:00:00.000Z'); // 19:00 in Berlin (UTC+1)
    expect(nextStreakReminderAt(buildSnapshot({ timeZone: 'America/New_York' }))).toBe('2026-03-11T23:00:00.000Z');
    expect(nextStreakReminderAt(buildSnapshot({ now: '2026-03-11T18:30:00.000Z' }))).toBeNull();
    expect(
      nextStreakReminderAt(buildSnapshot({ xp: { total: 1, today: 50, dailyGoal: 50, tier: 'Bronze' } })),
    ).toBeNull();
  });

  it('finds 19:00 on a daylight-saving change day', () => {
    // Berlin moves to UTC+2 at 02:00 on 29 March 2026.
    expect(nextStreakReminderAt(buildSnapshot({ now: '2026-03-29T08:00:00.000Z' }))).toBe('2026-03-29T17:00:00.000Z');
    expect(new Date(atLocalHour(Date.parse('2026-10-25T12:00:00Z'), 'Europe/Berlin', 8)).toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
  });

  it('nudges for reviews at the due time, at once when already due, never at night', () => {
    const snapshot = buildSnapshot();
    expect(reviewNudgeAt(snapshot, null)).toBeNull();
    expect(reviewNudgeAt(snapshot, '2026-03-11T17:00:00.000Z')).toBe('2026-03-11T17:00:00.000Z');
    expect(reviewNudgeAt(snapshot, '2026-03-10T09:00:00.000Z')).toBe(NOW);
    expect(reviewNudgeAt(snapshot, '2026-03-11T22:30:00.000Z')).toBe('2026-03-12T07:00:00.000Z'); // 23:30 → 08:00 next day
    expect(reviewNudgeAt(snapshot, '2026-03-12T04:00:00.000Z')).toBe('2026-03-12T07:00:00.000Z'); // 05:00 → 08:00
    expect(reviewNudgeAt(snapshot, 'not a date')).toBeNull();
  });
});
