import { describe, expect, it } from 'vitest';
import { attemptOutcome, type AttemptInput } from './attempt-outcome';
import { newCard } from './fsrs';

const now = new Date('2026-11-26T10:00:00Z');
const base: AttemptInput = {
  kind: 'practice',
  correct: true,
  elapsedMs: 20_000,
  hintsUsed: 0,
  now,
  item: { type: 'short-answer', difficulty: 'medium', rating: 0, answers: 0 },
  concept: null,
  learner: { theta: 0, answers: 0 },
  card: null,
  streakDays: 0,
};

describe('attemptOutcome', () => {
  it('starts a new concept from the BKT prior and the global ability, and moves both up on a right answer', () => {
    const outcome = attemptOutcome(base);
    expect(outcome.mastery.before).toBe(0.2);
    expect(outcome.mastery.levelBefore).toBeNull();
    // P(L|c) = .2·.9 / (.18 + .8·.2) = .529…, then + (1 − .529)·.15
    expect(outcome.mastery.after).toBeCloseTo(0.6, 3);
    expect(outcome.mastery.levelAfter).toBe('familiar');
    expect(outcome.predicted).toBeCloseTo(0.5, 6);
    expect(outcome.concept).toMatchObject({ answers: 1 });
    expect(outcome.concept.theta).toBeCloseTo(0.5, 6);
    expect(outcome.learnerTheta).toBeCloseTo(0.5, 6);
    expect(outcome.itemRating).toBeCloseTo(-0.5, 6);
    expect(outcome.xp).toBe(15);
    expect(outcome.rating).toBe('good');
    expect(new Date(outcome.card.due).getTime()).toBeGreaterThan(now.getTime());
  });

  it('moves everything down on a wrong answer and awards nothing', () => {
    const outcome = attemptOutcome({ ...base, correct: false, concept: { pKnown: 0.6, theta: 0.5, answers: 1 } });
    expect(outcome.mastery.after).toBeLessThan(0.6);
    expect(outcome.mastery.levelBefore).toBe('familiar');
    expect(outcome.concept.theta).toBeLessThan(0.5);
    expect(outcome.itemRating).toBeGreaterThan(0);
    expect(outcome.xp).toBe(0);
    expect(outcome.rating).toBe('again');
  });

  it('uses the option count as the guess floor for multiple choice', () => {
    const open = attemptOutcome(base);
    const choice = attemptOutcome({ ...base, item: { ...base.item, type: 'multiple-choice', options: 4 } });
    expect(choice.predicted).toBeCloseTo(0.25 + 0.75 * 0.5, 6);
    // A right answer that could have been a guess is weaker evidence of knowing.
    expect(choice.mastery.after).toBeLessThan(open.mastery.after);
  });

  it('awards the review XP whatever the answer, with the streak bonus', () => {
    const card = newCard(new Date('2026-11-20T10:00:00Z'));
    expect(attemptOutcome({ ...base, kind: 'review', card }).xp).toBe(5);
    expect(attemptOutcome({ ...base, kind: 'review', correct: false, card }).xp).toBe(5);
    expect(attemptOutcome({ ...base, kind: 'review', card, streakDays: 4 }).xp).toBe(6);
    expect(attemptOutcome({ ...base, streakDays: 4 }).xp).toBe(18);
  });

  it('rates a hinted or slow right answer Hard and a fast one Easy', () => {
    expect(attemptOutcome({ ...base, hintsUsed: 1 }).rating).toBe('hard');
    expect(attemptOutcome({ ...base, elapsedMs: 120_000 }).rating).toBe('hard');
    expect(attemptOutcome({ ...base, elapsedMs: 5_000 }).rating).toBe('easy');
  });
});
