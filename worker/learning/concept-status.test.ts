import { describe, expect, it } from 'vitest';
import { conceptStandings, frontier, unlockedConcepts } from './concept-status';

const graph = [
  { id: 'a', prerequisites: [] },
  { id: 'b', prerequisites: ['a'] },
  { id: 'c', prerequisites: ['a', 'b'] },
];

describe('conceptStandings', () => {
  it('locks a concept until every prerequisite is Proficient', () => {
    const fresh = conceptStandings(graph, new Map());
    expect([...fresh.values()].map((s) => s.status)).toEqual(['available', 'locked', 'locked']);

    const familiar = conceptStandings(graph, new Map([['a', { pKnown: 0.6, answers: 2 }]]));
    expect(familiar.get('a')).toEqual({ status: 'in-progress', level: 'familiar', pKnown: 0.6 });
    expect(familiar.get('b')?.status).toBe('locked');

    const proficient = conceptStandings(graph, new Map([['a', { pKnown: 0.8, answers: 3 }]]));
    expect(proficient.get('b')?.status).toBe('available');
    expect(proficient.get('c')?.status).toBe('locked');
  });

  it('marks mastery at 0.95, and a mastered concept stays open for practice but leaves the frontier', () => {
    const standings = conceptStandings(
      graph,
      new Map([
        ['a', { pKnown: 0.96, answers: 9 }],
        ['b', { pKnown: 0.3, answers: 1 }],
      ]),
    );
    expect(standings.get('a')?.status).toBe('mastered');
    expect([...unlockedConcepts(standings)]).toEqual(['a', 'b']);
    expect([...frontier(standings)]).toEqual(['b']);
  });

  it('treats a row with no answers as not practised', () => {
    const standings = conceptStandings(graph, new Map([['a', { pKnown: 0.9, answers: 0 }]]));
    expect(standings.get('a')).toEqual({ status: 'available', level: null, pKnown: null });
    expect(standings.get('b')?.status).toBe('locked');
  });
});
