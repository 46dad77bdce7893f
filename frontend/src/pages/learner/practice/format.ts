/**
 * Words and numbers for the practice screens: mastery as a percentage and level, session
 * length, when the next review is due, and how the hidden tests of a code exercise went.
 * Pure (the clock and locale are passed in where they matter).
 */
import type { Schemas } from '../../../api/client';

export type Evaluation = NonNullable<Schemas['AttemptResult']['evaluation']>;
export type MasteryChange = Schemas['AttemptResult']['mastery'];

/** 0.4237 → "42%". Probabilities are clamped, so a rounding error never shows 101%. */
export function percent(probability: number): string {
  return `${Math.round(Math.min(Math.max(probability, 0), 1) * 100)}%`;
}

/** "familiar" → "Familiar"; no level yet → "Not started". */
export function levelLabel(level: string | null): string {
  if (!level) return 'Not started';
  return level.charAt(0).toUpperCase() + level.slice(1);
}

/** "adjacency-lists" → "Adjacency lists", for a concept whose title is not loaded. */
export function humanize(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The change in points, signed: "+12 points", "−3 points", "no change". */
export function masteryDelta(change: Pick<MasteryChange, 'before' | 'after'>): string {
  const points = Math.round(change.after * 100) - Math.round(change.before * 100);
  if (points === 0) return 'no change';
  return `${points > 0 ? '+' : '−'}${Math.abs(points)} ${Math.abs(points) === 1 ? 'point' : 'points'}`;
}

/** One sentence for screen readers and the text beside the bar. */
export function masterySentence(change: MasteryChange, conceptTitle: string): string {
  const level =
    change.levelBefore === change.levelAfter
      ? levelLabel(change.levelAfter)
      : `${levelLabel(change.levelBefore)} → ${levelLabel(change.levelAfter)}`;
  return `${conceptTitle}: mastery ${percent(change.before)} → ${percent(change.after)} (${masteryDelta(change)}), ${level}`;
}

/** 75 → "1 min 15 s"; 3720 → "1 h 2 min". */
export function duration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return secs > 0 ? `${minutes} min ${secs} s` : `${minutes} min`;
  return `${secs} s`;
}

/**
 * When something is due, relative to `now` in plain words: "in 5 minutes", "today at 18:30",
 * "tomorrow at 09:00", or a date further out. Past times read "now".
 */
export function dueWhen(due: Date, now: Date, locale?: string, timeZone?: string): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 0) return 'now';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return minutes <= 1 ? 'in a minute' : `in ${minutes} minutes`;
  const time = due.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  const day = (date: Date) => date.toLocaleDateString('en-CA', { timeZone });
  if (day(due) === day(now)) return `today at ${time}`;
  if (day(due) === day(new Date(now.getTime() + 86_400_000))) return `tomorrow at ${time}`;
  const date = due.toLocaleDateString(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone });
  return `${date} at ${time}`;
}

export interface TestTally {
  passed: number;
  total: number;
  /** "4 of 6 tests passed", or why none could run. */
  summary: string;
}

/** How many of the hidden tests passed, as a headline. */
export function testTally(evaluation: Evaluation): TestTally {
  const total = evaluation.tests.length;
  const passed = evaluation.tests.filter((test) => test.status === 'pass').length;
  if (evaluation.status === 'error' && total === 0) {
    return { passed, total, summary: 'The tests could not run.' };
  }
  if (total > 0 && passed === total) {
    return { passed, total, summary: total === 1 ? 'The test passed.' : `All ${total} tests passed.` };
  }
  return { passed, total, summary: `${passed} of ${total} ${total === 1 ? 'test' : 'tests'} passed.` };
}

/** A plain-words reason for a run a limit stopped, beside the evaluator's message. */
export function limitAdvice(limit: Evaluation['limit']): string | null {
  switch (limit) {
    case 'time':
      return 'Your code ran too long: look for a loop that never ends.';
    case 'memory':
      return 'Your code used too much memory: look for something that keeps growing.';
    case 'stack':
      return 'Your code recursed too deeply: check that every recursive call reaches a base case.';
    default:
      return null;
  }
}
