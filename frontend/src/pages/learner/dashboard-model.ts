/**
 * What the dashboard works out from the API's answers: progress toward the daily goal and
 * the next tier, where each recommendation leads, which course is "current", each course's
 * standing and which achievements to show. Pure (and small: it ships in the dashboard's
 * size-budgeted chunk).
 */
import { dayNumber } from '../../../../worker/learning/local-time';

export interface TierInfo {
  name: string;
  level: number;
  floor: number;
  next: number | null;
}

/** Share of the way from this tier's floor to the next (1 at the top tier), and the XP still to go. */
export function tierProgress(total: number, tier: TierInfo): { fraction: number; remaining: number | null } {
  if (tier.next === null) return { fraction: 1, remaining: null };
  const span = tier.next - tier.floor;
  const fraction = span > 0 ? (total - tier.floor) / span : 1;
  return { fraction: clamp01(fraction), remaining: Math.max(0, tier.next - total) };
}

export function goalProgress(today: number, goal: number): number {
  return goal > 0 ? clamp01(today / goal) : 1;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

export interface Recommendation {
  kind: 'review' | 'lesson' | 'practice';
  reason: string;
  concept?: string;
  lesson?: string;
  count?: number;
}

/** The screen a recommendation opens: the lesson reader, practice on its concept, or the review queue. */
export function recommendationHref(course: string, recommendation: Recommendation): string {
  switch (recommendation.kind) {
    case 'review':
      return '/review';
    case 'lesson':
      return recommendation.lesson
        ? `/courses/${course}/lessons/${recommendation.lesson}`
        : `/courses/${course}${recommendation.concept ? `?concept=${encodeURIComponent(recommendation.concept)}` : ''}`;
    case 'practice':
      return `/courses/${course}/practice${recommendation.concept ? `?concept=${encodeURIComponent(recommendation.concept)}` : ''}`;
  }
}

export function recommendationAction(recommendation: Recommendation): string {
  switch (recommendation.kind) {
    case 'review':
      return 'Start reviewing';
    case 'lesson':
      return 'Read the lesson';
    case 'practice':
      return 'Practise';
  }
}

export interface SkillSummary {
  status: 'locked' | 'available' | 'in-progress' | 'mastered';
  answers: number;
  lastPracticedAt: string | null;
}

export interface CourseStanding {
  mastered: number;
  inProgress: number;
  total: number;
  /** Whether the learner has answered anything in the course. */
  started: boolean;
  lastPracticedAt: string | null;
}

export function courseStanding(concepts: readonly SkillSummary[]): CourseStanding {
  let last: string | null = null;
  for (const concept of concepts) {
    if (concept.lastPracticedAt && (last === null || concept.lastPracticedAt > last)) last = concept.lastPracticedAt;
  }
  return {
    mastered: concepts.filter((concept) => concept.status === 'mastered').length,
    inProgress: concepts.filter((concept) => concept.status === 'in-progress').length,
    total: concepts.length,
    started: concepts.some((concept) => concept.answers > 0),
    lastPracticedAt: last,
  };
}

/**
 * The course "what next" is about: the one practised most recently, else the first in the
 * catalogue (a new learner starts at the beginning).
 */
export function currentCourse<C extends { slug: string; standing: CourseStanding | null }>(
  courses: readonly C[],
): C | undefined {
  let best: C | undefined;
  for (const course of courses) {
    const last = course.standing?.lastPracticedAt ?? null;
    const bestLast = best?.standing?.lastPracticedAt ?? null;
    if (last !== null && (bestLast === null || last > bestLast)) best = course;
  }
  return best ?? courses[0];
}

export interface AchievementProgress {
  id: string;
  title: string;
  description: string;
  current: number;
  target: number;
  unlocked: boolean;
}

/** Earned achievements (up to `count`) and the locked one closest to done. */
export function featuredAchievements(
  achievements: readonly AchievementProgress[],
  count = 3,
): { earned: AchievementProgress[]; earnedTotal: number; closest: AchievementProgress | null } {
  const earned = achievements.filter((achievement) => achievement.unlocked);
  const locked = achievements.filter((achievement) => !achievement.unlocked);
  const share = (achievement: AchievementProgress) =>
    achievement.target > 0 ? achievement.current / achievement.target : 0;
  const closest = locked.reduce<AchievementProgress | null>(
    (best, achievement) => (best === null || share(achievement) > share(best) ? achievement : best),
    null,
  );
  // The API lists achievements in a fixed order; the later ones are the harder, so the more recent.
  return { earned: earned.slice(-count).reverse(), earnedTotal: earned.length, closest };
}

export interface EndedStreak {
  length: number;
  lastDay: string;
  brokenOn: string;
}

/** How long a streak that ended is still news on the dashboard. */
export const ENDED_STREAK_SHOWN_DAYS = 7;

/**
 * What the dashboard says about the streak that ended last, if anything: the ending is
 * news for a week (`today` is the learner's local day), and only while the new streak is
 * shorter (a 1-day streak ending is not worth a line).
 */
export function endedStreakNote(streak: {
  current: number;
  today: string;
  lastEnded: EndedStreak | null;
}): { length: number; brokenOn: string; toBeat: number | null } | null {
  const ended = streak.lastEnded;
  const today = streak.today;
  if (!ended || ended.length < 2 || streak.current >= ended.length) return null;
  const daysAgo = dayNumber(today) - dayNumber(ended.brokenOn);
  if (!(daysAgo >= 0 && daysAgo <= ENDED_STREAK_SHOWN_DAYS)) return null;
  // Days of the new streak still needed to go past the old one; none yet when there is no new one.
  return {
    length: ended.length,
    brokenOn: ended.brokenOn,
    toBeat: streak.current > 0 ? ended.length - streak.current + 1 : null,
  };
}

export type DayState = 'met' | 'frozen' | 'missed' | 'today' | 'future';

export const DAY_WORDS: Record<DayState, string> = {
  met: 'goal met',
  frozen: 'streak freeze used',
  missed: 'missed',
  today: 'today',
  future: 'still to come',
};

/** The orchestrator's decision (GET /api/agents/next-step). */
export interface NextStep {
  kind: 'lesson' | 'practice' | 'review' | 'challenge' | 'break';
  reason: string;
  concept?: { slug: string; title: string };
  lesson?: { slug: string; title: string };
  minutes?: number;
}

/**
 * The orchestrator's step as the link it leads to (a challenge is practice on a concept
 * going well, at its harder items); `null` for a break, which has nowhere to go.
 */
export function stepAsRecommendation(step: NextStep): Recommendation | null {
  const concept = step.concept?.slug;
  const lesson = step.lesson?.slug;
  switch (step.kind) {
    case 'break':
      return null;
    case 'review':
      return { kind: 'review', reason: step.reason };
    case 'lesson':
      return { kind: 'lesson', reason: step.reason, ...(concept ? { concept } : {}), ...(lesson ? { lesson } : {}) };
    case 'practice':
    case 'challenge':
      return { kind: 'practice', reason: step.reason, ...(concept ? { concept } : {}) };
  }
}

export function stepAction(step: NextStep): string {
  if (step.kind === 'challenge') return 'Take on harder questions';
  if (step.kind === 'break') return `Take a ${step.minutes ?? 10}-minute break`;
  const recommendation = stepAsRecommendation(step);
  return recommendation ? recommendationAction(recommendation) : 'Continue';
}
