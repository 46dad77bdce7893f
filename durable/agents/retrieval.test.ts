import { describe, expect, it } from 'vitest';
import { buildSnapshot } from './fixtures';
import { proseParagraphs, searchLessons, stem, tokenize, trimAtWord } from './retrieval';
import type { SnapshotLesson } from './snapshot';

const lessons = buildSnapshot().lessons;
const lesson = (slug: string, title: string, body: string, position = 0): SnapshotLesson => ({
  slug,
  title,
  conceptId: 'c',
  position,
  body,
  completed: false,
});

describe('stem', () => {
  it.each([
    ['walkers', 'walker'],
    ['edges', 'edge'],
    ['abilities', 'ability'],
    ['classes', 'class'],
    ['matches', 'match'],
    ['connected', 'connect'],
    ['visiting', 'visit'],
    ['running', 'run'],
    ['calling', 'call'],
    ['passed', 'pass'],
  ])('reduces %s to %s', (word, expected) => expect(stem(word)).toBe(expected));

  it.each(['has', 'class', 'status', 'this', 'string', 'used', 'node'])('leaves %s alone', (word) =>
    expect(stem(word)).toBe(word),
  );
});

describe('tokenize', () => {
  it('lowercases, stems and drops English stop words', () => {
    expect(tokenize('What is an Edge?')).toEqual(['edge']);
    expect(tokenize('How do the Walkers work')).toEqual(['walker', 'work']);
  });

  it('keeps Jac keywords and graph operators that are common English words', () => {
    expect(tokenize('can tally with `root entry { visit [-->]; }')).toEqual([
      'can',
      'tally',
      'with',
      'root',
      'entry',
      'visit',
      '-->',
    ]);
    expect(tokenize('root ++> p; p <++> q; x <-- y')).toEqual(['root', '++>', 'p', 'p', '<++>', 'q', 'x', '<--', 'y']);
  });

  it('keeps a hyphenated word whole and also its parts', () => {
    expect(tokenize('by-value')).toEqual(['by-value', 'value']);
    expect(tokenize("Don't")).toEqual(['dont']);
  });
});

describe('proseParagraphs', () => {
  it('drops front matter, headings, code blocks and tables and unwraps inline Markdown', () => {
    const body = [
      '---\nid: x\n---',
      '# Title',
      'A **walker** is [code](concept:walkers) that _moves_.',
      '```jac\nwalker W {}\n```',
      '| a | b |\n| - | - |',
      '- first item\n- second item',
    ].join('\n\n');
    expect(proseParagraphs(body)).toEqual(['A walker is code that moves.', 'first item second item']);
  });
});

describe('trimAtWord', () => {
  it('leaves short text alone and cuts long text at a word boundary with an ellipsis', () => {
    expect(trimAtWord('short text', 300)).toBe('short text');
    const cut = trimAtWord('alpha beta gamma delta epsilon', 18);
    expect(cut).toBe('alpha beta gamma…');
    expect(cut.length).toBeLessThanOrEqual(18);
  });
});

describe('searchLessons', () => {
  it('ranks the lesson about the asked concept first', () => {
    expect(searchLessons(lessons, 'explain walkers', 3)[0]?.lesson.slug).toBe('first-walker');
    expect(searchLessons(lessons, 'what is an edge?', 3)[0]?.lesson.slug).toBe('connecting-nodes');
    expect(searchLessons(lessons, 'how do abilities work', 3)[0]?.lesson.slug).toBe('abilities-on-arrival');
  });

  it('finds lessons by code identifiers and operators', () => {
    expect(searchLessons(lessons, '++>', 3).map((hit) => hit.lesson.slug)).toEqual(['connecting-nodes']);
    expect(searchLessons(lessons, 'spawn', 3)[0]?.lesson.slug).toBe('first-walker');
    expect(searchLessons(lessons, 'by-value', 3)[0]?.lesson.slug).toBe('node-data');
  });

  it('quotes the best-matching prose paragraph, never a code block', () => {
    const [hit] = searchLessons(lessons, 'edge direction both ways', 1);
    expect(hit?.excerpt).toMatch(/^Edges have a direction\./);
    const [spawn] = searchLessons(lessons, 'spawn', 1);
    expect(spawn?.excerpt).toContain('root spawn Census()');
    expect(spawn?.excerpt).not.toContain('has count');
  });

  it('quotes the first paragraph that covers the query, not a later one that repeats a term', () => {
    const [hit] = searchLessons(lessons, 'walkers', 1);
    expect(hit?.excerpt).toMatch(/^Until now, code that looked at your graph lived outside it\. A walker is/);
  });

  it('weights title terms above body terms', () => {
    // Same length; the body mentions "walker" twice, the title once (worth three body terms).
    const titled = lesson('titled', 'Walkers', 'graphs and data text here');
    const mentioned = lesson('mentioned', 'Graphs', 'walker walker graphs data text', 1);
    expect(searchLessons([mentioned, titled], 'walker', 2).map((hit) => hit.lesson.slug)).toEqual([
      'titled',
      'mentioned',
    ]);
  });

  it('returns nothing for unrelated or empty queries and respects the limit', () => {
    expect(searchLessons(lessons, 'quantum chromodynamics', 5)).toEqual([]);
    expect(searchLessons(lessons, 'what is the', 5)).toEqual([]);
    expect(searchLessons(lessons, 'node', 2)).toHaveLength(2);
    expect(searchLessons([], 'node', 2)).toEqual([]);
  });

  it('trims a long excerpt to about 300 characters at a word boundary', () => {
    const long = lesson('long', 'Long', `${'graph walker '.repeat(60)}end`);
    const [hit] = searchLessons([long], 'walker', 1);
    expect(hit?.excerpt.length).toBeLessThanOrEqual(300);
    expect(hit?.excerpt.endsWith('…')).toBe(true);
    expect(hit?.excerpt).toMatch(/(graph|walker)…$/);
  });

  it('is deterministic: equal scores keep teaching order', () => {
    const a = lesson('b-second', 'Same', 'walker text', 1);
    const b = lesson('a-first', 'Same', 'walker text', 0);
    expect(searchLessons([a, b], 'walker', 2).map((hit) => hit.lesson.slug)).toEqual(['a-first', 'b-second']);
  });
});
