/**
 * How long a fluent learner takes to answer an item of each type, the yardstick for the
 * FSRS rating (fast → Easy, slow → Hard; see fsrs.ts). A true/false reads in seconds; a
 * Parsons problem or an output prediction means reading a program.
 */
const EXPECTED_MS: Record<string, number> = {
  'true-false': 15_000,
  'multiple-choice': 30_000,
  'multi-select': 45_000,
  'short-answer': 40_000,
  'fill-blanks': 60_000,
  'predict-output': 90_000,
  parsons: 90_000,
  'code-exercise': 300_000,
};

export function expectedAnswerMs(itemType: string): number {
  return EXPECTED_MS[itemType] ?? 60_000;
}
