import { describe, expect, it } from 'vitest';
import { calibration } from './calibration';

describe('calibration', () => {
  it('bins predictions and compares them with outcomes', () => {
    const result = calibration([
      { predicted: 0.75, correct: true },
      { predicted: 0.72, correct: false },
      { predicted: 0.15, correct: false },
      { predicted: 1, correct: true },
    ]);
    expect(result.answers).toBe(4);
    expect(result.accuracy).toBe(0.5);
    expect(result.meanPredicted).toBe(0.655);
    // Brier: (.25² + .72² + .15² + 0²) / 4
    expect(result.brier).toBeCloseTo((0.0625 + 0.5184 + 0.0225) / 4, 3);
    expect(result.bins[7]).toMatchObject({ answers: 2, accuracy: 0.5, meanPredicted: 0.735 });
    expect(result.bins[1]).toMatchObject({ answers: 1, accuracy: 0 });
    expect(result.bins[9]).toMatchObject({ answers: 1, accuracy: 1 });
    expect(result.bins[0]).toMatchObject({ answers: 0, accuracy: null, meanPredicted: null });
  });

  it('is empty, not NaN, without answers', () => {
    expect(calibration([])).toMatchObject({ answers: 0, accuracy: null, meanPredicted: null, brier: null });
  });
});
