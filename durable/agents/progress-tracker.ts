/**
 * The progress tracker: how fast mastery grows, whether accuracy is rising or falling, how
 * regularly the learner shows up, and whether the model's predictions match reality, put
 * into a "how am I doing?" answer with real numbers. Mastery is BKT's P(L), shown to the
 * learner as levels (LEARNING-SCIENCE.md), never as raw probabilities.
 */
import { defaultBktParams, MASTERED_AT, masteryLevel } from '../../worker/learning/bkt';
import { calibration, type Calibration } from '../../worker/learning/calibration';
import { toThousandths } from '../../worker/learning/precision';
import { PRACTICE_TARGET } from '../../worker/learning/select-item';
import {
  accuracy,
  conceptById,
  conceptLink,
  DAY_MS,
  LEVEL_NAMES,
  listWords,
  percent,
  plural,
  practiceMode,
  standingText,
} from './facts';
import type { AgentReply, LearnerSnapshot, MasteryPoint, SnapshotAttempt, SnapshotConcept } from './snapshot';

export interface ConceptVelocity {
  conceptId: string;
  from: number;
  to: number;
  gained: number;
  perDay: number;
}

export interface Velocity {
  days: number;
  /** Mastery (P(L)) gained over the window, summed over concepts. */
  gained: number;
  perDay: number;
  /** Concepts practised in the window, most gained first. */
  byConcept: ConceptVelocity[];
}

/**
 * Mastery gained per day over the last `days`: for each concept with history in the window,
 * its last P(L) minus where it stood when the window opened (BKT's P(L0) if it had no history).
 */
export function velocity(history: readonly MasteryPoint[], now: string, days = 7): Velocity {
  const end = Date.parse(now);
  const start = end - days * DAY_MS;
  const byConcept: ConceptVelocity[] = [];
  const concepts = [...new Set(history.map((point) => point.conceptId))].sort();
  for (const conceptId of concepts) {
    const points = history.filter((p) => p.conceptId === conceptId && Date.parse(p.at) <= end);
    points.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const before = points.filter((p) => Date.parse(p.at) <= start).at(-1);
    const last = points.at(-1);
    if (!last || Date.parse(last.at) <= start) continue;
    const from = before?.pKnown ?? defaultBktParams().pInit;
    const gained = toThousandths(last.pKnown - from);
    byConcept.push({ conceptId, from, to: last.pKnown, gained, perDay: toThousandths(gained / days) });
  }
  byConcept.sort((a, b) => b.gained - a.gained || a.conceptId.localeCompare(b.conceptId));
  const gained = toThousandths(byConcept.reduce((sum, c) => sum + c.gained, 0));
  return { days, gained, perDay: toThousandths(gained / days), byConcept };
}

export type Trend = 'improving' | 'steady' | 'declining' | 'not-enough-data';

/** Accuracy must move this much between the older and newer halves to count as a trend. */
export const TREND_DELTA = 0.15;

/** Accuracy of the newer and older halves of the last (up to 20) answers; attempts newest first. */
export function halves(recentAttempts: readonly SnapshotAttempt[]): {
  answers: number;
  newer: number | null;
  older: number | null;
} {
  const window = recentAttempts.slice(0, 20);
  const half = Math.floor(window.length / 2);
  return {
    answers: window.length,
    newer: accuracy(window.slice(0, half)),
    older: accuracy(window.slice(window.length - half)),
  };
}

/** Whether accuracy is rising or falling: the newer half against the older half, given enough answers. */
export function trend(recentAttempts: readonly SnapshotAttempt[], minSample = 6): Trend {
  const { answers, newer, older } = halves(recentAttempts);
  if (answers < Math.max(2, minSample) || newer === null || older === null) return 'not-enough-data';
  const delta = newer - older;
  if (delta >= TREND_DELTA - 1e-9) return 'improving';
  if (delta <= -TREND_DELTA + 1e-9) return 'declining';
  return 'steady';
}

export interface ConsistencyWindow {
  days: number;
  activeDays: number;
  activeShare: number;
  goalMetDays: number;
  goalMetShare: number;
}

/** Days with any XP and days the goal was met, over the last 14 and 28 local days (oldest first in). */
export function consistency(
  dailyXp: readonly { day: string; xp: number }[],
  dailyGoal: number,
): { last14: ConsistencyWindow; last28: ConsistencyWindow } {
  const windowOf = (days: number): ConsistencyWindow => {
    const recent = dailyXp.slice(-days);
    const activeDays = recent.filter((d) => d.xp > 0).length;
    const goalMetDays = recent.filter((d) => dailyGoal > 0 && d.xp >= dailyGoal).length;
    // Days before the learner's history count as inactive: the share is of the whole window.
    return {
      days,
      activeDays,
      activeShare: toThousandths(activeDays / days),
      goalMetDays,
      goalMetShare: toThousandths(goalMetDays / days),
    };
  };
  return { last14: windowOf(14), last28: windowOf(28) };
}

export interface PredictionCheck extends Calibration {
  /** Actual accuracy minus mean predicted: positive = the learner beats the model. */
  gap: number | null;
  /** Experienced success within ±5 points of the 75% target (LEARNING-SCIENCE.md). */
  withinTarget: boolean | null;
}

/** Predicted versus actual success (worker/learning/calibration.ts) on the given answers. */
export function predictionCheck(attempts: readonly SnapshotAttempt[]): PredictionCheck {
  const result = calibration(attempts);
  if (result.accuracy === null || result.meanPredicted === null) return { ...result, gap: null, withinTarget: null };
  return {
    ...result,
    gap: toThousandths(result.accuracy - result.meanPredicted),
    withinTarget: Math.abs(result.accuracy - PRACTICE_TARGET) <= 0.05 + 1e-9,
  };
}

export interface WeeklySummary {
  answers: number;
  correct: number;
  accuracy: number | null;
  xp: number;
  activeDays: number;
  conceptsMastered: SnapshotConcept[];
  streak: number;
  longestStreak: number;
}

/** The last 7 days: answers (of those in the snapshot), XP by local day, concepts newly mastered. */
export function weeklySummary(snapshot: LearnerSnapshot): WeeklySummary {
  const start = Date.parse(snapshot.now) - 7 * DAY_MS;
  const week = snapshot.recentAttempts.filter((a) => Date.parse(a.at) > start);
  const correct = week.filter((a) => a.correct).length;
  const lastWeek = snapshot.dailyXp.slice(-7);
  const masteredAt = (point: MasteryPoint) => point.pKnown >= MASTERED_AT;
  const conceptsMastered = snapshot.concepts.filter((concept) => {
    const points = snapshot.masteryHistory.filter((p) => p.conceptId === concept.id && masteredAt(p));
    return (
      concept.status === 'mastered' &&
      points.some((p) => Date.parse(p.at) > start) &&
      !points.some((p) => Date.parse(p.at) <= start)
    );
  });
  return {
    answers: week.length,
    correct,
    accuracy: week.length ? toThousandths(correct / week.length) : null,
    xp: lastWeek.reduce((sum, d) => sum + d.xp, 0),
    activeDays: lastWeek.filter((d) => d.xp > 0).length,
    conceptsMastered,
    streak: snapshot.streak.current,
    longestStreak: snapshot.streak.longest,
  };
}

/** The concepts in progress with the lowest mastery, weakest first. */
export function weakestConcepts(snapshot: LearnerSnapshot, limit = 2): SnapshotConcept[] {
  return snapshot.concepts
    .filter((c) => c.status === 'in-progress')
    .sort((a, b) => (a.pKnown ?? 0) - (b.pKnown ?? 0) || a.position - b.position)
    .slice(0, limit);
}

/** "How am I doing?": this week's numbers, streak, course coverage, trend and what to shore up. */
export function howAmIDoing(snapshot: LearnerSnapshot): AgentReply {
  const week = weeklySummary(snapshot);
  const lines: string[] = [];
  lines.push(
    week.answers
      ? `This week: ${plural(week.answers, 'answer')}, ${percent(week.accuracy ?? 0)} right, ${week.xp} XP on ${week.activeDays} of 7 days.`
      : `No answers yet this week; ${week.xp} XP on ${week.activeDays} of 7 days.`,
  );
  if (week.conceptsMastered.length)
    lines.push(`Mastered this week: ${listWords(week.conceptsMastered.map((c) => c.title))}.`);
  const toGo = Math.max(0, snapshot.xp.dailyGoal - snapshot.xp.today);
  let streak = `Streak: ${plural(week.streak, 'day')} (best ${week.longestStreak}).`;
  if (toGo > 0)
    streak += ` Today: ${snapshot.xp.today} of ${snapshot.xp.dailyGoal} XP, ${toGo} to go${snapshot.streak.atRisk ? ' to keep the streak' : ''}.`;
  else streak += ` Today's goal of ${snapshot.xp.dailyGoal} XP is met.`;
  lines.push(streak);
  const mastered = snapshot.concepts.filter((c) => c.status === 'mastered').length;
  const inProgress = snapshot.concepts.filter((c) => c.status === 'in-progress').length;
  lines.push(
    `${snapshot.course.title}: ${mastered} of ${snapshot.concepts.length} concepts mastered, ${inProgress} in progress.`,
  );
  const direction = trend(snapshot.recentAttempts);
  if (direction !== 'not-enough-data')
    lines.push(`Your recent answers are ${direction === 'steady' ? 'holding steady' : direction}.`);
  const [grew] = velocity(snapshot.masteryHistory, snapshot.now).byConcept;
  const grewConcept = conceptById(snapshot, grew?.conceptId);
  if (grew && grewConcept && grew.gained > 0) {
    const [from, to] = [LEVEL_NAMES[masteryLevel(grew.from)], LEVEL_NAMES[masteryLevel(grew.to)]];
    lines.push(`Most growth this week: ${grewConcept.title}${from === to ? ` (still ${to})` : ` (${from} → ${to})`}.`);
  }
  const weakest = weakestConcepts(snapshot);
  if (weakest.length) lines.push(`To shore up: ${weakest.map((c) => `${c.title} (${standingText(c)})`).join('; ')}.`);
  const [focus] = weakest;
  return {
    agent: 'progress-tracker',
    text: lines.join('\n'),
    links: weakest.map((c) => conceptLink(snapshot, c)),
    ...(focus
      ? { action: { kind: 'practice', course: snapshot.course.slug, concept: focus.slug, mode: practiceMode(focus) } }
      : {}),
  };
}
