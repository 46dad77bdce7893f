import { describe, expect, it } from 'vitest';
import {
  defaultBktParams,
  guessForOptions,
  isUnlocked,
  masteryLevel,
  predictCorrectFromMastery,
  updateKnown,
  validateBktParams,
  type BktParams,
} from './bkt';

const defaults = defaultBktParams(); // pInit 0.2, T 0.15, S 0.1, G 0.2

describe('BKT predict and update (hand-computed)', () => {
  it('predicts P(correct) = P(L)(1−S) + (1−P(L))G', () => {
    // 0.2·0.9 + 0.8·0.2 = 0.18 + 0.16 = 0.34
    expect(predictCorrectFromMastery(0.2, defaults)).toBeCloseTo(0.34, 10);
  });

  it('a right answer from the prior gives 0.6', () => {
    // posterior = 0.18 / (0.18 + 0.16) = 0.529412; learn: 0.529412 + 0.470588·0.15 = 0.6
    expect(updateKnown(0.2, true, defaults)).toBeCloseTo(0.6, 10);
  });

  it('a second right answer gives 0.890323', () => {
    // posterior = 0.54 / (0.54 + 0.4·0.2) = 0.54 / 0.62 = 0.870968; + 0.129032·0.15 = 0.890323
    expect(updateKnown(0.6, true, defaults)).toBeCloseTo(0.890323, 6);
  });

  it('a wrong answer from the prior gives 0.175758', () => {
    // posterior = 0.2·0.1 / (0.02 + 0.8·0.8) = 0.02 / 0.66 = 0.030303; + 0.969697·0.15 = 0.175758
    expect(updateKnown(0.2, false, defaults)).toBeCloseTo(0.175758, 6);
  });

  it('a wrong answer after one right one gives 0.284211', () => {
    // posterior = 0.6·0.1 / (0.06 + 0.4·0.8) = 0.06 / 0.38 = 0.157895; + 0.842105·0.15 = 0.284211
    expect(updateKnown(0.6, false, defaults)).toBeCloseTo(0.284211, 6);
  });

  it('uses G = 1/k for a 4-option item', () => {
    // G = 0.25: posterior = 0.18 / (0.18 + 0.8·0.25) = 0.473684; + 0.526316·0.15 = 0.552632
    expect(updateKnown(0.2, true, defaultBktParams(4))).toBeCloseTo(0.552632, 6);
  });
});

describe('BKT monotonicity', () => {
  const grid = Array.from({ length: 21 }, (_, i) => i / 20);

  it('a right answer always raises P(L) and beats a wrong one', () => {
    for (const p of grid) {
      expect(updateKnown(p, true, defaults)).toBeGreaterThanOrEqual(p);
      expect(updateKnown(p, true, defaults)).toBeGreaterThanOrEqual(updateKnown(p, false, defaults));
    }
  });

  it('a wrong answer lowers P(L) from the prior upward', () => {
    // Below the fixed point (6/35 ≈ 0.171 with defaults) the learning transition T outweighs
    // the evidence, so a wrong answer nudges P(L) up — standard BKT behaviour.
    for (const p of grid.filter((x) => x >= 0.2 && x < 1)) {
      expect(updateKnown(p, false, defaults)).toBeLessThan(p);
    }
  });
});

describe('BKT convergence to mastered', () => {
  it('takes three right answers in a row with the defaults', () => {
    let p = defaults.pInit;
    const levels = [];
    for (let i = 0; i < 3; i++) {
      p = updateKnown(p, true, defaults);
      levels.push(masteryLevel(p));
    }
    // 0.6 → 0.890 → 0.977
    expect(levels).toEqual(['familiar', 'proficient', 'mastered']);
    expect(p).toBeCloseTo(0.977351, 6);
  });

  it('takes more right answers when guessing is easier (G capped at 0.3)', () => {
    const easyGuess = defaultBktParams(2);
    let p = easyGuess.pInit;
    let answers = 0;
    while (masteryLevel(p) !== 'mastered') {
      p = updateKnown(p, true, easyGuess);
      answers++;
    }
    expect(answers).toBe(4);
  });
});

describe('BKT guess from option count', () => {
  it('is 1/k, capped at 0.3, and 0.2 for open answers', () => {
    expect(guessForOptions(4)).toBe(0.25);
    expect(guessForOptions(5)).toBe(0.2);
    expect(guessForOptions(2)).toBe(0.3);
    expect(guessForOptions(3)).toBe(0.3);
    expect(guessForOptions(undefined)).toBe(0.2);
  });

  it('rejects nonsense option counts', () => {
    expect(() => guessForOptions(1)).toThrow(/option count/);
    expect(() => guessForOptions(2.5)).toThrow(/option count/);
  });
});

describe('BKT validation', () => {
  it('rejects out-of-range parameters and P(L)', () => {
    const bad = (over: Partial<BktParams>) => () => validateBktParams({ ...defaults, ...over });
    expect(bad({ pGuess: 0.35 })).toThrow(/pGuess must be ≤ 0.3/);
    expect(bad({ pSlip: 0.2 })).toThrow(/pSlip must be ≤ 0.1/);
    expect(bad({ pLearn: 1.5 })).toThrow(/pLearn must be a probability/);
    expect(bad({ pInit: Number.NaN })).toThrow(/pInit must be a probability/);
    expect(() => updateKnown(-0.1, true, defaults)).toThrow(/P\(L\)/);
    expect(() => predictCorrectFromMastery(Number.NaN, defaults)).toThrow(/P\(L\)/);
  });
});

describe('mastery levels and unlocking', () => {
  it('maps P(L) to levels at 0.5 / 0.8 / 0.95', () => {
    expect(masteryLevel(0.2)).toBe('attempted');
    expect(masteryLevel(0.5)).toBe('familiar');
    expect(masteryLevel(0.8)).toBe('proficient');
    expect(masteryLevel(0.949)).toBe('proficient');
    expect(masteryLevel(0.95)).toBe('mastered');
  });

  it('unlocks only when every prerequisite is at least proficient', () => {
    expect(isUnlocked([])).toBe(true);
    expect(isUnlocked(['proficient', 'mastered'])).toBe(true);
    expect(isUnlocked(['mastered', 'familiar'])).toBe(false);
    expect(isUnlocked(['attempted'])).toBe(false);
  });
});
