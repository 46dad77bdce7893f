import { describe, expect, it } from 'vitest';
import { lookLabel, optionLook } from './option-look';

describe('optionLook', () => {
  it('gives the first options distinct letters, shapes and colours', () => {
    const looks = [0, 1, 2, 3].map(optionLook);
    expect(looks.map((look) => look.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(new Set(looks.map((look) => look.shape)).size).toBe(4);
    expect(new Set(looks.map((look) => look.tone)).size).toBe(4);
    expect(lookLabel(looks[0] ?? optionLook(0))).toBe('A, triangle');
  });

  it('cycles shapes past six options but keeps the letters distinct', () => {
    expect(optionLook(6)).toEqual({ letter: 'G', shape: 'triangle', tone: 0 });
    expect(optionLook(26).letter).toBe('27');
  });
});
