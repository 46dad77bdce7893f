import { describe, expect, it } from 'vitest';
import { difficultyMix, planQuiz, type PoolItem, type QuizKind } from './quiz-plan';
import type { Difficulty } from './snapshot';

const item = (id: string, difficulty: Difficulty, predicted: number): PoolItem => ({
  id,
  conceptId: 'c-edges',
  difficulty,
  predicted,
});

/** Ten items per difficulty, predicted 0.05, 0.15, … 0.95 (ids e0…e9, m0…m9, h0…h9). */
const pool: PoolItem[] = (['easy', 'medium', 'hard'] as const).flatMap((d) =>
  Array.from({ length: 10 }, (_, i) => item(`${d[0]}${i}`, d, 0.05 + i * 0.1)),
);

const difficultyOf = (ids: string[]) => ids.map((id) => pool.find((p) => p.id === id)?.difficulty);
const countOf = (ids: string[], d: Difficulty) => difficultyOf(ids).filter((x) => x === d).length;

describe('difficultyMix', () => {
  it.each([
    ['diagnostic', 10, { easy: 4, medium: 4, hard: 2 }],
    ['formative', 10, { easy: 3, medium: 5, hard: 2 }],
    ['summative', 10, { easy: 2, medium: 4, hard: 4 }],
    ['formative', 7, { easy: 2, medium: 4, hard: 1 }], // 2.1 / 3.5 / 1.4: the spare goes to medium
    ['formative', 4, { easy: 1, medium: 2, hard: 1 }], // 1.2 / 2.0 / 0.8: the spare goes to hard
    ['summative', 3, { easy: 1, medium: 1, hard: 1 }], // 0.6 / 1.2 / 1.2
    ['diagnostic', 1, { easy: 0, medium: 1, hard: 0 }], // a tie between easy and medium goes to medium
    ['diagnostic', 0, { easy: 0, medium: 0, hard: 0 }],
    ['formative', -3, { easy: 0, medium: 0, hard: 0 }],
  ] as const)('%s × %i → %o', (kind, length, expected) => {
    expect(difficultyMix(kind, length)).toEqual(expected);
  });

  it('always adds up to the quiz length', () => {
    for (const kind of ['diagnostic', 'formative', 'summative'] as QuizKind[]) {
      for (let n = 0; n <= 40; n++) {
        const mix = difficultyMix(kind, n);
        expect(mix.easy + mix.medium + mix.hard).toBe(n);
      }
    }
  });
});

describe('planQuiz', () => {
  it('follows the formative mix and picks items nearest P = 0.75 within each difficulty, easy to hard', () => {
    const ids = planQuiz('formative', pool, 10, []);
    // 0.65 and 0.85 are equally near: the tie goes to the lower id.
    expect(ids).toEqual(['e7', 'e6', 'e8', 'm7', 'm6', 'm8', 'm5', 'm9', 'h7', 'h6']);
  });

  it('aims a diagnostic quiz at P = 0.5', () => {
    const ids = planQuiz('diagnostic', pool, 5, []);
    expect(ids).toEqual(['e4', 'e5', 'm4', 'm5', 'h4']);
  });

  it('never serves a recent item', () => {
    const recent = ['e7', 'm7', 'm8', 'h7'];
    const ids = planQuiz('formative', pool, 10, recent);
    expect(ids.some((id) => recent.includes(id))).toBe(false);
    expect(ids).toHaveLength(10);
    expect(ids).toContain('e8');
    expect(ids).toContain('m6');
  });

  it('borrows from the nearest difficulty when one runs short, keeping the length', () => {
    const noHard = pool.filter((p) => p.difficulty !== 'hard');
    const ids = planQuiz('summative', noHard, 10, []);
    expect(ids).toHaveLength(10);
    expect(countOf(ids, 'hard')).toBe(0);
    expect(countOf(ids, 'easy')).toBe(2);
    expect(countOf(ids, 'medium')).toBe(8);
  });

  it('gives a shorter quiz rather than repeating an item', () => {
    const small = [item('a', 'easy', 0.8), item('b', 'medium', 0.7), item('b', 'medium', 0.7)];
    const ids = planQuiz('formative', small, 10, []);
    expect(ids).toEqual(['a', 'b']);
    expect(planQuiz('formative', small, 10, ['a', 'b'])).toEqual([]);
  });

  it('is deterministic: equally good items are taken by id, whatever the pool order', () => {
    const tied = [item('z', 'medium', 0.7), item('y', 'medium', 0.8), item('x', 'medium', 0.75)];
    expect(planQuiz('formative', tied, 2, [])).toEqual(['x', 'y']);
    expect(planQuiz('formative', [...tied].reverse(), 2, [])).toEqual(['x', 'y']);
  });
});
