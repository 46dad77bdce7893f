/**
 * Test fixtures for the tutor agents (imported only by tests): a small Jac course
 * (nodes → edges, nodes → walkers → abilities, edges + abilities → visit) with realistic
 * lessons, and a learner whose concept statuses are derived from their estimates by the
 * real concept-status rules, so a crafted learner is always a consistent one.
 */
import { masteryLevel } from '../../worker/learning/bkt';
import { conceptStandings } from '../../worker/learning/concept-status';
import type { Difficulty, LearnerSnapshot, SnapshotAttempt, SnapshotConcept, SnapshotLesson } from './snapshot';

export const NOW = '2026-03-11T15:00:00.000Z'; // a Wednesday, 16:00 in Berlin (UTC+1)
export const COURSE = { slug: 'osp-with-jac', title: 'Object-Spatial Programming with Jac' };

const GRAPH: { slug: string; title: string; prerequisites: string[] }[] = [
  { slug: 'nodes', title: 'Nodes', prerequisites: [] },
  { slug: 'edges', title: 'Edges', prerequisites: ['nodes'] },
  { slug: 'walkers', title: 'Walkers', prerequisites: ['nodes'] },
  { slug: 'abilities', title: 'Abilities', prerequisites: ['walkers'] },
  { slug: 'visit', title: 'Traversal with visit', prerequisites: ['edges', 'abilities'] },
];

export const conceptId = (slug: string): string => `c-${slug}`;

const LESSONS: Omit<SnapshotLesson, 'completed'>[] = [
  {
    slug: 'nodes-and-root',
    title: 'Nodes and the root node',
    conceptId: conceptId('nodes'),
    position: 0,
    body: `# Nodes and the root node

A **node** is a place in your graph that holds data: a person, a city, a task. You declare
one with the \`node\` archetype and give it \`has\` fields, just like an object.

\`\`\`jac
node Person {
    has name: str;
    has age: int = 0;
}
\`\`\`

Every Jac program starts with one node already there: \`root\`. Anything you connect to
\`root\`, directly or through other nodes, stays part of the graph while the program runs.`,
  },
  {
    slug: 'node-data',
    title: 'Node data: references, not copies',
    conceptId: conceptId('nodes'),
    position: 1,
    body: `# Node data: references, not copies

A variable that holds a node holds a reference to it. Passing a node to a function does
not pass it by-value: the function sees the same node, and a change to its fields is a
change everyone sees.

If you do want an independent copy, build a new node from the old one's fields.`,
  },
  {
    slug: 'connecting-nodes',
    title: 'Connecting nodes with edges',
    conceptId: conceptId('edges'),
    position: 0,
    body: `# Connecting nodes with edges

An **edge** is a connection from one node to another. The \`++>\` operator connects the
node on its left to the node on its right and returns the new neighbour.

\`\`\`jac
with entry {
    ana = root ++> Person(name="Ana");
}
\`\`\`

Edges have a direction. \`a ++> b\` makes an edge from a to b; \`a <++> b\` connects both
ways. A typed edge such as \`edge Friend { has since: int; }\` can hold data of its own.`,
  },
  {
    slug: 'first-walker',
    title: 'Your first walker',
    conceptId: conceptId('walkers'),
    position: 0,
    body: `# Your first walker

Until now, code that looked at your graph lived outside it. A **walker** is code that can
stand on a node, look around and decide where to go next.

A walker is an archetype like \`obj\` and \`node\`. It holds data in \`has\` fields, and you
put it on the graph with \`spawn\`: \`root spawn Census()\` starts a Census walker at root.

\`\`\`jac
walker Census {
    has count: int = 0;
}
\`\`\``,
  },
  {
    slug: 'abilities-on-arrival',
    title: 'Abilities: code that runs on arrival',
    conceptId: conceptId('abilities'),
    position: 0,
    body: `# Abilities: code that runs on arrival

An **ability** is a block of code declared with \`can\` that runs by itself when a walker
arrives somewhere. You never call an ability: the event after \`with\` decides when it fires.

\`\`\`jac
can tally with \`root entry {
    self.count = len([-->]);
}
\`\`\`

\`with \`root entry\` fires when the walker enters the root node; \`with Room entry\` fires on
every Room it reaches, and \`with exit\` runs as it leaves.`,
  },
  {
    slug: 'visit-basics',
    title: 'Moving with visit',
    conceptId: conceptId('visit'),
    position: 0,
    body: `# Moving with visit

A walker moves along edges with \`visit\`. The statement \`visit [-->];\` queues every
neighbour the current node points to, and the walker travels to them one by one.

When the queue is empty the walk ends. \`visit [-->] else { ... }\` runs the else block
when there is nowhere to go, which is handy at the leaves of a tree.`,
  },
];

export interface MasterySpec {
  pKnown: number;
  answers: number;
  correct?: number;
  lastPracticedAt?: string;
}

export interface FixtureOptions extends Partial<Omit<LearnerSnapshot, 'concepts' | 'lessons'>> {
  /** Estimates by concept slug; concepts left out have never been practised. */
  mastery?: Record<string, MasterySpec>;
  /** Lesson slugs the learner has completed. */
  completedLessons?: string[];
}

/**
 * A learner in the middle of the course by default: Nodes mastered, Edges in progress,
 * Walkers unlocked but never practised, Abilities and Traversal locked.
 */
export function buildSnapshot(options: FixtureOptions = {}): LearnerSnapshot {
  const { mastery = DEFAULT_MASTERY, completedLessons = ['nodes-and-root', 'node-data'], ...overrides } = options;
  const standings = conceptStandings(
    GRAPH.map((c) => ({ id: conceptId(c.slug), prerequisites: c.prerequisites.map(conceptId) })),
    new Map(Object.entries(mastery).map(([slug, m]) => [conceptId(slug), m])),
  );
  const concepts: SnapshotConcept[] = GRAPH.map((c, position) => {
    const m = mastery[c.slug];
    const standing = standings.get(conceptId(c.slug));
    return {
      id: conceptId(c.slug),
      slug: c.slug,
      title: c.title,
      position,
      prerequisites: c.prerequisites.map(conceptId),
      status: standing?.status ?? 'locked',
      level: m && m.answers > 0 ? masteryLevel(m.pKnown) : null,
      pKnown: m && m.answers > 0 ? m.pKnown : null,
      answers: m?.answers ?? 0,
      correct: m?.correct ?? Math.round((m?.answers ?? 0) * (m?.pKnown ?? 0)),
      lastPracticedAt: m?.lastPracticedAt ?? (m ? '2026-03-10T18:00:00.000Z' : null),
    };
  });
  return {
    userId: 'u-1',
    displayName: 'Ana',
    timeZone: 'Europe/Berlin',
    now: NOW,
    course: COURSE,
    concepts,
    lessons: LESSONS.map((lesson) => ({ ...lesson, completed: completedLessons.includes(lesson.slug) })),
    recentAttempts: [],
    masteryHistory: [],
    reviews: { dueNow: 0, dueToday: 0 },
    session: null,
    xp: { total: 420, today: 10, dailyGoal: 50, tier: 'Silver' },
    streak: { current: 4, longest: 9, atRisk: true, freezeAvailable: true },
    dailyXp: [],
    lastActiveAt: '2026-03-10T18:00:00.000Z',
    lastFeedback: null,
    ...overrides,
  };
}

const DEFAULT_MASTERY: Record<string, MasterySpec> = {
  nodes: { pKnown: 0.97, answers: 8, correct: 7 },
  edges: { pKnown: 0.6, answers: 5, correct: 3 },
};

export type AttemptSpec = readonly [conceptSlug: string, correct: boolean, difficulty?: Difficulty];

/** Attempts newest first (as in the snapshot), one a minute back from `newestAt`. */
export function attempts(specs: readonly AttemptSpec[], newestAt = NOW, predicted = 0.75): SnapshotAttempt[] {
  const newest = Date.parse(newestAt);
  return specs.map(([slug, correct, difficulty = 'medium'], index) => ({
    itemId: `i-${slug}-${index}`,
    itemSlug: `${slug}-item-${index}`,
    conceptId: conceptId(slug),
    type: 'multiple-choice',
    difficulty,
    correct,
    elapsedMs: 20_000,
    hintsUsed: 0,
    predicted,
    at: new Date(newest - index * 60_000).toISOString(),
  }));
}

/** `days` consecutive local days ending on `lastDay`, oldest first, with the given XP per day. */
export function dailyXp(xpPerDay: readonly number[], lastDay = '2026-03-11'): { day: string; xp: number }[] {
  const last = Date.parse(`${lastDay}T00:00:00Z`);
  return xpPerDay.map((xp, index) => ({
    day: new Date(last - (xpPerDay.length - 1 - index) * 86_400_000).toISOString().slice(0, 10),
    xp,
  }));
}
