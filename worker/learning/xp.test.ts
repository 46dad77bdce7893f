import { describe, expect, it } from 'vitest';
import { type XpEvent, xpFor } from './xp';

const noStreak = { streakDays: 0 };

describe('xpFor', () => {
  it('awards 10 × the difficulty factor for a correct answer', () => {
    expect(xpFor({ kind: 'correct-answer', difficulty: 'easy' }, noStreak)).toBe(10);
    expect(xpFor({ kind: 'correct-answer', difficulty: 'medium' }, noStreak)).toBe(15);
    expect(xpFor({ kind: 'correct-answer', difficulty: 'hard' }, noStreak)).toBe(20);
  });

  it('awards nothing for a wrong answer, streak or not', () => {
    expect(xpFor({ kind: 'wrong-answer', difficulty: 'hard' }, noStreak)).toBe(0);
    expect(xpFor({ kind: 'wrong-answer', difficulty: 'hard' }, { streakDays: 30 })).toBe(0);
  });

  it('awards the fixed amounts for lessons, reviews and a perfect quiz', () => {
    expect(xpFor({ kind: 'lesson-completed' }, noStreak)).toBe(50);
    expect(xpFor({ kind: 'review-completed' }, noStreak)).toBe(5);
    expect(xpFor({ kind: 'perfect-quiz' }, noStreak)).toBe(100);
  });

  it('gives no bonus at exactly 3 streak days and ×1.2 from 4', () => {
    const easy: XpEvent = { kind: 'correct-answer', difficulty: 'easy' };
    expect(xpFor(easy, { streakDays: 3 })).toBe(10);
    expect(xpFor(easy, { streakDays: 4 })).toBe(12);
  });

  it('applies the bonus to every award and returns whole points (rounded after the multiplier)', () => {
    const streak = { streakDays: 10 };
    expect(xpFor({ kind: 'correct-answer', difficulty: 'medium' }, streak)).toBe(18);
    expect(xpFor({ kind: 'correct-answer', difficulty: 'hard' }, streak)).toBe(24);
    expect(xpFor({ kind: 'lesson-completed' }, streak)).toBe(60);
    expect(xpFor({ kind: 'review-completed' }, streak)).toBe(6);
    expect(xpFor({ kind: 'perfect-quiz' }, streak)).toBe(120);
    expect(Number.isInteger(xpFor({ kind: 'correct-answer', difficulty: 'medium' }, streak))).toBe(true);
  });

  it('rejects a negative, fractional or NaN streak', () => {
    const lesson: XpEvent = { kind: 'lesson-completed' };
    expect(() => xpFor(lesson, { streakDays: -1 })).toThrow(/streakDays/);
    expect(() => xpFor(lesson, { streakDays: 1.5 })).toThrow(/streakDays/);
    expect(() => xpFor(lesson, { streakDays: Number.NaN })).toThrow(/streakDays/);
  });
});
