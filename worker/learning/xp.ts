/**
 * XP awards: how many points one learning event earns. Pure; the caller stores the total.
 * Source: LEARNING-SCIENCE.md "Gamification rules" — correct answer 10 × difficulty factor
 * (easy 1, medium 1.5, hard 2); lesson completed 50; review completed 5; perfect quiz +100;
 * ×1.2 while the streak is > 3 days.
 */

export type Difficulty = 'easy' | 'medium' | 'hard';

export type XpEvent =
  | { kind: 'correct-answer'; difficulty: Difficulty }
  | { kind: 'wrong-answer'; difficulty: Difficulty }
  | { kind: 'lesson-completed' }
  | { kind: 'review-completed' }
  // A bonus on top of the per-answer XP the quiz's answers already earned.
  | { kind: 'perfect-quiz' };

export const difficultyFactor = { easy: 1, medium: 1.5, hard: 2 } as const satisfies Record<Difficulty, number>;

export const CORRECT_ANSWER_XP = 10;
export const LESSON_COMPLETED_XP = 50;
export const REVIEW_COMPLETED_XP = 5;
export const PERFECT_QUIZ_XP = 100;
export const STREAK_MULTIPLIER = 1.2;
/** The bonus applies while the streak is strictly greater than this many days. */
export const STREAK_BONUS_AFTER_DAYS = 3;

/** XP before the streak bonus. Exhaustive over the union, so a new event kind fails to compile. */
export function baseXp(event: XpEvent): number {
  switch (event.kind) {
    case 'correct-answer':
      return CORRECT_ANSWER_XP * difficultyFactor[event.difficulty];
    case 'wrong-answer':
      return 0;
    case 'lesson-completed':
      return LESSON_COMPLETED_XP;
    case 'review-completed':
      return REVIEW_COMPLETED_XP;
    case 'perfect-quiz':
      return PERFECT_QUIZ_XP;
    default:
      return assertNever(event);
  }
}

export function streakMultiplier(streakDays: number): number {
  return streakDays > STREAK_BONUS_AFTER_DAYS ? STREAK_MULTIPLIER : 1;
}

/**
 * Whole XP points for one event. The streak bonus applies to every award (answers, lessons,
 * reviews and the perfect-quiz bonus alike), and the product is rounded half-up once, after
 * the multiplier: rounding the base first would not change any value today (bases are whole),
 * but rounding once keeps 15 × 1.2 = 18 rather than the float 18.000000000000004, and keeps
 * the total a learner sees equal to the sum of integer awards.
 */
export function xpFor(event: XpEvent, { streakDays }: { streakDays: number }): number {
  if (!Number.isInteger(streakDays) || streakDays < 0) {
    throw new Error(`streakDays must be a non-negative integer, got ${String(streakDays)}`);
  }
  return Math.round(baseXp(event) * streakMultiplier(streakDays));
}

function assertNever(value: never): never {
  throw new Error(`Unknown XP event: ${JSON.stringify(value)}`);
}
