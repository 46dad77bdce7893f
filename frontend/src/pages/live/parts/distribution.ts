/**
 * A question's answers as the host's bar chart shows them: one bar per option, in the
 * question's order, with counts and whole percentages of everyone who could answer (no
 * answer included) that add up to exactly 100. Pure.
 */

export interface DistributionBar {
  id: string;
  text: string;
  count: number;
  percent: number;
  correct: boolean;
}

export interface Distribution {
  bars: DistributionBar[];
  noAnswer: { count: number; percent: number };
  total: number;
}

/**
 * Whole percentages by the largest-remainder method: each share rounded down, then the
 * points still missing go to the largest remainders (ties to the earlier one).
 */
export function wholePercents(counts: number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((count) => (count * 100) / total);
  const floors = exact.map(Math.floor);
  let missing = 100 - floors.reduce((sum, value) => sum + value, 0);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest);
  for (const { index } of order) {
    if (missing <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    missing--;
  }
  return floors;
}

export function distributionOf(
  options: { id: string; text: string }[],
  counts: Record<string, number>,
  noAnswer: number,
  correct: string[],
): Distribution {
  const values = options.map((option) => Math.max(counts[option.id] ?? 0, 0));
  const percents = wholePercents([...values, Math.max(noAnswer, 0)]);
  const right = new Set(correct);
  return {
    bars: options.map((option, index) => ({
      id: option.id,
      text: option.text,
      count: values[index] ?? 0,
      percent: percents[index] ?? 0,
      correct: right.has(option.id),
    })),
    noAnswer: { count: Math.max(noAnswer, 0), percent: percents[options.length] ?? 0 },
    total: values.reduce((sum, value) => sum + value, 0) + Math.max(noAnswer, 0),
  };
}
