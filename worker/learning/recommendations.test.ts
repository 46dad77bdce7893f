import { describe, expect, it } from 'vitest';
import type { ConceptStanding } from './concept-status';
import { recommend } from './recommendations';

const concept = (id: string, position: number, unread: boolean) => ({
  id,
  slug: id,
  title: id.toUpperCase(),
  position,
  unreadLesson: unread ? { slug: `${id}-lesson`, title: `About ${id}` } : null,
});
const standing = (status: ConceptStanding['status'], pKnown: number | null = null): ConceptStanding => ({
  status,
  level: pKnown === null ? null : pKnown >= 0.8 ? 'proficient' : pKnown >= 0.5 ? 'familiar' : 'attempted',
  pKnown,
});

describe('recommend', () => {
  it('puts due reviews first, then the weakest concept in progress, then unlocked ones in order', () => {
    const list = recommend(
      [
        concept('a', 0, false),
        concept('b', 1, false),
        concept('c', 2, true),
        concept('d', 3, false),
        concept('e', 4, true),
      ],
      new Map([
        ['a', standing('in-progress', 0.85)],
        ['b', standing('in-progress', 0.4)],
        ['c', standing('available')],
        ['d', standing('available')],
        ['e', standing('locked')],
      ]),
      3,
    );
    expect(list.map((r) => [r.kind, 'concept' in r ? r.concept : r.count])).toEqual([
      ['review', 3],
      ['practice', 'b'],
      ['practice', 'a'],
      ['lesson', 'c'],
      ['practice', 'd'],
    ]);
    expect(list[0]?.reason).toBe('3 reviews are due: answering now keeps them from being forgotten.');
    expect(list[1]?.reason).toContain('Attempted in B');
    expect(list[3]).toMatchObject({ lesson: 'c-lesson' });
  });

  it('has nothing to say about locked or mastered concepts, and respects the limit', () => {
    const concepts = [concept('a', 0, true), concept('b', 1, true)];
    const standings = new Map([
      ['a', standing('mastered', 0.97)],
      ['b', standing('locked')],
    ]);
    expect(recommend(concepts, standings, 0)).toEqual([]);
    expect(recommend(concepts, standings, 1, 1)).toHaveLength(1);
  });
});
