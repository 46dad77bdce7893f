import { describe, expect, it } from 'vitest';
import { explain, learningPath, nextLesson, recommendations, resolveConcept } from './content-curator';
import { buildSnapshot, conceptId } from './fixtures';
import type { SnapshotConcept } from './snapshot';

const slugs = (concepts: SnapshotConcept[]) => concepts.map((concept) => concept.slug);
const middle = buildSnapshot(); // Nodes mastered, Edges 0.6, Walkers open, Abilities and Traversal locked

function assertTopological(path: SnapshotConcept[]): void {
  const seen = new Set<string>();
  for (const concept of path) {
    for (const prereq of concept.prerequisites) {
      const inPath = path.some((c) => c.id === prereq);
      if (inPath) expect(seen.has(prereq), `${concept.slug} before its prerequisite ${prereq}`).toBe(true);
    }
    seen.add(concept.id);
  }
}

describe('learningPath', () => {
  it('puts the frontier first in teaching order, then the locked rest, and leaves mastered concepts out', () => {
    expect(slugs(learningPath(middle))).toEqual(['edges', 'walkers', 'abilities', 'visit']);
  });

  it('for a locked target, lists its unmet prerequisites (weakest ready one first) before it', () => {
    const path = learningPath(middle, 'visit');
    // Walkers (never practised) is weaker than Edges (0.6), and Abilities needs Walkers.
    expect(slugs(path)).toEqual(['walkers', 'abilities', 'edges', 'visit']);
    assertTopological(path);
  });

  it('takes the weaker of two ready prerequisites first', () => {
    const snapshot = buildSnapshot({
      mastery: {
        nodes: { pKnown: 0.97, answers: 8 },
        edges: { pKnown: 0.2, answers: 3 },
        walkers: { pKnown: 0.45, answers: 2 },
      },
    });
    const path = learningPath(snapshot, 'visit');
    expect(slugs(path)).toEqual(['edges', 'walkers', 'abilities', 'visit']);
    assertTopological(path);
  });

  it('skips prerequisites that are already Proficient', () => {
    const snapshot = buildSnapshot({
      mastery: {
        nodes: { pKnown: 0.97, answers: 8 },
        edges: { pKnown: 0.85, answers: 6 },
        walkers: { pKnown: 0.9, answers: 6 },
      },
    });
    expect(slugs(learningPath(snapshot, 'visit'))).toEqual(['abilities', 'visit']);
    expect(slugs(learningPath(snapshot, 'abilities'))).toEqual(['abilities']);
  });

  it('returns just the target when it is mastered, and the whole path for an unknown target', () => {
    expect(slugs(learningPath(middle, 'nodes'))).toEqual(['nodes']);
    expect(slugs(learningPath(middle, 'no-such-concept'))).toEqual(slugs(learningPath(middle)));
  });
});

describe('recommendations', () => {
  it('builds on recommend(): reviews, then weak practice, then new concepts, each with a reason and a match', () => {
    const list = recommendations(buildSnapshot({ reviews: { dueNow: 3, dueToday: 5 } }), 5);
    expect(list.map((r) => [r.kind, r.concept?.slug ?? null])).toEqual([
      ['review', null],
      ['practice', 'edges'],
      ['lesson', 'walkers'],
    ]);
    expect(list[0]).toMatchObject({ count: 3, match: 0.93 });
    expect(list[1]?.reason).toContain('Familiar in Edges');
    expect(list[1]?.match).toBe(0.66); // 0.5 + 0.4 × (1 − 0.6)
    expect(list[2]?.lesson?.slug).toBe('first-walker');
    expect(list[2]?.reason).toContain('You are ready: Nodes is Proficient or better.');
    for (const rec of list) {
      expect(rec.match).toBeGreaterThanOrEqual(0);
      expect(rec.match).toBeLessThanOrEqual(1);
    }
  });

  it('scores practice on a weaker concept higher', () => {
    const weak = recommendations(
      buildSnapshot({ mastery: { nodes: { pKnown: 0.97, answers: 8 }, edges: { pKnown: 0.25, answers: 4 } } }),
    );
    const strong = recommendations(
      buildSnapshot({ mastery: { nodes: { pKnown: 0.97, answers: 8 }, edges: { pKnown: 0.7, answers: 4 } } }),
    );
    const edges = (list: typeof weak) => list.find((r) => r.concept?.slug === 'edges')?.match ?? 0;
    expect(edges(weak)).toBeGreaterThan(edges(strong));
  });

  it('respects the limit', () => {
    expect(recommendations(buildSnapshot({ reviews: { dueNow: 2, dueToday: 2 } }), 1).map((r) => r.kind)).toEqual([
      'review',
    ]);
  });
});

describe('nextLesson', () => {
  it('is the first unread lesson of the earliest frontier concept', () => {
    expect(nextLesson(middle)?.slug).toBe('connecting-nodes');
    const edgesRead = buildSnapshot({ completedLessons: ['nodes-and-root', 'node-data', 'connecting-nodes'] });
    expect(nextLesson(edgesRead)?.slug).toBe('first-walker');
  });

  it('is null when every frontier lesson has been read (locked lessons do not count)', () => {
    const allRead = buildSnapshot({
      completedLessons: ['nodes-and-root', 'node-data', 'connecting-nodes', 'first-walker'],
    });
    expect(nextLesson(allRead)).toBeNull();
  });
});

describe('resolveConcept', () => {
  it.each([
    ['walkers', 'walkers'],
    ['Walkers', 'walkers'],
    ['edge', 'edges'],
    ['an edges', 'edges'],
    ['visit', 'visit'],
    ['traversal with visit', 'visit'],
    ['by-value', 'nodes'],
    ['spawn', 'walkers'],
    ['++>', 'edges'],
    ['the root node', 'nodes'],
    ['can', 'abilities'],
  ])('%j → %s', (topic, slug) => {
    expect(resolveConcept(middle, topic)?.slug).toBe(slug);
  });

  it('returns null when nothing in the course matches', () => {
    expect(resolveConcept(middle, 'quantum chromodynamics')).toBeNull();
    expect(resolveConcept(middle, '   ')).toBeNull();
    expect(resolveConcept(middle, 'what is')).toBeNull();
  });
});

describe('explain', () => {
  it('quotes the best-matching lesson and links it and its concept, with an action to open it', () => {
    const reply = explain(middle, 'walkers');
    expect(reply.agent).toBe('content-curator');
    expect(reply.text).toContain('From the lesson "Your first walker" (Walkers)');
    expect(reply.text).toMatch(/> .*walker/i);
    expect(reply.links).toContainEqual({
      kind: 'lesson',
      course: 'osp-with-jac',
      slug: 'first-walker',
      title: 'Your first walker',
    });
    expect(reply.links).toContainEqual({ kind: 'concept', course: 'osp-with-jac', slug: 'walkers', title: 'Walkers' });
    expect(reply.action).toEqual({ kind: 'lesson', course: 'osp-with-jac', lesson: 'first-walker' });
  });

  it('quotes prose, not code', () => {
    const reply = explain(middle, 'spawn');
    expect(reply.text).toContain('root spawn Census()');
    expect(reply.text).not.toContain('has count: int = 0;');
  });

  it('says when the concept is still locked and what opens it', () => {
    const reply = explain(middle, 'abilities');
    expect(reply.text).toContain('"Abilities: code that runs on arrival"');
    expect(reply.text).toContain('Abilities is still locked: it opens once Walkers is Proficient.');
  });

  it('moves on to the next paragraph on a follow-up, then says when there is nothing more', () => {
    const first = explain(middle, 'walkers');
    const second = explain(middle, 'walkers', [first.text]);
    expect(second.text).not.toEqual(first.text);
    expect(second.text).toContain('From the lesson "Your first walker"');
    const third = explain(middle, 'walkers', [first.text, second.text]);
    expect(third.text).toContain('That is everything the lessons of Walkers say');
    expect(third.action).toEqual({ kind: 'practice', course: 'osp-with-jac', concept: 'walkers', mode: 'diagnostic' });
  });

  it('says honestly when nothing matches and suggests the next frontier lesson', () => {
    const reply = explain(middle, 'quantum chromodynamics');
    expect(reply.text).toContain(
      'I could not find anything about "quantum chromodynamics" in Object-Spatial Programming with Jac.',
    );
    expect(reply.text).toContain('Your next concept is Edges: the lesson "Connecting nodes with edges"');
    expect(reply.action).toEqual({ kind: 'lesson', course: 'osp-with-jac', lesson: 'connecting-nodes' });
    expect(reply.links.map((link) => link.kind)).toEqual(['lesson', 'concept']);
  });

  it('keeps to the resolved concept even when another lesson mentions the word more', () => {
    const reply = explain(middle, 'edges');
    expect(reply.action).toEqual({ kind: 'lesson', course: 'osp-with-jac', lesson: 'connecting-nodes' });
    expect(reply.links.filter((link) => link.kind === 'concept')).toEqual([
      { kind: 'concept', course: 'osp-with-jac', slug: 'edges', title: 'Edges' },
    ]);
    expect(conceptId('edges')).toBe('c-edges');
  });
});
