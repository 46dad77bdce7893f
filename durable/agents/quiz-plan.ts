/**
 * Which questions make a quiz: a difficulty mix per kind of quiz, rounded by largest
 * remainder, and within each difficulty the items whose predicted P(correct) is closest to
 * the kind's target (Pelánek 2016: placement at 0.5, where an answer tells the most;
 * practice at 0.75). Never a recently seen item; deterministic (ties by id).
 */
import { DIAGNOSTIC_TARGET, PRACTICE_TARGET } from '../../worker/learning/select-item';
import type { Difficulty } from './snapshot';

export type QuizKind = 'diagnostic' | 'formative' | 'summative';

const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/**
 * Target P(correct) per kind. Summative sits between the two: it should confirm mastery
 * (harder than practice) while still separating levels (a judgement call, not a citation).
 */
export const QUIZ_TARGETS: Record<QuizKind, number> = {
  diagnostic: DIAGNOSTIC_TARGET,
  formative: PRACTICE_TARGET,
  summative: 0.6,
};

export const QUIZ_MIX: Record<QuizKind, Record<Difficulty, number>> = {
  diagnostic: { easy: 0.4, medium: 0.4, hard: 0.2 },
  formative: { easy: 0.3, medium: 0.5, hard: 0.2 },
  summative: { easy: 0.2, medium: 0.4, hard: 0.4 },
};

// Equal remainders go to medium, then easy: a quiz a little too easy costs less than one too hard.
const REMAINDER_ORDER: readonly Difficulty[] = ['medium', 'easy', 'hard'];

/** Items per difficulty for a quiz of `length`: largest-remainder (Hamilton) rounding of the mix. */
export function difficultyMix(kind: QuizKind, length: number): Record<Difficulty, number> {
  const n = Math.max(0, Math.floor(length));
  const quota = DIFFICULTIES.map((d) => {
    const exact = QUIZ_MIX[kind][d] * n;
    const base = Math.floor(exact + 1e-9); // 0.3 × 10 is 3.0000000000000004 in floating point
    return { d, base, rest: Math.round((exact - base) * 1e6) };
  });
  const counts = { easy: 0, medium: 0, hard: 0 };
  for (const { d, base } of quota) counts[d] = base;
  let left = n - counts.easy - counts.medium - counts.hard;
  quota.sort((a, b) => b.rest - a.rest || REMAINDER_ORDER.indexOf(a.d) - REMAINDER_ORDER.indexOf(b.d));
  for (const { d } of quota) if (left-- > 0) counts[d] += 1;
  return counts;
}

export interface PoolItem {
  id: string;
  conceptId: string;
  difficulty: Difficulty;
  /** The model's predicted P(correct) for this learner. */
  predicted: number;
}

// When a difficulty runs out, borrow from the nearest one, the easier side first.
const BORROW: Record<Difficulty, Difficulty[]> = {
  easy: ['medium', 'hard'],
  medium: ['easy', 'hard'],
  hard: ['medium', 'easy'],
};

/**
 * Item ids for a quiz: the kind's difficulty mix, within each difficulty the items whose
 * predicted P is closest to the kind's target, never a recently seen item, easy to hard.
 * A short pool gives a shorter quiz rather than a repeated item.
 */
export function planQuiz(
  kind: QuizKind,
  pool: readonly PoolItem[],
  length: number,
  recentItemIds: Iterable<string>,
): string[] {
  const recent = new Set(recentItemIds);
  const target = QUIZ_TARGETS[kind];
  const fresh = [...new Map(pool.filter((item) => !recent.has(item.id)).map((item) => [item.id, item])).values()];
  // Distances within floating-point noise are ties (0.70 and 0.80 are equally far from 0.75).
  const closeness = (a: PoolItem, b: PoolItem): number => {
    const diff = Math.abs(a.predicted - target) - Math.abs(b.predicted - target);
    if (Math.abs(diff) > 1e-9) return diff;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
  const buckets = new Map(DIFFICULTIES.map((d) => [d, fresh.filter((item) => item.difficulty === d).sort(closeness)]));
  const want = difficultyMix(kind, length);
  const picked: PoolItem[] = [];
  const short = { easy: 0, medium: 0, hard: 0 };
  for (const d of DIFFICULTIES) {
    const own = (buckets.get(d) ?? []).splice(0, want[d]);
    picked.push(...own);
    short[d] = want[d] - own.length;
  }
  for (const d of DIFFICULTIES) {
    for (const other of BORROW[d]) {
      if (short[d] <= 0) break;
      const borrowed = (buckets.get(other) ?? []).splice(0, short[d]);
      picked.push(...borrowed);
      short[d] -= borrowed.length;
    }
  }
  const rank = (item: PoolItem): number => DIFFICULTIES.indexOf(item.difficulty);
  return picked.sort((a, b) => rank(a) - rank(b) || closeness(a, b)).map((item) => item.id);
}
