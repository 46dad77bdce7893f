import { describe, expect, it } from 'vitest';
import {
  fromStoredCard,
  isDue,
  newCard,
  ratingForAttempt,
  scheduleReview,
  toStoredCard,
  type StoredCard,
} from './fsrs';

const now = new Date('2026-01-05T09:00:00.000Z');
const dueMs = (card: StoredCard) => new Date(card.due).getTime();

describe('ratingForAttempt', () => {
  const expectedMs = 10_000;
  it.each([
    { correct: false, elapsedMs: 2_000, hintsUsed: 0, rating: 'again' },
    { correct: false, elapsedMs: 30_000, hintsUsed: 2, rating: 'again' },
    { correct: true, elapsedMs: 16_000, hintsUsed: 0, rating: 'hard' }, // slow: > 1.5×
    { correct: true, elapsedMs: 2_000, hintsUsed: 1, rating: 'hard' }, // fast but hinted
    { correct: true, elapsedMs: 10_000, hintsUsed: 0, rating: 'good' },
    { correct: true, elapsedMs: 15_000, hintsUsed: 0, rating: 'good' }, // exactly 1.5× is not slow
    { correct: true, elapsedMs: 5_000, hintsUsed: 0, rating: 'good' }, // exactly 0.5× is not fast
    { correct: true, elapsedMs: 4_999, hintsUsed: 0, rating: 'easy' },
  ] as const)('$correct in $elapsedMs ms with $hintsUsed hints → $rating', ({ rating, ...attempt }) => {
    expect(ratingForAttempt({ ...attempt, expectedMs })).toBe(rating);
  });

  it('rejects nonsense timings and hint counts', () => {
    const ok = { correct: true, elapsedMs: 1000, expectedMs, hintsUsed: 0 };
    expect(() => ratingForAttempt({ ...ok, elapsedMs: Number.NaN })).toThrow(/elapsedMs/);
    expect(() => ratingForAttempt({ ...ok, expectedMs: 0 })).toThrow(/expectedMs/);
    expect(() => ratingForAttempt({ ...ok, hintsUsed: -1 })).toThrow(/hintsUsed/);
  });
});

describe('scheduleReview', () => {
  it('a new card is due at once', () => {
    const card = newCard(now);
    expect(card.state).toBe('New');
    expect(isDue(card, now)).toBe(true);
  });

  it('schedules Good later than Again, and Easy later than Good', () => {
    const card = newCard(now);
    const again = scheduleReview(card, 'again', now);
    const hard = scheduleReview(card, 'hard', now);
    const good = scheduleReview(card, 'good', now);
    const easy = scheduleReview(card, 'easy', now);
    expect(dueMs(good)).toBeGreaterThan(dueMs(again));
    expect(dueMs(hard)).toBeGreaterThanOrEqual(dueMs(again));
    expect(dueMs(easy)).toBeGreaterThan(dueMs(good));
    // Easy on a new card graduates straight to days-long review.
    expect(easy.state).toBe('Review');
    expect(dueMs(easy) - now.getTime()).toBeGreaterThanOrEqual(24 * 3600 * 1000);
  });

  it('grows the interval after successive Good reviews', () => {
    let card = newCard(now);
    let at = now;
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      card = scheduleReview(card, 'good', at);
      intervals.push(dueMs(card) - at.getTime());
      at = new Date(card.due);
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1] ?? Infinity);
    expect(card.reps).toBe(4);
  });

  it('counts a lapse when a review card is forgotten', () => {
    const learned = scheduleReview(newCard(now), 'easy', now);
    const lapsed = scheduleReview(learned, 'again', new Date(learned.due));
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.state).toBe('Relearning');
  });
});

describe('stored card shape', () => {
  it('round-trips through JSON and the library type', () => {
    const card = scheduleReview(scheduleReview(newCard(now), 'good', now), 'good', new Date(now.getTime() + 600_000));
    const json = JSON.parse(JSON.stringify(card)) as StoredCard;
    expect(json).toEqual(card);
    expect(toStoredCard(fromStoredCard(json))).toEqual(card);
    expect(card.lastReview).not.toBeNull();
  });

  it('rejects an unparseable timestamp', () => {
    expect(() => fromStoredCard({ ...newCard(now), due: 'not a date' })).toThrow(/due/);
  });
});

describe('isDue', () => {
  it('is false before the due time and true from it on', () => {
    const card = scheduleReview(newCard(now), 'easy', now);
    const due = new Date(card.due);
    expect(isDue(card, new Date(due.getTime() - 1))).toBe(false);
    expect(isDue(card, due)).toBe(true);
    expect(isDue(card, new Date(due.getTime() + 1))).toBe(true);
  });
});
