/**
 * Threshold achievements: which ones a learner has earned, progress toward each, and which
 * unlock now. Pure: the caller loads the stats snapshot and the ids already stored, and
 * stores `newlyUnlocked`. Source: LEARNING-SCIENCE.md "Gamification rules" (threshold rules,
 * unlocked once, with progress toward each).
 *
 * Streak achievements use the *longest* streak, not the current one: an achievement is
 * earned once and kept, so it must follow a number that never goes down. With the current
 * streak, an evaluation that ran late (after the streak broke) would miss a 7-day streak the
 * learner really had, and progress bars would drop back to 0 whenever a streak ended.
 */
import { localTime } from './local-time';

export interface AchievementStats {
  lessonsCompleted: number;
  longestStreak: number;
  totalXp: number;
  perfectQuizzes: number;
  conceptsMastered: number;
  codeExercisesPassed: number;
  /** Any activity ever before 08:00 local (see `activityTimeBadges`). */
  earlyBird: boolean;
  /** Any activity ever at or after 22:00 local (see `activityTimeBadges`). */
  nightOwl: boolean;
}

type CountStat = Exclude<keyof AchievementStats, 'earlyBird' | 'nightOwl'>;

interface Definition {
  title: string;
  description: string;
  target: number;
  measure: (stats: AchievementStats) => number;
}

const count =
  (stat: CountStat) =>
  (stats: AchievementStats): number =>
    stats[stat];
const flag =
  (stat: 'earlyBird' | 'nightOwl') =>
  (stats: AchievementStats): number =>
    stats[stat] ? 1 : 0;

// Ids are stored with each learner: never rename one; retire it and add a new id instead.
const definitions = {
  'first-steps': {
    title: 'First Steps',
    description: 'Complete your first lesson',
    target: 1,
    measure: count('lessonsCompleted'),
  },
  'knowledge-seeker': {
    title: 'Knowledge Seeker',
    description: 'Complete 5 lessons',
    target: 5,
    measure: count('lessonsCompleted'),
  },
  'learning-master': {
    title: 'Learning Master',
    description: 'Complete 25 lessons',
    target: 25,
    measure: count('lessonsCompleted'),
  },
  'getting-started': {
    title: 'Getting Started',
    description: 'Reach a 3-day streak',
    target: 3,
    measure: count('longestStreak'),
  },
  'on-fire': { title: 'On Fire', description: 'Reach a 7-day streak', target: 7, measure: count('longestStreak') },
  unstoppable: {
    title: 'Unstoppable',
    description: 'Reach a 30-day streak',
    target: 30,
    measure: count('longestStreak'),
  },
  'point-collector': { title: 'Point Collector', description: 'Earn 100 XP', target: 100, measure: count('totalXp') },
  'high-scorer': { title: 'High Scorer', description: 'Earn 1000 XP', target: 1000, measure: count('totalXp') },
  'perfect-score': {
    title: 'Perfect Score',
    description: 'Answer every question of a quiz correctly',
    target: 1,
    measure: count('perfectQuizzes'),
  },
  'concept-master': {
    title: 'Concept Master',
    description: 'Master 5 concepts',
    target: 5,
    measure: count('conceptsMastered'),
  },
  'problem-solver': {
    title: 'Problem Solver',
    description: 'Pass 10 code exercises',
    target: 10,
    measure: count('codeExercisesPassed'),
  },
  'early-bird': {
    title: 'Early Bird',
    description: 'Learn before 8:00 in the morning',
    target: 1,
    measure: flag('earlyBird'),
  },
  'night-owl': { title: 'Night Owl', description: 'Learn after 22:00 at night', target: 1, measure: flag('nightOwl') },
} as const satisfies Record<string, Definition>;

export type AchievementId = keyof typeof definitions;

export const ACHIEVEMENT_IDS = Object.keys(definitions) as AchievementId[];

export interface AchievementProgress {
  id: AchievementId;
  title: string;
  description: string;
  /** Progress toward `target`, capped at it; equal to `target` once unlocked. */
  current: number;
  target: number;
  unlocked: boolean;
}

export interface AchievementResult {
  progress: AchievementProgress[];
  /** Ids unlocked by this snapshot and not in `alreadyUnlocked`, in definition order. */
  newlyUnlocked: AchievementId[];
}

/**
 * Evaluates every achievement against a stats snapshot. An id already unlocked stays
 * unlocked (and shows full progress) even if the stats now read lower, e.g. after a data
 * correction, and is never reported as newly unlocked again. Unknown ids in
 * `alreadyUnlocked` (retired achievements) are ignored.
 */
export function evaluateAchievements(stats: AchievementStats, alreadyUnlocked: ReadonlySet<string>): AchievementResult {
  assertValidStats(stats);
  const progress: AchievementProgress[] = [];
  const newlyUnlocked: AchievementId[] = [];
  for (const id of ACHIEVEMENT_IDS) {
    const { title, description, target, measure } = definitions[id];
    const had = alreadyUnlocked.has(id);
    const reached = measure(stats) >= target;
    if (reached && !had) newlyUnlocked.push(id);
    const unlocked = had || reached;
    progress.push({ id, title, description, target, unlocked, current: unlocked ? target : measure(stats) });
  }
  return { progress, newlyUnlocked };
}

function assertValidStats(stats: AchievementStats): void {
  for (const [key, value] of Object.entries(stats)) {
    if (typeof value === 'boolean') continue;
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`Achievement stat ${key} must be a non-negative integer, got ${String(value)}`);
    }
  }
}

/** 08:00 local: an activity strictly before it earns Early Bird. */
export const EARLY_BIRD_BEFORE_HOUR = 8;
/** 22:00 local: an activity at or after it, until midnight, earns Night Owl. */
export const NIGHT_OWL_FROM_HOUR = 22;

/**
 * Which time-of-day badges one activity earns, judged on the learner's local clock. The
 * windows follow the rule literally: Early Bird is 00:00–07:59 and Night Owl 22:00–23:59, so a
 * 01:00 session counts as early, not late. 22:00 itself counts as Night Owl: the clock is read
 * to the minute, and "after 22:00" on a minute clock starts at 22:00.
 */
export function activityTimeBadges(
  instant: Date | number,
  timeZone: string,
): { earlyBird: boolean; nightOwl: boolean } {
  const { hour } = localTime(instant, timeZone);
  return { earlyBird: hour < EARLY_BIRD_BEFORE_HOUR, nightOwl: hour >= NIGHT_OWL_FROM_HOUR };
}
