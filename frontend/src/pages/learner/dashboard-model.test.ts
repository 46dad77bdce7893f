/** The dashboard's derived figures: goal and tier progress, where recommendations lead, the current course, achievements. */
import { describe, expect, it } from 'vitest';
import {
  courseStanding,
  currentCourse,
  featuredAchievements,
  goalProgress,
  recommendationHref,
  stepAction,
  stepAsRecommendation,
  tierProgress,
  type AchievementProgress,
  endedStreakNote,
} from './dashboard-model';

describe('progress figures', () => {
  it('measures the way from the tier floor to the next tier', () => {
    expect(tierProgress(375, { name: 'Silver', level: 2, floor: 250, next: 500 })).toEqual({
      fraction: 0.5,
      remaining: 125,
    });
    expect(tierProgress(0, { name: 'Bronze', level: 1, floor: 0, next: 250 })).toEqual({ fraction: 0, remaining: 250 });
    expect(tierProgress(1500, { name: 'Platinum', level: 4, floor: 1000, next: null })).toEqual({
      fraction: 1,
      remaining: null,
    });
  });

  it('caps the daily goal at full', () => {
    expect(goalProgress(15, 30)).toBe(0.5);
    expect(goalProgress(45, 30)).toBe(1);
    expect(goalProgress(0, 0)).toBe(1);
  });
});

describe('recommendationHref', () => {
  it('sends each kind of recommendation to the screen that does it', () => {
    expect(recommendationHref('osp', { kind: 'lesson', reason: '', concept: 'walkers', lesson: 'first-walker' })).toBe(
      '/courses/osp/lessons/first-walker',
    );
    expect(recommendationHref('osp', { kind: 'practice', reason: '', concept: 'walkers' })).toBe(
      '/courses/osp/practice?concept=walkers',
    );
    expect(recommendationHref('osp', { kind: 'review', reason: '', count: 3 })).toBe('/review');
  });
});

describe('courses', () => {
  const skill = (
    status: 'locked' | 'available' | 'in-progress' | 'mastered',
    answers = 0,
    at: string | null = null,
  ) => ({
    status,
    answers,
    lastPracticedAt: at,
  });

  it('sums a course’s standing', () => {
    expect(
      courseStanding([
        skill('mastered', 9, '2025-03-02T10:00:00Z'),
        skill('in-progress', 3, '2025-03-05T10:00:00Z'),
        skill('available'),
        skill('locked'),
      ]),
    ).toEqual({ mastered: 1, inProgress: 1, total: 4, started: true, lastPracticedAt: '2025-03-05T10:00:00Z' });
    expect(courseStanding([skill('available'), skill('locked')]).started).toBe(false);
  });

  it('picks the course practised most recently, else the first', () => {
    const course = (slug: string, last: string | null) => ({
      slug,
      standing: { mastered: 0, inProgress: 0, total: 1, started: last !== null, lastPracticedAt: last },
    });
    expect(
      currentCourse([course('a', '2025-03-01T00:00:00Z'), course('b', '2025-03-04T00:00:00Z'), course('c', null)])
        ?.slug,
    ).toBe('b');
    expect(currentCourse([course('a', null), course('b', null)])?.slug).toBe('a');
    expect(currentCourse([])).toBeUndefined();
  });
});

describe('featuredAchievements', () => {
  const achievement = (id: string, current: number, target: number, unlocked: boolean): AchievementProgress => ({
    id,
    title: id,
    description: '',
    current,
    target,
    unlocked,
  });

  it('shows the latest earned first and the locked one nearest to done', () => {
    const featured = featuredAchievements(
      [
        achievement('first-steps', 1, 1, true),
        achievement('knowledge-seeker', 2, 5, false),
        achievement('xp-100', 100, 100, true),
        achievement('streak-7', 6, 7, false),
        achievement('xp-1000', 150, 1000, false),
      ],
      3,
    );
    expect(featured.earned.map((a) => a.id)).toEqual(['xp-100', 'first-steps']);
    expect(featured.earnedTotal).toBe(2);
    expect(featured.closest?.id).toBe('streak-7');
  });

  it('has nothing to point at when all are earned', () => {
    expect(featuredAchievements([achievement('a', 1, 1, true)]).closest).toBeNull();
  });
});

describe('the orchestrator’s next step on the dashboard', () => {
  const walkers = { slug: 'walkers', title: 'Walkers' };
  it('leads a lesson step to the lesson reader and practice steps to practice on the concept', () => {
    const lesson = stepAsRecommendation({
      kind: 'lesson',
      reason: 'r',
      concept: walkers,
      lesson: { slug: 'w-intro', title: 'W' },
    });
    expect(lesson && recommendationHref('osp', lesson)).toBe('/courses/osp/lessons/w-intro');
    const challenge = stepAsRecommendation({ kind: 'challenge', reason: 'r', concept: walkers });
    expect(challenge && recommendationHref('osp', challenge)).toBe('/courses/osp/practice?concept=walkers');
    expect(stepAction({ kind: 'challenge', reason: 'r', concept: walkers })).toBe('Take on harder questions');
    const review = stepAsRecommendation({ kind: 'review', reason: 'r' });
    expect(review && recommendationHref('osp', review)).toBe('/review');
  });

  it('gives a break no link, and says how long', () => {
    expect(stepAsRecommendation({ kind: 'break', reason: 'r', minutes: 10 })).toBeNull();
    expect(stepAction({ kind: 'break', reason: 'r', minutes: 10 })).toBe('Take a 10-minute break');
  });
});

describe('endedStreakNote', () => {
  const lastEnded = { length: 12, lastDay: '2026-11-23', brokenOn: '2026-11-24' };

  it('tells of a streak that ended this past week: start again, or how far to beat it', () => {
    expect(endedStreakNote({ current: 0, today: '2026-11-25', lastEnded })).toEqual({
      length: 12,
      brokenOn: '2026-11-24',
      toBeat: null,
    });
    expect(endedStreakNote({ current: 2, today: '2026-11-27', lastEnded })?.toBeat).toBe(11);
    expect(endedStreakNote({ current: 0, today: '2026-12-01', lastEnded })).not.toBeNull();
  });

  it('says nothing once the news is old, the new streak is as long, or the old was a single day', () => {
    expect(endedStreakNote({ current: 0, today: '2026-12-02', lastEnded })).toBeNull();
    expect(endedStreakNote({ current: 12, today: '2026-11-27', lastEnded })).toBeNull();
    expect(endedStreakNote({ current: 0, today: '2026-11-25', lastEnded: { ...lastEnded, length: 1 } })).toBeNull();
    expect(endedStreakNote({ current: 0, today: '2026-11-25', lastEnded: null })).toBeNull();
  });
});
