/** The course map's concepts: graph joined with the skill map, and the words for each state. */
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/client';
import { conceptLabel, mapConcepts, plainTitle, stateCounts, stateLine } from './concepts';

const course: Schemas['Course'] = {
  slug: 'osp',
  title: 'OSP',
  summary: '',
  language: 'jac',
  languageVersion: '0.8',
  concepts: [
    {
      slug: 'nodes',
      title: 'Nodes',
      summary: 'Nodes.',
      prerequisites: [],
      lessons: [{ slug: 'n1', title: 'N1', minutes: 5 }],
      learner: { status: 'in-progress', level: 'familiar', probability: 0.5 },
    },
    { slug: 'walkers', title: '`walker`s', summary: 'Walkers.', prerequisites: ['nodes'], lessons: [] },
  ],
};

describe('mapConcepts', () => {
  it('takes the standing from the skill map, with answers, accuracy and the next review', () => {
    const skills: Schemas['SkillMap'] = {
      course: 'osp',
      concepts: [
        {
          slug: 'nodes',
          title: 'Nodes',
          prerequisites: [],
          status: 'mastered',
          level: 'mastered',
          probability: 0.96,
          answers: 10,
          accuracy: 0.9,
          lastPracticedAt: '2025-03-01T00:00:00Z',
          nextReviewAt: '2025-03-09T00:00:00Z',
        },
      ],
    };
    const [nodes, walkers] = mapConcepts(course, skills);
    expect(nodes).toMatchObject({
      state: 'mastered',
      probability: 0.96,
      answers: 10,
      accuracy: 0.9,
      nextReviewAt: '2025-03-09T00:00:00Z',
      lessons: [{ slug: 'n1', title: 'N1', minutes: 5 }],
    });
    // Not in the skill map, no learner field: locked because it has prerequisites.
    expect(walkers).toMatchObject({ state: 'locked', probability: null, answers: 0, prerequisites: ['nodes'] });
  });

  it('falls back to the course’s own learner field', () => {
    expect(mapConcepts(course)[0]).toMatchObject({ state: 'in-progress', level: 'familiar', probability: 0.5 });
  });
});

describe('state words', () => {
  it('names a node with its state and mastery', () => {
    expect(conceptLabel({ title: 'Walkers', state: 'mastered', probability: 0.92 })).toBe('Walkers — mastered, 92%');
    expect(conceptLabel({ title: 'Walkers', state: 'in-progress', probability: 0.4 })).toBe(
      'Walkers — in progress, 40%',
    );
    expect(conceptLabel({ title: '`visit`', state: 'available', probability: null })).toBe('visit — available');
    // A locked concept's old estimate is not shown as progress.
    expect(conceptLabel({ title: 'Walkers', state: 'locked', probability: 0.3 })).toBe('Walkers — locked');
  });

  it('gives the short state line and counts', () => {
    expect(stateLine({ state: 'in-progress', probability: 0.45 })).toBe('In progress · 45%');
    expect(stateLine({ state: 'available', probability: null })).toBe('Available');
    expect(plainTitle('`here`, `self` and `visitor`')).toBe('here, self and visitor');
    expect(stateCounts(mapConcepts(course))).toEqual({ locked: 1, available: 0, 'in-progress': 1, mastered: 0 });
  });
});
