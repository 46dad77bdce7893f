/** A lesson's place in its concept: previous and next stay inside the concept. */
import { describe, expect, it } from 'vitest';
import { lessonPlace } from './neighbours';

const lesson = (slug: string) => ({ slug, title: slug.toUpperCase(), minutes: 5 });
const course = {
  concepts: [
    { slug: 'nodes', title: 'Nodes', lessons: [lesson('n1')] },
    { slug: 'walkers', title: 'Walkers', lessons: [lesson('w1'), lesson('w2'), lesson('w3')] },
  ],
};

describe('lessonPlace', () => {
  it('gives the lessons either side within the concept', () => {
    expect(lessonPlace(course, 'walkers', 'w2')).toEqual({
      concept: { slug: 'walkers', title: 'Walkers' },
      number: 2,
      total: 3,
      previous: lesson('w1'),
      next: lesson('w3'),
    });
  });

  it('has no previous for the first lesson and no next for the last, never crossing into another concept', () => {
    expect(lessonPlace(course, 'walkers', 'w1')).toMatchObject({ previous: null, next: lesson('w2') });
    expect(lessonPlace(course, 'walkers', 'w3')).toMatchObject({ previous: lesson('w2'), next: null });
    expect(lessonPlace(course, 'nodes', 'n1')).toMatchObject({ number: 1, total: 1, previous: null, next: null });
  });

  it('is null for a lesson the course outline does not list under that concept', () => {
    expect(lessonPlace(course, 'nodes', 'w1')).toBeNull();
    expect(lessonPlace(course, 'missing', 'w1')).toBeNull();
  });
});
