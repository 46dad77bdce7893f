import { describe, expect, it } from 'vitest';
import { attempts, buildSnapshot, conceptId, dailyXp, NOW } from './fixtures';
import {
  consistency,
  halves,
  howAmIDoing,
  predictionCheck,
  trend,
  velocity,
  weakestConcepts,
  weeklySummary,
} from './progress-tracker';
import type { MasteryPoint } from './snapshot';

const daysAgo = (days: number): string => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
const point = (slug: string, pKnown: number, ago: number): MasteryPoint => ({
  conceptId: conceptId(slug),
  pKnown,
  at: daysAgo(ago),
});

describe('velocity', () => {
  const history = [
    point('nodes', 0.5, 10),
    point('nodes', 0.8, 8), // where Nodes stood when the week opened
    point('nodes', 0.9, 5),
    point('nodes', 0.97, 1),
    point('edges', 0.42, 3), // first practised this week: counted from P(L0) = 0.2
    point('edges', 0.6, 2),
    point('walkers', 0.3, 9), // nothing this week
  ];

  it('measures mastery gained per concept and overall per day over the window', () => {
    const result = velocity(history, NOW, 7);
    expect(result.byConcept).toEqual([
      { conceptId: 'c-edges', from: 0.2, to: 0.6, gained: 0.4, perDay: 0.057 },
      { conceptId: 'c-nodes', from: 0.8, to: 0.97, gained: 0.17, perDay: 0.024 },
    ]);
    expect(result.gained).toBe(0.57);
    expect(result.perDay).toBe(0.081);
  });

  it('honours the window length and ignores points after now', () => {
    expect(velocity(history, NOW, 2).byConcept.map((c) => c.conceptId)).toEqual(['c-nodes']);
    expect(velocity([...history, point('walkers', 0.9, -1)], NOW, 7).byConcept.map((c) => c.conceptId)).not.toContain(
      'c-walkers',
    );
    expect(velocity([], NOW)).toEqual({ days: 7, gained: 0, perDay: 0, byConcept: [] });
  });

  it('reports a loss as a negative gain', () => {
    const result = velocity([point('edges', 0.7, 9), point('edges', 0.5, 1)], NOW, 7);
    expect(result.byConcept[0]?.gained).toBe(-0.2);
  });
});

describe('trend', () => {
  it('needs a minimum sample', () => {
    expect(
      trend(
        attempts([
          ['edges', true],
          ['edges', false],
          ['edges', true],
        ]),
      ),
    ).toBe('not-enough-data');
  });

  it('compares the newer half with the older half (attempts are newest first)', () => {
    const improving = attempts([true, true, true, false, true, false, false, false].map((c) => ['edges', c] as const));
    expect(trend(improving)).toBe('improving'); // 75% now vs 25% before
    const declining = attempts([false, false, true, false, true, true, true, true].map((c) => ['edges', c] as const));
    expect(trend(declining)).toBe('declining');
    const steady = attempts([true, false, true, true, true, false, true, true].map((c) => ['edges', c] as const));
    expect(trend(steady)).toBe('steady');
  });

  it('halves reports the accuracy of each half, dropping the middle answer of an odd count', () => {
    expect(halves(attempts([true, true, false, false, false].map((c) => ['edges', c] as const)))).toEqual({
      answers: 5,
      newer: 1,
      older: 0,
    });
    expect(halves([])).toEqual({ answers: 0, newer: null, older: null });
  });

  it('looks only at the last 20 answers', () => {
    const old = Array.from({ length: 20 }, () => ['edges', false] as const);
    const recent = Array.from({ length: 20 }, () => ['edges', true] as const);
    expect(trend(attempts([...recent, ...old]))).toBe('steady');
  });
});

describe('consistency', () => {
  it('counts active and goal-met days over the last 14 and 28 days', () => {
    const xp = [...Array(14).fill(0), 60, 0, 20, 55, 0, 0, 80, 10, 0, 50, 0, 0, 5, 70];
    const result = consistency(dailyXp(xp), 50);
    expect(result.last14).toEqual({ days: 14, activeDays: 8, activeShare: 0.571, goalMetDays: 5, goalMetShare: 0.357 });
    expect(result.last28).toMatchObject({ days: 28, activeDays: 8, activeShare: 0.286, goalMetDays: 5 });
  });

  it('counts days before the history began as inactive', () => {
    expect(consistency(dailyXp([50, 50]), 50).last14).toMatchObject({ activeDays: 2, activeShare: 0.143 });
  });
});

describe('predictionCheck', () => {
  it('compares predicted with actual success and checks the 75% ± 5 target', () => {
    const answers = attempts(
      [true, true, true, false, true, true, true, false].map((c) => ['edges', c] as const),
      NOW,
      0.7,
    );
    const check = predictionCheck(answers);
    expect(check).toMatchObject({ answers: 8, accuracy: 0.75, meanPredicted: 0.7, gap: 0.05, withinTarget: true });
    const tooHard = predictionCheck(
      attempts(
        [
          ['edges', false],
          ['edges', false],
          ['edges', true],
        ],
        NOW,
        0.75,
      ),
    );
    expect(tooHard.withinTarget).toBe(false);
    expect(tooHard.gap).toBe(-0.417);
    expect(predictionCheck([])).toMatchObject({ answers: 0, gap: null, withinTarget: null });
  });
});

describe('weeklySummary', () => {
  it('sums the week: answers, accuracy, XP, active days, newly mastered concepts and streak', () => {
    const snapshot = buildSnapshot({
      recentAttempts: [
        ...attempts([
          ['edges', true],
          ['edges', true],
          ['edges', false],
        ]),
        ...attempts([['nodes', true]], daysAgo(8)), // older than a week
      ],
      dailyXp: dailyXp([100, 100, 0, 30, 0, 40, 20, 15, 10]),
      masteryHistory: [point('nodes', 0.9, 9), point('nodes', 0.96, 2), point('edges', 0.6, 1)],
    });
    const week = weeklySummary(snapshot);
    expect(week).toMatchObject({
      answers: 3,
      correct: 2,
      accuracy: 0.667,
      xp: 115,
      activeDays: 5,
      streak: 4,
      longestStreak: 9,
    });
    expect(week.conceptsMastered.map((c) => c.slug)).toEqual(['nodes']);
  });

  it('does not count a concept mastered before the week', () => {
    const snapshot = buildSnapshot({ masteryHistory: [point('nodes', 0.96, 10), point('nodes', 0.97, 2)] });
    expect(weeklySummary(snapshot).conceptsMastered).toEqual([]);
    expect(weeklySummary(snapshot)).toMatchObject({ answers: 0, accuracy: null, xp: 0 });
  });
});

describe('howAmIDoing', () => {
  it('answers with concrete numbers and links to the weakest concepts', () => {
    const snapshot = buildSnapshot({
      mastery: {
        nodes: { pKnown: 0.97, answers: 8, correct: 7 },
        edges: { pKnown: 0.6, answers: 5, correct: 3 },
        walkers: { pKnown: 0.35, answers: 4, correct: 1 },
      },
      recentAttempts: attempts([true, true, true, true, false, false, false, true].map((c) => ['edges', c] as const)),
      dailyXp: dailyXp([20, 0, 60, 50, 0, 30, 10]),
      masteryHistory: [point('edges', 0.3, 3), point('edges', 0.6, 1), point('nodes', 0.96, 2)],
    });
    const reply = howAmIDoing(snapshot);
    expect(reply.agent).toBe('progress-tracker');
    expect(reply.text).toContain('This week: 8 answers, 63% right, 170 XP on 5 of 7 days.');
    expect(reply.text).toContain('Mastered this week: Nodes.');
    expect(reply.text).toContain('Streak: 4 days (best 9). Today: 10 of 50 XP, 40 to go to keep the streak.');
    expect(reply.text).toContain('Object-Spatial Programming with Jac: 1 of 5 concepts mastered, 2 in progress.');
    expect(reply.text).toContain('Your recent answers are improving.');
    expect(reply.text).toContain('Most growth this week: Nodes');
    expect(reply.text).toContain(
      'To shore up: Walkers (Attempted, 1 of 4 answers right); Edges (Familiar, 3 of 5 answers right).',
    );
    expect(reply.links.map((link) => ('slug' in link ? link.slug : null))).toEqual(['walkers', 'edges']);
    expect(reply.action).toEqual({ kind: 'practice', course: 'osp-with-jac', concept: 'walkers', mode: 'practice' });
  });

  it('is honest about an empty week and a met goal', () => {
    const snapshot = buildSnapshot({ xp: { total: 420, today: 60, dailyGoal: 50, tier: 'Silver' } });
    const reply = howAmIDoing(snapshot);
    expect(reply.text).toContain('No answers yet this week');
    expect(reply.text).toContain("Today's goal of 50 XP is met.");
    expect(reply.text).not.toContain('recent answers');
  });

  it('weakestConcepts lists only concepts in progress, weakest first', () => {
    expect(weakestConcepts(buildSnapshot()).map((c) => c.slug)).toEqual(['edges']);
  });
});
