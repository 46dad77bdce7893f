/**
 * The progress screen's numbers, shaped for its charts and their tables: mastery of a
 * course's concepts per day (carried forward between the days they changed), and the
 * calibration bins (accuracy against what was predicted). Pure.
 */

export interface HistoryDay {
  day: string;
  xp: number;
  answers: number;
  accuracy: number | null;
  mastery: { course: string; concept: string; probability: number; level: string }[];
}

export interface MasteryLine {
  concept: string;
  /** One value per day, null before the concept's first estimate in the period. */
  values: (number | null)[];
}

export interface MasterySeries {
  days: string[];
  /** Each day's start (UTC) in seconds, uPlot's time axis. */
  x: number[];
  lines: MasteryLine[];
}

export const MAX_LINES = 6;

export function dayToSeconds(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

/**
 * Per concept of `course` estimated in the period, its mastery at each day's end; the
 * most practised concepts first (days with a new estimate), at most `maxLines`, so the
 * chart stays readable. The table shows the same lines.
 */
export function masterySeries(days: readonly HistoryDay[], course: string, maxLines = MAX_LINES): MasterySeries {
  const activeDays = new Map<string, number>();
  for (const day of days) {
    for (const entry of day.mastery) {
      if (entry.course === course) activeDays.set(entry.concept, (activeDays.get(entry.concept) ?? 0) + 1);
    }
  }
  const firstSeen = (concept: string) =>
    days.findIndex((day) => day.mastery.some((entry) => entry.course === course && entry.concept === concept));
  const concepts = [...activeDays.keys()]
    .sort((a, b) => (activeDays.get(b) ?? 0) - (activeDays.get(a) ?? 0) || firstSeen(a) - firstSeen(b))
    .slice(0, maxLines);
  const lines = concepts.map((concept): MasteryLine => {
    let last: number | null = null;
    return {
      concept,
      values: days.map((day) => {
        const entry = day.mastery.find((candidate) => candidate.course === course && candidate.concept === concept);
        if (entry) last = entry.probability;
        return last;
      }),
    };
  });
  return { days: days.map((day) => day.day), x: days.map((day) => dayToSeconds(day.day)), lines };
}

/** The course with the most recent estimate in the history, to open the screen on. */
export function latestCourse(days: readonly HistoryDay[]): string | null {
  for (let i = days.length - 1; i >= 0; i--) {
    const entry = days[i]?.mastery[0];
    if (entry) return entry.course;
  }
  return null;
}

/** Rows of the history table: only days with answers or a change in mastery. */
export function activeDays(days: readonly HistoryDay[], course: string): HistoryDay[] {
  return days.filter((day) => day.answers > 0 || day.mastery.some((entry) => entry.course === course));
}

export interface CalibrationBin {
  from: number;
  to: number;
  answers: number;
  meanPredicted: number | null;
  accuracy: number | null;
}

export interface CalibrationSeries {
  /** Mean predicted success per bin with answers, ascending. */
  x: number[];
  actual: number[];
  /** Perfect calibration: accuracy equal to prediction. */
  ideal: number[];
  bins: CalibrationBin[];
}

export function calibrationSeries(bins: readonly CalibrationBin[]): CalibrationSeries {
  const used = bins
    .filter((bin) => bin.answers > 0 && bin.meanPredicted !== null && bin.accuracy !== null)
    .sort((a, b) => (a.meanPredicted ?? 0) - (b.meanPredicted ?? 0));
  return {
    x: used.map((bin) => bin.meanPredicted ?? 0),
    actual: used.map((bin) => bin.accuracy ?? 0),
    ideal: used.map((bin) => bin.meanPredicted ?? 0),
    bins: used,
  };
}

/** One sentence on how predictions compare with results, for the chart's text alternative. */
export function calibrationSentence(calibration: {
  answers: number;
  meanPredicted: number | null;
  accuracy: number | null;
}): string {
  if (calibration.answers === 0 || calibration.meanPredicted === null || calibration.accuracy === null) {
    return 'No answers yet to compare with predictions.';
  }
  const predicted = Math.round(calibration.meanPredicted * 100);
  const actual = Math.round(calibration.accuracy * 100);
  const verdict =
    Math.abs(actual - predicted) <= 5
      ? 'close to what was predicted'
      : actual > predicted
        ? 'better than predicted'
        : 'below what was predicted';
  return `Over your last ${calibration.answers} answers, ${actual}% were right against ${predicted}% predicted: ${verdict}.`;
}
