import { describe, expect, it } from 'vitest';
import { attempts, buildSnapshot, conceptId, NOW } from './agents/fixtures';
import { isStruggling, needsSnapshot, pushesForAttempt, type AttemptEvent } from './attempt-pushes';

function event(overrides: Partial<AttemptEvent> = {}): AttemptEvent {
  return {
    userId: 'u-1',
    course: 'osp-with-jac',
    itemId: 'i-1',
    itemSlug: 'edges-item-0',
    conceptId: conceptId('edges'),
    conceptSlug: 'edges',
    difficulty: 'medium',
    correct: false,
    at: NOW,
    timeZone: 'Europe/Berlin',
    feedback: {
      itemSlug: 'edges-item-0',
      conceptId: conceptId('edges'),
      correct: false,
      points: ['You answered "<--"; the answer is "-->".'],
      explanation: 'An edge drawn with --> points from the left node to the right one.',
      at: NOW,
    },
    achievements: [],
    unlockedConcepts: [],
    masteredNow: false,
    streak: { current: 4, atRisk: true },
    xp: { gained: 0, today: 10, dailyGoal: 50 },
    reviewDue: null,
    ...overrides,
  };
}

const misses = (n: number) => Array.from({ length: n }, () => ({ conceptId: conceptId('edges'), correct: false }));

describe('isStruggling / needsSnapshot', () => {
  it('is struggling from the third miss in a row on the same concept', () => {
    expect(isStruggling(event(), misses(2))).toBe(false);
    expect(isStruggling(event(), misses(3))).toBe(true);
    // A right answer in between, or misses on another concept, do not count.
    expect(isStruggling(event(), [...misses(2), { conceptId: conceptId('edges'), correct: true }, ...misses(3)])).toBe(
      false,
    );
    expect(isStruggling(event(), [...misses(2), { conceptId: conceptId('nodes'), correct: false }])).toBe(false);
    expect(isStruggling(event({ correct: true }), misses(3))).toBe(false);
  });

  it('loads the learner only for what needs the course: unlocks, mastery, struggle', () => {
    expect(needsSnapshot(event(), misses(1))).toBe(false);
    expect(needsSnapshot(event({ achievements: [{ id: 'a', title: 'A', description: 'd' }] }), [])).toBe(false);
    expect(needsSnapshot(event({ unlockedConcepts: ['walkers'] }), [])).toBe(true);
    expect(needsSnapshot(event({ masteredNow: true }), [])).toBe(true);
    expect(needsSnapshot(event(), misses(3))).toBe(true);
  });
});

describe('pushesForAttempt', () => {
  it('celebrates achievements, the goal and unlocked concepts with the motivator, pointing at the first lesson', () => {
    const snapshot = buildSnapshot();
    const { pushes, adaptation } = pushesForAttempt(
      event({
        correct: true,
        achievements: [{ id: 'point-collector', title: 'Point Collector', description: 'Earn 100 XP.' }],
        unlockedConcepts: ['walkers'],
        xp: { gained: 15, today: 55, dailyGoal: 50 },
        streak: { current: 5, atRisk: false },
      }),
      snapshot,
    );
    expect(adaptation).toBeNull();
    expect(pushes.map((push) => push.event.kind)).toEqual(['achievement-unlocked', 'concept-unlocked', 'nudge']);
    expect(pushes.every((push) => push.reply?.agent === 'motivator' && push.at === NOW)).toBe(true);
    expect(pushes[0]?.reply?.text).toContain('Point Collector');
    expect(pushes[1]?.event).toEqual({ kind: 'concept-unlocked', course: 'osp-with-jac', concept: 'walkers' });
    expect(pushes[1]?.reply?.action).toMatchObject({ kind: 'lesson' });
    expect(pushes[2]?.reply?.text).toMatch(/55 of 50 XP/);
  });

  it('turns a streak milestone reached with the goal into the milestone message', () => {
    const { pushes } = pushesForAttempt(
      event({ correct: true, xp: { gained: 10, today: 50, dailyGoal: 50 }, streak: { current: 7, atRisk: false } }),
      null,
    );
    expect(pushes).toHaveLength(1);
    expect(pushes[0]?.reply?.text).toMatch(/^7-day streak!/);
  });

  it('steps practice down with a worked example after three misses in a row', () => {
    const snapshot = buildSnapshot({
      recentAttempts: attempts([
        ['edges', false, 'hard'],
        ['edges', false, 'medium'],
        ['edges', false, 'medium'],
      ]),
    });
    const { pushes, adaptation } = pushesForAttempt(event({ difficulty: 'hard' }), snapshot);
    expect(adaptation).toMatchObject({ concept: 'edges', maxDifficulty: 'medium', course: 'osp-with-jac' });
    expect(adaptation?.target).toBeGreaterThan(0.75);
    const worked = pushes.find((push) => push.event.kind === 'worked-example');
    expect(worked?.reply?.agent).toBe('quiz-master');
    expect(worked?.reply?.text).toContain('An edge drawn with -->');
    expect(worked?.reply?.links.some((link) => link.kind === 'lesson')).toBe(true);
  });

  it('says nothing when nothing changed', () => {
    expect(pushesForAttempt(event(), buildSnapshot()).pushes).toEqual([]);
  });
});
