import { describe, expect, it } from 'vitest';
import {
  ACHIEVEMENT_IDS,
  type AchievementId,
  type AchievementStats,
  activityTimeBadges,
  evaluateAchievements,
} from './achievements';

const zero: AchievementStats = {
  lessonsCompleted: 0,
  longestStreak: 0,
  totalXp: 0,
  perfectQuizzes: 0,
  conceptsMastered: 0,
  codeExercisesPassed: 0,
  earlyBird: false,
  nightOwl: false,
};
const none = new Set<string>();

function progressOf(stats: Partial<AchievementStats>, id: AchievementId, unlocked: ReadonlySet<string> = none) {
  const found = evaluateAchievements({ ...zero, ...stats }, unlocked).progress.find((p) => p.id === id);
  if (!found) throw new Error(`no progress for ${id}`);
  return found;
}

describe('evaluateAchievements', () => {
  it('lists every achievement, none unlocked, for a new learner', () => {
    const { progress, newlyUnlocked } = evaluateAchievements(zero, none);
    expect(progress.map((p) => p.id)).toEqual(ACHIEVEMENT_IDS);
    expect(progress.every((p) => !p.unlocked && p.current === 0)).toBe(true);
    expect(newlyUnlocked).toEqual([]);
  });

  it.each<[AchievementId, keyof AchievementStats, number]>([
    ['first-steps', 'lessonsCompleted', 1],
    ['knowledge-seeker', 'lessonsCompleted', 5],
    ['learning-master', 'lessonsCompleted', 25],
    ['getting-started', 'longestStreak', 3],
    ['on-fire', 'longestStreak', 7],
    ['unstoppable', 'longestStreak', 30],
    ['point-collector', 'totalXp', 100],
    ['high-scorer', 'totalXp', 1000],
    ['perfect-score', 'perfectQuizzes', 1],
    ['concept-master', 'conceptsMastered', 5],
    ['problem-solver', 'codeExercisesPassed', 10],
  ])('%s unlocks when %s reaches %i, not one below', (id, stat, target) => {
    expect(progressOf({ [stat]: target - 1 }, id)).toMatchObject({ current: target - 1, target, unlocked: false });
    expect(progressOf({ [stat]: target }, id)).toMatchObject({ current: target, target, unlocked: true });
    expect(evaluateAchievements({ ...zero, [stat]: target }, none).newlyUnlocked).toContain(id);
  });

  it.each<[AchievementId, 'earlyBird' | 'nightOwl']>([
    ['early-bird', 'earlyBird'],
    ['night-owl', 'nightOwl'],
  ])('%s unlocks on its flag', (id, flag) => {
    expect(progressOf({}, id)).toMatchObject({ current: 0, target: 1, unlocked: false });
    expect(progressOf({ [flag]: true }, id)).toMatchObject({ current: 1, target: 1, unlocked: true });
  });

  it('caps progress at the target', () => {
    expect(progressOf({ lessonsCompleted: 40 }, 'knowledge-seeker')).toMatchObject({ current: 5, target: 5 });
    expect(progressOf({ totalXp: 5000 }, 'point-collector')).toMatchObject({ current: 100, target: 100 });
  });

  it('reports each newly reached achievement once, in a single snapshot', () => {
    const { newlyUnlocked } = evaluateAchievements({ ...zero, lessonsCompleted: 5, totalXp: 120 }, none);
    expect(newlyUnlocked).toEqual(['first-steps', 'knowledge-seeker', 'point-collector']);
  });

  it('never re-unlocks an achievement already stored', () => {
    const first = evaluateAchievements({ ...zero, lessonsCompleted: 1 }, none);
    expect(first.newlyUnlocked).toEqual(['first-steps']);
    const again = evaluateAchievements({ ...zero, lessonsCompleted: 2 }, new Set(first.newlyUnlocked));
    expect(again.newlyUnlocked).toEqual([]);
    expect(again.progress.find((p) => p.id === 'first-steps')?.unlocked).toBe(true);
  });

  it('keeps a stored achievement unlocked with full progress even if the stats read lower', () => {
    expect(progressOf({ totalXp: 40 }, 'point-collector', new Set(['point-collector']))).toMatchObject({
      current: 100,
      unlocked: true,
    });
  });

  it('ignores unknown (retired) ids in the stored set', () => {
    const { newlyUnlocked, progress } = evaluateAchievements(zero, new Set(['retired-badge']));
    expect(newlyUnlocked).toEqual([]);
    expect(progress.some((p) => p.unlocked)).toBe(false);
  });

  it('rejects negative, fractional or NaN stats with a clear error', () => {
    expect(() => evaluateAchievements({ ...zero, totalXp: -1 }, none)).toThrow(
      /totalXp must be a non-negative integer/,
    );
    expect(() => evaluateAchievements({ ...zero, longestStreak: 1.5 }, none)).toThrow(/longestStreak/);
    expect(() => evaluateAchievements({ ...zero, lessonsCompleted: Number.NaN }, none)).toThrow(/lessonsCompleted/);
  });
});

describe('activityTimeBadges: judged on the learner’s local clock', () => {
  it('counts before 08:00 local as early and 22:00 onwards as late', () => {
    const ny = 'America/New_York'; // EST, UTC−5, in January
    expect(activityTimeBadges(new Date('2026-01-15T12:59:00Z'), ny)).toEqual({ earlyBird: true, nightOwl: false }); // 07:59
    expect(activityTimeBadges(new Date('2026-01-15T13:00:00Z'), ny)).toEqual({ earlyBird: false, nightOwl: false }); // 08:00
    expect(activityTimeBadges(new Date('2026-01-16T02:59:00Z'), ny)).toEqual({ earlyBird: false, nightOwl: false }); // 21:59
    expect(activityTimeBadges(new Date('2026-01-16T03:00:00Z'), ny)).toEqual({ earlyBird: false, nightOwl: true }); // 22:00
    expect(activityTimeBadges(new Date('2026-01-16T04:59:00Z'), ny)).toEqual({ earlyBird: false, nightOwl: true }); // 23:59
    expect(activityTimeBadges(new Date('2026-01-16T05:00:00Z'), ny)).toEqual({ earlyBird: true, nightOwl: false }); // 00:00
  });

  it('gives different badges to learners in different zones for the same instant', () => {
    const instant = Date.parse('2026-06-15T18:30:00Z');
    expect(activityTimeBadges(instant, 'Pacific/Auckland')).toEqual({ earlyBird: true, nightOwl: false }); // 06:30
    expect(activityTimeBadges(instant, 'Europe/London')).toEqual({ earlyBird: false, nightOwl: false }); // 19:30 BST
    expect(activityTimeBadges(instant, 'Asia/Tokyo')).toEqual({ earlyBird: true, nightOwl: false }); // 03:30
    expect(activityTimeBadges(Date.parse('2026-06-15T21:30:00Z'), 'Europe/London')).toEqual({
      earlyBird: false,
      nightOwl: true,
    }); // 22:30 BST, though 21:30 UTC
  });

  it('rejects an unknown time zone', () => {
    expect(() => activityTimeBadges(Date.now(), 'Atlantis/Capital')).toThrow(/Unknown IANA time zone/);
  });
});
