import { describe, expect, it } from 'vitest';
import { classReport, csvCell, reportCsv } from './report';

const concepts = [
  { id: 'c1', slug: 'nodes', title: 'Nodes' },
  { id: 'c2', slug: 'walkers', title: 'Walkers' },
];
const learners = [
  { userId: 'u1', displayName: 'Ada', lastActiveAt: new Date('2026-11-25T10:00:00Z') },
  { userId: 'u2', displayName: 'Bo, Jr.', lastActiveAt: null },
];

describe('classReport', () => {
  it('builds the learner × concept grid and finds the struggling concepts', () => {
    const report = classReport(concepts, learners, [
      { userId: 'u1', conceptId: 'c1', pKnown: 0.9, answers: 4, correct: 4 },
      { userId: 'u1', conceptId: 'c2', pKnown: 0.3, answers: 2, correct: 0 },
      { userId: 'u2', conceptId: 'c2', pKnown: 0.45, answers: 2, correct: 1 },
      { userId: 'u2', conceptId: 'c1', pKnown: 0.2, answers: 0, correct: 0 },
    ]);
    expect(report.learners[0]).toEqual({
      userId: 'u1',
      displayName: 'Ada',
      lastActiveAt: '2026-11-25T10:00:00.000Z',
      answers: 6,
      accuracy: 0.667,
      mastery: { nodes: { level: 'proficient', probability: 0.9 }, walkers: { level: 'attempted', probability: 0.3 } },
    });
    expect(report.learners[1]?.mastery.nodes).toBeNull();
    expect(report.struggling).toEqual([
      { concept: 'walkers', title: 'Walkers', learners: 2, meanProbability: 0.375, belowFamiliar: 2 },
    ]);
  });

  it('writes CSV that spreadsheets read safely', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell(null)).toBe('');
    const csv = reportCsv(classReport(concepts, learners, []));
    expect(csv.split('\r\n')).toEqual([
      'learner,last active,answers,accuracy,nodes,walkers',
      'Ada,2026-11-25T10:00:00.000Z,0,,,',
      '"Bo, Jr.",,0,,,',
      '',
    ]);
  });
});
