/** The progress charts' data: mastery carried forward per concept, the busiest concepts first, calibration bins in order. */
import { describe, expect, it } from 'vitest';
import {
  activeDays,
  calibrationSentence,
  calibrationSeries,
  dayToSeconds,
  latestCourse,
  masterySeries,
  type HistoryDay,
} from './progress-data';

const day = (date: string, mastery: [string, string, number][] = [], answers = 0): HistoryDay => ({
  day: date,
  xp: answers * 10,
  answers,
  accuracy: answers ? 0.5 : null,
  mastery: mastery.map(([course, concept, probability]) => ({ course, concept, probability, level: 'familiar' })),
});

const HISTORY: HistoryDay[] = [
  day('2025-03-01'),
  day('2025-03-02', [['osp', 'nodes', 0.3]], 4),
  day('2025-03-03'),
  day(
    '2025-03-04',
    [
      ['osp', 'nodes', 0.6],
      ['osp', 'walkers', 0.2],
      ['js', 'bfs', 0.5],
    ],
    6,
  ),
  day('2025-03-05', [['osp', 'nodes', 0.8]], 3),
];

describe('masterySeries', () => {
  it('carries each concept’s mastery forward between estimates, null before the first', () => {
    const series = masterySeries(HISTORY, 'osp');
    expect(series.days).toEqual(HISTORY.map((d) => d.day));
    expect(series.x[0]).toBe(Date.UTC(2025, 2, 1) / 1000);
    expect(series.lines).toEqual([
      { concept: 'nodes', values: [null, 0.3, 0.3, 0.6, 0.8] },
      { concept: 'walkers', values: [null, null, null, 0.2, 0.2] },
    ]);
  });

  it('keeps to the chosen course and to the most practised concepts', () => {
    expect(masterySeries(HISTORY, 'js').lines.map((line) => line.concept)).toEqual(['bfs']);
    expect(masterySeries(HISTORY, 'osp', 1).lines.map((line) => line.concept)).toEqual(['nodes']);
    expect(masterySeries(HISTORY, 'none').lines).toEqual([]);
  });

  it('lists only days with activity in the table, and finds the course practised last', () => {
    expect(activeDays(HISTORY, 'osp').map((d) => d.day)).toEqual(['2025-03-02', '2025-03-04', '2025-03-05']);
    expect(latestCourse(HISTORY)).toBe('osp');
    expect(latestCourse([day('2025-03-01')])).toBeNull();
    expect(dayToSeconds('1970-01-02')).toBe(86_400);
  });
});

describe('calibration', () => {
  it('keeps bins with answers, in order of prediction, with the ideal line beside them', () => {
    const series = calibrationSeries([
      { from: 0.8, to: 0.9, answers: 4, meanPredicted: 0.84, accuracy: 0.75 },
      { from: 0, to: 0.1, answers: 0, meanPredicted: null, accuracy: null },
      { from: 0.6, to: 0.7, answers: 2, meanPredicted: 0.65, accuracy: 1 },
    ]);
    expect(series.x).toEqual([0.65, 0.84]);
    expect(series.actual).toEqual([1, 0.75]);
    expect(series.ideal).toEqual([0.65, 0.84]);
    expect(series.bins.map((bin) => bin.from)).toEqual([0.6, 0.8]);
  });

  it('says in words how results compare with predictions', () => {
    expect(calibrationSentence({ answers: 20, meanPredicted: 0.75, accuracy: 0.77 })).toBe(
      'Over your last 20 answers, 77% were right against 75% predicted: close to what was predicted.',
    );
    expect(calibrationSentence({ answers: 20, meanPredicted: 0.75, accuracy: 0.9 })).toMatch(/better than predicted/);
    expect(calibrationSentence({ answers: 20, meanPredicted: 0.75, accuracy: 0.5 })).toMatch(
      /below what was predicted/,
    );
    expect(calibrationSentence({ answers: 0, meanPredicted: null, accuracy: null })).toMatch(/No answers yet/);
  });
});
