/**
 * Daily streaks, counted in the learner's own time zone. Pure: the caller loads the
 * learner's activity and goal, and stores nothing but what this returns.
 * Source: LEARNING-SCIENCE.md "Gamification rules" — a day counts when the daily goal is
 * met, in the learner's own time zone; one streak freeze per week can cover a missed day;
 * milestones 3, 7, 14, 30, 60, 100.
 *
 * Rules as implemented (a reviewer should check these):
 * - A day counts when the goal is met that local day. Today not (yet) met does not break the
 *   streak; the streak is then "at risk".
 * - A missed day that is over (before today) is covered by a freeze automatically when a
 *   streak is running into it and that day's ISO week (Monday-start) has not used its freeze.
 *   At most one freeze per ISO week; a freeze spent stays spent even if the streak later breaks.
 * - Each missed day is judged on its own, so two consecutive missed days survive only when they
 *   fall in different ISO weeks (Sunday + Monday) that each still have their freeze.
 * - A frozen day bridges the streak but does not add to its length: the streak counts days
 *   the goal was met.
 * - Freezes are derived from the history, not passed in, so there is one source of truth;
 *   pass the learner's full history (or at least everything since their longest streak).
 */
import { type LocalDay, addDays, dayFromNumber, dayNumber, isoWeekStart, localDay } from './local-time';

export { type LocalDay, localDay } from './local-time';

export const STREAK_MILESTONES = [3, 7, 14, 30, 60, 100] as const;

export interface StreakInput {
  /** Local days on which the learner met their daily goal. Days after `today` are ignored. */
  goalMetDays: ReadonlySet<LocalDay>;
  /** The learner's local date now: `localDay(Date.now(), timeZone)`. */
  today: LocalDay;
}

export interface Streak {
  /** Goal-met days in the running streak, including today if it is already met. */
  current: number;
  /** The longest streak ever, by the same rules. */
  longest: number;
  /** Every missed day a freeze covered, oldest first (for a calendar view). */
  frozenDays: LocalDay[];
  /** Whether this ISO week's freeze is still unused. */
  freezeAvailable: boolean;
  /** Today's goal not met yet while a streak is running into today. */
  atRisk: boolean;
  /** Milestones the current streak has reached, ascending. */
  milestonesReached: number[];
  /** The next milestone for the current streak, or null past the last one. */
  nextMilestone: number | null;
}

export function computeStreak({ goalMetDays, today }: StreakInput): Streak {
  const todayNumber = dayNumber(today);
  const metNumbers = [...goalMetDays].map(dayNumber).filter((n) => n <= todayNumber);
  const met = new Set(metNumbers);
  const weeksFrozen = new Set<LocalDay>();
  const frozenDays: LocalDay[] = [];
  let run = 0;
  let longest = 0;

  // Walk forward from the first goal-met day: freezes depend on the order days happened in.
  const first = metNumbers.reduce((a, b) => Math.min(a, b), todayNumber + 1);
  for (let n = first; n <= todayNumber; n++) {
    if (met.has(n)) {
      run += 1;
      longest = Math.max(longest, run);
      continue;
    }
    if (n === todayNumber) break; // today is still open: at risk, not broken
    const day = dayFromNumber(n);
    const week = isoWeekStart(day);
    // Freezes only protect a running streak; none are spent while there is nothing to keep.
    if (run > 0 && !weeksFrozen.has(week)) {
      weeksFrozen.add(week);
      frozenDays.push(day);
    } else {
      run = 0;
    }
  }

  const current = run;
  return {
    current,
    longest,
    frozenDays,
    freezeAvailable: !weeksFrozen.has(isoWeekStart(today)),
    atRisk: current > 0 && !met.has(todayNumber),
    milestonesReached: STREAK_MILESTONES.filter((m) => current >= m),
    nextMilestone: STREAK_MILESTONES.find((m) => current < m) ?? null,
  };
}

export interface Activity {
  /** When it happened (a Date or epoch milliseconds, UTC). */
  at: Date | number;
  /** What it contributes toward the daily goal, in the goal's unit (XP, minutes, items…). */
  amount: number;
}

/** The local days whose activity totals reach `dailyGoal`, in the learner's time zone. */
export function goalMetDays(
  activities: readonly Activity[],
  { dailyGoal, timeZone }: { dailyGoal: number; timeZone: string },
): Set<LocalDay> {
  if (!Number.isFinite(dailyGoal) || dailyGoal <= 0) {
    throw new Error(`dailyGoal must be a positive number, got ${String(dailyGoal)}`);
  }
  const totals = new Map<LocalDay, number>();
  for (const { at, amount } of activities) {
    if (!Number.isFinite(amount) || amount < 0) {
      throw new Error(`Activity amount must be a non-negative number, got ${String(amount)}`);
    }
    const day = localDay(at, timeZone);
    totals.set(day, (totals.get(day) ?? 0) + amount);
  }
  return new Set([...totals].filter(([, total]) => total >= dailyGoal).map(([day]) => day));
}

export type CalendarDayState = 'met' | 'frozen' | 'today' | 'future' | 'missed';

/** Monday to Sunday of the ISO week holding `today`, each day's state for a streak calendar. */
export function weekCalendar(
  goalMetDays: ReadonlySet<LocalDay>,
  frozenDays: readonly LocalDay[],
  today: LocalDay,
): { day: LocalDay; state: CalendarDayState }[] {
  const frozen = new Set(frozenDays);
  const monday = isoWeekStart(today);
  return Array.from({ length: 7 }, (_, index) => {
    const day = addDays(monday, index);
    let state: CalendarDayState = 'missed';
    if (goalMetDays.has(day)) state = 'met';
    else if (frozen.has(day)) state = 'frozen';
    else if (day === today) state = 'today';
    else if (day > today) state = 'future';
    return { day, state };
  });
}
