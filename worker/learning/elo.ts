// Learner ability and item difficulty: the Elo rating system as adapted for adaptive
// practice by Pelánek (2016), "Applications of the Elo rating system in adaptive
// educational systems", Computers & Education 98. Owns the prediction P(correct | θ, d),
// the uncertainty function K(n) and the paired θ/d update. Pure: no I/O.

export interface EloConfig {
  /** Step size for a brand-new learner or item. */
  alpha: number;
  /** How fast the step shrinks with the number of answers already seen. */
  beta: number;
}

// Pelánek's recommended uncertainty function: large steps while a rating is new,
// smaller ones as evidence accumulates, never zero so ratings can still drift.
export const DEFAULT_ELO: EloConfig = { alpha: 1, beta: 0.05 };

function assertFinite(name: string, x: number): void {
  if (!Number.isFinite(x)) throw new Error(`Elo: ${name} must be a finite number, got ${x}`);
}

function assertCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Elo: ${name} must be a non-negative integer, got ${n}`);
}

function assertOptions(k: number | undefined): void {
  if (k !== undefined && (!Number.isInteger(k) || k < 2)) {
    throw new Error(`Elo: option count must be an integer ≥ 2, got ${k}`);
  }
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * P(correct) = σ(θ − d); for a k-option multiple-choice item the floor is the guess rate:
 * 1/k + (1 − 1/k)·σ(θ − d).
 */
export function predictCorrectFromAbility(theta: number, difficulty: number, k?: number): number {
  assertFinite('ability θ', theta);
  assertFinite('difficulty d', difficulty);
  assertOptions(k);
  const p = sigmoid(theta - difficulty);
  return k === undefined ? p : 1 / k + (1 - 1 / k) * p;
}

/** K(n) = α / (1 + β·n), n = answers already seen by this learner (for θ) or item (for d). */
export function uncertainty(n: number, config: EloConfig = DEFAULT_ELO): number {
  assertCount('answer count n', n);
  assertFinite('alpha', config.alpha);
  assertFinite('beta', config.beta);
  if (config.alpha <= 0 || config.beta < 0) throw new Error('Elo: need alpha > 0 and beta ≥ 0');
  return config.alpha / (1 + config.beta * n);
}

export interface EloAnswer {
  theta: number;
  difficulty: number;
  /** Answers this learner had given before this one. */
  learnerAnswers: number;
  /** Answers this item had received before this one. */
  itemAnswers: number;
  /** Option count for multiple choice; undefined for open answers. */
  k?: number;
  correct: boolean;
}

export interface EloUpdate {
  theta: number;
  difficulty: number;
  /** The prediction the update was measured against. */
  predicted: number;
}

/**
 * θ ← θ + K(n_learner)(correct − P), d ← d − K(n_item)(correct − P). Each side uses its own
 * count, so a new learner moves fast on a well-calibrated item without disturbing it.
 */
export function updateElo(answer: EloAnswer, config: EloConfig = DEFAULT_ELO): EloUpdate {
  const predicted = predictCorrectFromAbility(answer.theta, answer.difficulty, answer.k);
  const surprise = (answer.correct ? 1 : 0) - predicted;
  return {
    theta: answer.theta + uncertainty(answer.learnerAnswers, config) * surprise,
    difficulty: answer.difficulty - uncertainty(answer.itemAnswers, config) * surprise,
    predicted,
  };
}
