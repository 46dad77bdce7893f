import { describe, expect, it } from 'vitest';
import {
  bandOf,
  classTotals,
  learnerAverage,
  nextOrder,
  percent,
  reportFileName,
  sortLearners,
  type ReportLearner,
} from './heatmap';

const concepts = [{ slug: 'nodes' }, { slug: 'edges' }];

function learner(userId: string, displayName: string, nodes: number | null, edges: number | null): ReportLearner {
  const cell = (p: number | null) => (p === null ? null : { level: 'x', probability: p });
  return {
    userId,
    displayName,
    lastActiveAt: null,
    answers: 10,
    accuracy: 0.5,
    mastery: { nodes: cell(nodes), edges: cell(edges) },
  };
}

describe('bandOf', () => {
  it('follows the learner model’s level thresholds, with "none" for a concept not practised', () => {
    expect(bandOf(null)).toBe('none');
    expect(bandOf(undefined)).toBe('none');
    expect(bandOf({ level: 'attempted', probability: 0.49 })).toBe('attempted');
    expect(bandOf({ level: 'familiar', probability: 0.5 })).toBe('familiar');
    expect(bandOf({ level: 'familiar', probability: 0.799 })).toBe('familiar');
    expect(bandOf({ level: 'proficient', probability: 0.8 })).toBe('proficient');
    expect(bandOf({ level: 'mastered', probability: 0.95 })).toBe('mastered');
  });
});

describe('learnerAverage and sortLearners', () => {
  const ada = learner('1', 'Ada', 0.9, 0.7);
  const bob = learner('2', 'bob', 0.4, null);
  const cy = learner('3', 'Cy', null, null);

  it('averages over every concept, a concept not practised counting as 0', () => {
    expect(learnerAverage(ada, concepts)).toBeCloseTo(0.8);
    expect(learnerAverage(bob, concepts)).toBeCloseTo(0.2);
    expect(learnerAverage(cy, concepts)).toBe(0);
    expect(learnerAverage(ada, [])).toBe(0);
  });

  it('sorts by name whatever the case, and by average with ties broken by name', () => {
    const names = (list: ReportLearner[]) => list.map((l) => l.displayName);
    expect(names(sortLearners([cy, bob, ada], concepts, { key: 'name', direction: 'ascending' }))).toEqual([
      'Ada',
      'bob',
      'Cy',
    ]);
    expect(names(sortLearners([ada, bob, cy], concepts, { key: 'name', direction: 'descending' }))).toEqual([
      'Cy',
      'bob',
      'Ada',
    ]);
    expect(names(sortLearners([cy, bob, ada], concepts, { key: 'average', direction: 'descending' }))).toEqual([
      'Ada',
      'bob',
      'Cy',
    ]);
    const dee = learner('4', 'Dee', null, null);
    expect(names(sortLearners([dee, ada, cy], concepts, { key: 'average', direction: 'ascending' }))).toEqual([
      'Cy',
      'Dee',
      'Ada',
    ]);
  });

  it('flips the direction on the same header and starts names A→Z, averages high→low', () => {
    expect(nextOrder({ key: 'name', direction: 'ascending' }, 'name')).toEqual({
      key: 'name',
      direction: 'descending',
    });
    expect(nextOrder({ key: 'name', direction: 'ascending' }, 'average')).toEqual({
      key: 'average',
      direction: 'descending',
    });
    expect(nextOrder({ key: 'average', direction: 'descending' }, 'name')).toEqual({
      key: 'name',
      direction: 'ascending',
    });
  });
});

describe('formatting', () => {
  it('writes whole percents, the API’s CSV file name and the class totals', () => {
    expect(percent(0.723)).toBe('72%');
    expect(percent(1)).toBe('100%');
    expect(reportFileName('Period 3: Graphs!')).toBe('Period-3-Graphs--report.csv');
    expect(reportFileName('***')).toBe('--report.csv');
    expect(reportFileName('')).toBe('class-report.csv');
    const quiet = { ...learner('5', 'Eve', null, null), answers: 0, accuracy: null };
    expect(
      classTotals([learner('1', 'A', 1, 1), { ...learner('2', 'B', 1, 1), answers: 30, accuracy: 1 }, quiet]),
    ).toEqual({ answers: 40, accuracy: 0.875 });
    expect(classTotals([quiet])).toEqual({ answers: 0, accuracy: null });
  });
});
