import { describe, expect, it } from 'vitest';
import { predictCorrectFromAbility, uncertainty, updateElo } from './elo';

describe('Elo prediction', () => {
  it('is σ(θ − d)', () => {
    expect(predictCorrectFromAbility(0, 0)).toBe(0.5);
    // σ(1) = 1 / (1 + e^−1) = 1 / 1.367879 = 0.731059
    expect(predictCorrectFromAbility(1, 0)).toBeCloseTo(0.731059, 6);
    expect(predictCorrectFromAbility(0, 1)).toBeCloseTo(1 - 0.731059, 6);
  });

  it('floors at the guess rate for k options', () => {
    // 1/4 + 3/4 · 0.5 = 0.625
    expect(predictCorrectFromAbility(0, 0, 4)).toBe(0.625);
    // 1/4 + 3/4 · 0.731059 = 0.798294
    expect(predictCorrectFromAbility(1, 0, 4)).toBeCloseTo(0.798294, 6);
    expect(predictCorrectFromAbility(-50, 0, 4)).toBeCloseTo(0.25, 6);
  });

  it('rejects nonsense input', () => {
    expect(() => predictCorrectFromAbility(Number.NaN, 0)).toThrow(/ability/);
    expect(() => predictCorrectFromAbility(0, Number.POSITIVE_INFINITY)).toThrow(/difficulty/);
    expect(() => predictCorrectFromAbility(0, 0, 1)).toThrow(/option count/);
  });
});

describe('Elo uncertainty K(n)', () => {
  it('is α / (1 + β·n) with α = 1, β = 0.05', () => {
    expect(uncertainty(0)).toBe(1);
    expect(uncertainty(20)).toBeCloseTo(0.5, 12); // 1 / (1 + 1)
    expect(uncertainty(100)).toBeCloseTo(1 / 6, 12); // 1 / (1 + 5)
  });

  it('strictly decreases with n', () => {
    for (let n = 0; n < 200; n++) expect(uncertainty(n + 1)).toBeLessThan(uncertainty(n));
  });

  it('rejects negative or fractional counts', () => {
    expect(() => uncertainty(-1)).toThrow(/non-negative integer/);
    expect(() => uncertainty(1.5)).toThrow(/non-negative integer/);
  });
});

describe('Elo update', () => {
  it('moves θ up and d down by K·(1 − P) after a right answer', () => {
    // P = 0.5; learner K(0) = 1 → θ = 0 + 1·0.5 = 0.5; item K(20) = 0.5 → d = 0 − 0.5·0.5 = −0.25
    const next = updateElo({ theta: 0, difficulty: 0, learnerAnswers: 0, itemAnswers: 20, correct: true });
    expect(next.predicted).toBe(0.5);
    expect(next.theta).toBeCloseTo(0.5, 12);
    expect(next.difficulty).toBeCloseTo(-0.25, 12);
  });

  it('moves θ down and d up by K·P after a wrong answer', () => {
    // P = σ(1) = 0.731059; K(20) = 0.5 → θ = 1 − 0.5·0.731059 = 0.634471; K(0) = 1 → d = 0.731059
    const next = updateElo({ theta: 1, difficulty: 0, learnerAnswers: 20, itemAnswers: 0, correct: false });
    expect(next.theta).toBeCloseTo(0.634471, 6);
    expect(next.difficulty).toBeCloseTo(0.731059, 6);
  });

  it('uses the k-option prediction for multiple choice', () => {
    // P = 0.625; right answer: θ = 0 + 1·0.375, d = 0 − 1·0.375
    const next = updateElo({ theta: 0, difficulty: 0, learnerAnswers: 0, itemAnswers: 0, k: 4, correct: true });
    expect(next.theta).toBeCloseTo(0.375, 12);
    expect(next.difficulty).toBeCloseTo(-0.375, 12);
  });

  it('is symmetric: equal counts move θ and d by the same amount in opposite directions', () => {
    for (const correct of [true, false]) {
      const next = updateElo({ theta: 0.3, difficulty: -0.4, learnerAnswers: 7, itemAnswers: 7, correct });
      expect(next.theta - 0.3).toBeCloseTo(-(next.difficulty - -0.4), 12);
    }
  });

  it('is symmetric between outcomes at P = 0.5', () => {
    const base = { theta: 0, difficulty: 0, learnerAnswers: 3, itemAnswers: 3 };
    const right = updateElo({ ...base, correct: true });
    const wrong = updateElo({ ...base, correct: false });
    expect(right.theta).toBeCloseTo(-wrong.theta, 12);
    expect(right.difficulty).toBeCloseTo(-wrong.difficulty, 12);
  });
});
