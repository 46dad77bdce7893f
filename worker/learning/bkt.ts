// Mastery per learner and concept: Bayesian Knowledge Tracing (Corbett & Anderson 1995,
// "Knowledge tracing: Modeling the acquisition of procedural knowledge", UMUAI 4).
// Owns the BKT parameters, the predict/update rules, the learner-facing mastery levels
// derived from P(L), and the prerequisite unlock rule. Pure: no I/O, no clock.

export interface BktParams {
  /** P(L0): probability the concept is known before any practice. */
  pInit: number;
  /** T: probability of learning the concept at each practice opportunity. */
  pLearn: number;
  /** S: probability of a wrong answer although the concept is known. */
  pSlip: number;
  /** G: probability of a right answer although the concept is not known. */
  pGuess: number;
}

// Caps from LEARNING-SCIENCE.md. Without them BKT can fit "degenerate" models where a
// right answer lowers P(L) (Baker, Corbett & Aleven 2008). They are inclusive because the
// doc's own default slip (0.1) sits exactly on its bound.
export const MAX_GUESS = 0.3;
export const MAX_SLIP = 0.1;
export const DEFAULT_GUESS = 0.2;

export const MASTERED_AT = 0.95;
// Khan-style levels. Familiar = "more likely known than not" (P(L) ≥ 0.5); proficient =
// the learner would usually get it right (P(L) ≥ 0.8). With the defaults this reads as
// one right answer → familiar, two → proficient, three → mastered, so a learner sees
// progress after every right answer while an unlock (which needs proficient) still takes
// more than one lucky guess.
export const FAMILIAR_AT = 0.5;
export const PROFICIENT_AT = 0.8;

export type MasteryLevel = 'attempted' | 'familiar' | 'proficient' | 'mastered';
const LEVEL_RANK: Record<MasteryLevel, number> = { attempted: 0, familiar: 1, proficient: 2, mastered: 3 };

/** Guess rate for an item: 1/k for k-option multiple choice, capped at MAX_GUESS; else the default. */
export function guessForOptions(k?: number): number {
  if (k === undefined) return DEFAULT_GUESS;
  if (!Number.isInteger(k) || k < 2) throw new Error(`BKT: option count must be an integer ≥ 2, got ${k}`);
  // True/false (1/2) and 3-option (1/3) items guess above the cap; clamp rather than let a
  // guessable item make every right answer look like knowledge.
  return Math.min(1 / k, MAX_GUESS);
}

export function defaultBktParams(k?: number): BktParams {
  return { pInit: 0.2, pLearn: 0.15, pSlip: 0.1, pGuess: guessForOptions(k) };
}

export function assertProbability(name: string, p: number): void {
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new Error(`${name} must be a probability in [0, 1], got ${p}`);
}

export function validateBktParams(params: BktParams): BktParams {
  assertProbability('BKT pInit', params.pInit);
  assertProbability('BKT pLearn', params.pLearn);
  assertProbability('BKT pSlip', params.pSlip);
  assertProbability('BKT pGuess', params.pGuess);
  if (params.pGuess > MAX_GUESS) throw new Error(`BKT pGuess must be ≤ ${MAX_GUESS}, got ${params.pGuess}`);
  if (params.pSlip > MAX_SLIP) throw new Error(`BKT pSlip must be ≤ ${MAX_SLIP}, got ${params.pSlip}`);
  return params;
}

/** P(correct) = P(L)(1−S) + (1−P(L))·G */
export function predictCorrectFromMastery(pKnown: number, params: BktParams): number {
  assertProbability('BKT P(L)', pKnown);
  validateBktParams(params);
  return pKnown * (1 - params.pSlip) + (1 - pKnown) * params.pGuess;
}

/** New P(L) after one observed answer: Bayes posterior, then the learning transition. */
export function updateKnown(pKnown: number, correct: boolean, params: BktParams): number {
  assertProbability('BKT P(L)', pKnown);
  const { pLearn, pSlip, pGuess } = validateBktParams(params);
  const known = correct ? pKnown * (1 - pSlip) : pKnown * pSlip;
  const unknown = correct ? (1 - pKnown) * pGuess : (1 - pKnown) * (1 - pGuess);
  // Both terms are 0 only for impossible evidence (e.g. a wrong answer with S = 0 and
  // P(L) = 1); keep the prior instead of dividing by zero.
  const posterior = known + unknown === 0 ? pKnown : known / (known + unknown);
  return posterior + (1 - posterior) * pLearn;
}

export function masteryLevel(pKnown: number): MasteryLevel {
  assertProbability('BKT P(L)', pKnown);
  if (pKnown >= MASTERED_AT) return 'mastered';
  if (pKnown >= PROFICIENT_AT) return 'proficient';
  if (pKnown >= FAMILIAR_AT) return 'familiar';
  return 'attempted';
}

export function atLeast(level: MasteryLevel, floor: MasteryLevel): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[floor];
}

/** A concept unlocks when every prerequisite is at least proficient; none → unlocked. */
export function isUnlocked(prereqLevels: readonly MasteryLevel[]): boolean {
  return prereqLevels.every((level) => atLeast(level, 'proficient'));
}
