// Spaced review: FSRS-6 via the `ts-fsrs` library (open-spaced-repetition; Ye et al.,
// "A Stochastic Shortest Path Algorithm for Optimizing Spaced Repetition Scheduling",
// KDD 2022). Owns the scheduler settings, the mapping from a graded attempt to an FSRS
// rating, and a plain card shape that can be stored in Postgres. The memory model itself
// stays in the library: do not hand-roll SM-2 (see LEARNING-SCIENCE.md).
import {
  Rating,
  State,
  createEmptyCard,
  default_w,
  fsrs,
  generatorParameters,
  type Card,
  type Grade,
  type StateType,
} from 'ts-fsrs';

export const REQUEST_RETENTION = 0.9;

// Built once per isolate from constants: the scheduler holds configuration only, no
// learner data. `default_w` is the 21-weight FSRS-6 set. Fuzz is off so the same review
// always yields the same due date (reproducible tests, no surprise drift between replicas);
// short-term learning steps stay on (the library default, 1m then 10m for new cards).
const scheduler = fsrs(
  generatorParameters({ request_retention: REQUEST_RETENTION, w: [...default_w], enable_fuzz: false }),
);

export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

const TO_GRADE: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

// Relative to the item's expected answer time. Under half of it is fluent recall; over
// one and a half times means the answer was reconstructed with effort.
export const FAST_BELOW = 0.5;
export const SLOW_ABOVE = 1.5;

export interface GradedAttempt {
  correct: boolean;
  elapsedMs: number;
  expectedMs: number;
  hintsUsed: number;
}

/** wrong → again; right but slow or hinted → hard; right and fast, no hints → easy; else good. */
export function ratingForAttempt(attempt: GradedAttempt): ReviewRating {
  const { correct, elapsedMs, expectedMs, hintsUsed } = attempt;
  if (!Number.isFinite(elapsedMs) || elapsedMs < 0) throw new Error(`FSRS: elapsedMs must be ≥ 0, got ${elapsedMs}`);
  if (!Number.isFinite(expectedMs) || expectedMs <= 0) {
    throw new Error(`FSRS: expectedMs must be > 0, got ${expectedMs}`);
  }
  if (!Number.isInteger(hintsUsed) || hintsUsed < 0) {
    throw new Error(`FSRS: hintsUsed must be a non-negative integer, got ${hintsUsed}`);
  }
  if (!correct) return 'again';
  const ratio = elapsedMs / expectedMs;
  if (hintsUsed > 0 || ratio > SLOW_ABOVE) return 'hard';
  if (ratio < FAST_BELOW) return 'easy';
  return 'good';
}

/** A review card as plain JSON: ISO timestamps, state by name. Maps 1:1 onto table columns. */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: StateType;
  lastReview: string | null;
}

const STATE_NAMES: Record<State, StateType> = {
  [State.New]: 'New',
  [State.Learning]: 'Learning',
  [State.Review]: 'Review',
  [State.Relearning]: 'Relearning',
};

function parseTime(name: string, iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`FSRS: ${name} is not a valid timestamp: ${iso}`);
  return date;
}

function assertNow(now: Date): void {
  if (Number.isNaN(now.getTime())) throw new Error('FSRS: now is an invalid Date');
}

export function toStoredCard(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state],
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

export function fromStoredCard(stored: StoredCard): Card {
  const card: Card = {
    due: parseTime('due', stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    // Deprecated in ts-fsrs 5 and recomputed from last_review on every review; not stored.
    elapsed_days: 0,
    scheduled_days: stored.scheduledDays,
    learning_steps: stored.learningSteps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: State[stored.state],
  };
  if (stored.lastReview !== null) card.last_review = parseTime('lastReview', stored.lastReview);
  return card;
}

export function newCard(now: Date): StoredCard {
  assertNow(now);
  return toStoredCard(createEmptyCard(now));
}

/** The card after one review at `now`; its `due` is when it should come back. */
export function scheduleReview(card: StoredCard, rating: ReviewRating, now: Date): StoredCard {
  assertNow(now);
  return toStoredCard(scheduler.next(fromStoredCard(card), now, TO_GRADE[rating]).card);
}

export function isDue(card: StoredCard, now: Date): boolean {
  assertNow(now);
  return parseTime('due', card.due).getTime() <= now.getTime();
}
