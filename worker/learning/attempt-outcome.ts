/**
 * What one graded answer changes in the learner model, computed without I/O: the Elo
 * update of the learner's concept and global ability and of the item's difficulty
 * (Pelánek 2016), the BKT mastery update (Corbett & Anderson 1995), the FSRS card
 * (ts-fsrs) and the XP award. The route loads the current values, calls this, and stores
 * the result in one transaction.
 */
import { defaultBktParams, masteryLevel, updateKnown, type MasteryLevel } from './bkt';
import { updateElo } from './elo';
import { expectedAnswerMs } from './expected-time';
import { newCard, ratingForAttempt, scheduleReview, type ReviewRating, type StoredCard } from './fsrs';
import { xpFor, type Difficulty } from './xp';

export type AttemptKind = 'practice' | 'review';

export interface ConceptEstimate {
  pKnown: number;
  theta: number;
  /** Answers the learner has given on this concept (the concept θ's Elo count). */
  answers: number;
}

export interface AttemptInput {
  kind: AttemptKind;
  correct: boolean;
  elapsedMs: number;
  hintsUsed: number;
  now: Date;
  item: {
    type: string;
    difficulty: Difficulty;
    /** Elo difficulty d and its answer count. */
    rating: number;
    answers: number;
    /** Option count for multiple choice (the guess floor), else undefined. */
    options?: number;
  };
  /** The learner's estimate on the item's concept; null before their first answer on it. */
  concept: ConceptEstimate | null;
  /** Global ability and answer count: the prior for new concepts, and updated by every answer. */
  learner: { theta: number; answers: number };
  /** The learner's review card for this item; null the first time they answer it. */
  card: StoredCard | null;
  /** The learner's current streak in days, for the XP bonus. */
  streakDays: number;
}

export interface AttemptOutcome {
  /** Elo-predicted P(correct) before the answer (stored for calibration). */
  predicted: number;
  concept: ConceptEstimate;
  mastery: { before: number; after: number; levelBefore: MasteryLevel | null; levelAfter: MasteryLevel };
  itemRating: number;
  learnerTheta: number;
  card: StoredCard;
  rating: ReviewRating;
  xp: number;
}

/** Multiple choice has a guess floor of 1/k; other types are open answers for Elo and BKT. */
function optionCount(item: AttemptInput['item']): number | undefined {
  return item.type === 'multiple-choice' || item.type === 'true-false' ? item.options : undefined;
}

export function attemptOutcome(input: AttemptInput): AttemptOutcome {
  const { item, learner, correct } = input;
  const k = optionCount(item);
  const params = defaultBktParams(k);
  const before: ConceptEstimate = input.concept ?? { pKnown: params.pInit, theta: learner.theta, answers: 0 };

  const conceptElo = updateElo({
    theta: before.theta,
    difficulty: item.rating,
    learnerAnswers: before.answers,
    itemAnswers: item.answers,
    k,
    correct,
  });
  // The global ability moves with every answer too, so a new concept starts from what the
  // learner has shown elsewhere rather than from zero.
  const globalElo = updateElo({
    theta: learner.theta,
    difficulty: item.rating,
    learnerAnswers: learner.answers,
    itemAnswers: item.answers,
    k,
    correct,
  });
  const pKnown = updateKnown(before.pKnown, correct, params);
  const rating = ratingForAttempt({
    correct,
    elapsedMs: input.elapsedMs,
    expectedMs: expectedAnswerMs(item.type),
    hintsUsed: input.hintsUsed,
  });
  const card = scheduleReview(input.card ?? newCard(input.now), rating, input.now);
  // A review earns the review award whatever the answer (the effort is the point); practice
  // earns the per-answer award, which is 0 for a wrong answer.
  const xp =
    input.kind === 'review'
      ? xpFor({ kind: 'review-completed' }, { streakDays: input.streakDays })
      : xpFor({ kind: correct ? 'correct-answer' : 'wrong-answer', difficulty: item.difficulty }, input);

  return {
    predicted: conceptElo.predicted,
    concept: { pKnown, theta: conceptElo.theta, answers: before.answers + 1 },
    mastery: {
      before: before.pKnown,
      after: pKnown,
      levelBefore: input.concept ? masteryLevel(before.pKnown) : null,
      levelAfter: masteryLevel(pKnown),
    },
    itemRating: conceptElo.difficulty,
    learnerTheta: globalElo.theta,
    card,
    rating,
    xp,
  };
}
