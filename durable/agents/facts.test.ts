import { describe, expect, it } from 'vitest';
import {
  accuracy,
  conceptById,
  currentAttempts,
  firstUnreadLesson,
  hitStreak,
  isFrontier,
  isMet,
  lessonsOf,
  listWords,
  missStreak,
  percent,
  plural,
  practiceMode,
  standingText,
  unmetPrerequisites,
} from './facts';
import { attempts, buildSnapshot, conceptId } from './fixtures';

const middle = buildSnapshot();
const concept = (slug: string) => {
  const found = conceptById(middle, conceptId(slug));
  if (!found) throw new Error(`fixture has no ${slug}`);
  return found;
};

describe('snapshot look-ups', () => {
  it('lists a concept’s lessons in reading order and finds the first unread one', () => {
    expect(lessonsOf(middle, conceptId('nodes')).map((l) => l.slug)).toEqual(['nodes-and-root', 'node-data']);
    expect(firstUnreadLesson(middle, conceptId('nodes'))).toBeNull();
    expect(firstUnreadLesson(middle, conceptId('edges'))?.slug).toBe('connecting-nodes');
    expect(conceptById(middle, undefined)).toBeUndefined();
  });

  it('applies the unlock rule: prerequisites are met at Proficient', () => {
    expect(isMet(concept('nodes'))).toBe(true);
    expect(isMet(concept('edges'))).toBe(false); // Familiar
    expect(isMet(concept('walkers'))).toBe(false); // never practised
    expect(unmetPrerequisites(middle, concept('visit')).map((c) => c.slug)).toEqual(['edges', 'abilities']);
    expect(unmetPrerequisites(middle, concept('edges'))).toEqual([]);
  });

  it('knows the frontier and the practice mode', () => {
    expect(middle.concepts.filter(isFrontier).map((c) => c.slug)).toEqual(['edges', 'walkers']);
    expect(practiceMode(concept('edges'))).toBe('practice');
    expect(practiceMode(concept('walkers'))).toBe('diagnostic');
  });
});

describe('attempt runs', () => {
  const list = attempts([
    ['edges', false],
    ['edges', false],
    ['edges', true],
    ['edges', false],
  ]);

  it('counts misses and hits in a row from the newest attempt', () => {
    expect(missStreak(list)).toBe(2);
    expect(hitStreak(list)).toBe(0);
    expect(hitStreak(list.slice(2))).toBe(1);
    expect(missStreak([])).toBe(0);
    expect(accuracy(list)).toBe(0.25);
    expect(accuracy([])).toBeNull();
  });

  it('takes the current stretch of work from the session start, else the last 3 hours', () => {
    const old = attempts([['edges', true]], '2026-03-11T11:00:00.000Z');
    const recent = attempts([['edges', true]], '2026-03-11T14:00:00.000Z');
    const snapshot = buildSnapshot({ recentAttempts: [...recent, ...old] });
    expect(currentAttempts(snapshot)).toEqual(recent);
    const session = { id: 's', startedAt: '2026-03-11T14:30:00.000Z', answers: 0, correct: 0, xp: 0 };
    expect(currentAttempts({ ...snapshot, session })).toEqual([]);
  });
});

describe('wording', () => {
  it('formats numbers and lists the way replies read', () => {
    expect(percent(0.666)).toBe('67%');
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(3, 'day')).toBe('3 days');
    expect(plural(2, 'ability', 'abilities')).toBe('2 abilities');
    expect(listWords([])).toBe('');
    expect(listWords(['Nodes'])).toBe('Nodes');
    expect(listWords(['Nodes', 'Edges'])).toBe('Nodes and Edges');
    expect(listWords(['Nodes', 'Edges', 'Walkers'])).toBe('Nodes, Edges and Walkers');
  });

  it('states a standing as a level and a count, never a raw probability', () => {
    expect(standingText(concept('edges'))).toBe('Familiar, 3 of 5 answers right');
    expect(standingText(concept('walkers'))).toBe('not practised yet');
  });
});
