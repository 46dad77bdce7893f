/**
 * Accuracy versus prediction: does the Elo model's predicted P(correct) match how often the
 * learner is actually right? Binned like a reliability diagram, plus the Brier score. The
 * same numbers check the selection target (learners should succeed about 75% of the time).
 */
import { toThousandths } from './precision';
export interface PredictedAnswer {
  predicted: number;
  correct: boolean;
}

export interface CalibrationBin {
  /** [from, to) of predicted probability; the last bin includes 1. */
  from: number;
  to: number;
  answers: number;
  meanPredicted: number | null;
  accuracy: number | null;
}

export interface Calibration {
  answers: number;
  meanPredicted: number | null;
  accuracy: number | null;
  /** Mean squared error of the predictions; lower is better, 0.25 is a coin's. */
  brier: number | null;
  bins: CalibrationBin[];
}

export function calibration(answers: readonly PredictedAnswer[], binCount = 10): Calibration {
  const sums = Array.from({ length: binCount }, () => ({ n: 0, predicted: 0, correct: 0 }));
  let predicted = 0;
  let correct = 0;
  let squared = 0;
  for (const answer of answers) {
    const p = Math.min(1, Math.max(0, answer.predicted));
    const hit = answer.correct ? 1 : 0;
    const bin = sums[Math.min(binCount - 1, Math.floor(p * binCount))];
    if (!bin) continue;
    bin.n += 1;
    bin.predicted += p;
    bin.correct += hit;
    predicted += p;
    correct += hit;
    squared += (p - hit) ** 2;
  }
  const n = answers.length;
  return {
    answers: n,
    meanPredicted: n ? toThousandths(predicted / n) : null,
    accuracy: n ? toThousandths(correct / n) : null,
    brier: n ? toThousandths(squared / n) : null,
    bins: sums.map((bin, index) => ({
      from: index / binCount,
      to: (index + 1) / binCount,
      answers: bin.n,
      meanPredicted: bin.n ? toThousandths(bin.predicted / bin.n) : null,
      accuracy: bin.n ? toThousandths(bin.correct / bin.n) : null,
    })),
  };
}
