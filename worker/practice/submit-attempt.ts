/**
 * Submitting an answer: grade it, then in one transaction store the attempt and every
 * consequence (Elo of learner and item, BKT mastery and its history, the FSRS card, XP,
 * streak, achievements). Exactly-once per client attempt id: the learner's stats row is
 * locked first, so attempts of one learner run one at a time; a repeated id finds the first
 * attempt and gets its stored result back, and the unique index backs this up.
 */
import { and, eq, sql } from 'drizzle-orm';
import { logActivity } from '../admin/activity-log';
import type { Database, Queryable } from '../db/types';
import type { learnerStats } from '../db/schema';
import { attempts, conceptStates, items, progressRecords, reviewCards } from '../db/schema';
import { attemptOutcome, type AttemptKind } from '../learning/attempt-outcome';
import { MASTERED_AT } from '../learning/bkt';
import type { StoredCard } from '../learning/fsrs';
import { grade } from '../learning/grade';
import { tierFor } from '../learning/tiers';
import { ApiError } from '../errors';
import { loadCourseGraphById, loadEstimates, standingsFor } from './course-state';
import {
  loadStreakHistory,
  lockLearnerStats,
  grantXp,
  streakOf,
  unlockAchievements,
  type LearnerClock,
} from './gamification';
import { loadGradableItem, optionCount, revealAnswer } from './item-view';
import { activeSession } from './learning-sessions';
import { toThousandths } from '../learning/precision';

export interface AttemptRequest {
  itemId: string;
  attemptId: string;
  response: unknown;
  elapsedMs: number;
  hintsUsed: number;
  mode: AttemptKind;
}

export type AttemptResult = Awaited<ReturnType<typeof recordAttempt>>;

async function storedResult(db: Queryable, userId: string, attemptId: string) {
  const [row] = await db
    .select({ result: attempts.result, itemId: attempts.itemId })
    .from(attempts)
    .where(and(eq(attempts.userId, userId), eq(attempts.clientAttemptId, attemptId)))
    .limit(1);
  return row ?? null;
}

/** The stored result of a repeated attempt id, or a 409 if that id was used for another item. */
function replay(previous: { result: unknown; itemId: string }, request: AttemptRequest) {
  if (previous.itemId !== request.itemId) {
    throw new ApiError('conflict', 'This attempt id was already used for another item; generate a new one.');
  }
  return { ...(previous.result as AttemptResult), replayed: true };
}

export async function submitAttempt(db: Database, learner: LearnerClock, request: AttemptRequest, now: Date) {
  // Cheap path for a retry that arrives after the first one finished.
  const earlier = await storedResult(db, learner.userId, request.attemptId);
  if (earlier) return replay(earlier, request);

  const item = await loadGradableItem(db, request.itemId);
  if (!item) throw new ApiError('not_found', 'No such item.');
  const verdict = grade(item.type, item.answer, request.response);
  if (!verdict.gradable) throw new ApiError('bad_request', verdict.reason);
  const graph = await loadCourseGraphById(db, item.courseId);
  if (!graph) throw new ApiError('not_found', 'No such item.');

  return db.transaction(async (tx) => {
    const stats = await lockLearnerStats(tx, learner.userId);
    const repeated = await storedResult(tx, learner.userId, request.attemptId);
    if (repeated) return replay(repeated, request);
    return recordAttempt(tx, { learner, request, item, graph, stats, correct: verdict.correct, now });
  });
}

async function recordAttempt(
  tx: Queryable,
  input: {
    learner: LearnerClock;
    request: AttemptRequest;
    item: NonNullable<Awaited<ReturnType<typeof loadGradableItem>>>;
    graph: NonNullable<Awaited<ReturnType<typeof loadCourseGraphById>>>;
    stats: typeof learnerStats.$inferSelect;
    correct: boolean;
    now: Date;
  },
) {
  const { learner, request, item, graph, stats, correct, now } = input;
  const conceptIds = graph.concepts.map((concept) => concept.id);
  const estimatesBefore = await loadEstimates(tx, learner.userId, conceptIds);
  const standingsBefore = standingsFor(graph, estimatesBefore);
  const [cardRow] = await tx
    .select()
    .from(reviewCards)
    .where(and(eq(reviewCards.userId, learner.userId), eq(reviewCards.itemId, item.id)))
    .for('update');

  if (request.mode === 'practice' && standingsBefore.get(item.conceptId)?.status === 'locked') {
    throw new ApiError('conflict', `"${item.conceptTitle}" is locked: reach Proficient in its prerequisites first.`);
  }
  if (request.mode === 'review' && !cardRow) {
    throw new ApiError('conflict', 'This item has no review yet: practise it first.');
  }

  const history = await loadStreakHistory(tx, learner, now);
  const conceptBefore = estimatesBefore.get(item.conceptId) ?? null;
  const outcome = attemptOutcome({
    kind: request.mode,
    correct,
    elapsedMs: request.elapsedMs,
    hintsUsed: request.hintsUsed,
    now,
    item: {
      type: item.type,
      difficulty: item.difficulty as 'easy' | 'medium' | 'hard',
      rating: item.rating,
      answers: item.answers,
      options: optionCount(item),
    },
    concept: conceptBefore,
    learner: { theta: stats.theta, answers: stats.answers },
    card: (cardRow?.card as StoredCard | undefined) ?? null,
    streakDays: streakOf(history).current,
  });

  const session = await activeSession(tx, learner.userId, now);
  // The item's difficulty moves by a delta, so answers from other learners in the same
  // moment add up instead of overwriting each other.
  await tx
    .update(items)
    .set({
      rating: sql`${items.rating} + ${outcome.itemRating - item.rating}`,
      answers: sql`${items.answers} + 1`,
    })
    .where(eq(items.id, item.id));

  const masteredNow = outcome.mastery.after >= MASTERED_AT && !(conceptBefore && conceptBefore.pKnown >= MASTERED_AT);
  await tx
    .insert(conceptStates)
    .values({
      userId: learner.userId,
      conceptId: item.conceptId,
      pKnown: outcome.concept.pKnown,
      theta: outcome.concept.theta,
      answers: outcome.concept.answers,
      correct: correct ? 1 : 0,
      lastPracticedAt: now,
      masteredAt: masteredNow ? now : null,
    })
    .onConflictDoUpdate({
      target: [conceptStates.userId, conceptStates.conceptId],
      set: {
        pKnown: outcome.concept.pKnown,
        theta: outcome.concept.theta,
        answers: outcome.concept.answers,
        correct: sql`${conceptStates.correct} + ${correct ? 1 : 0}`,
        lastPracticedAt: now,
        // Mastered once is remembered (achievements count it) even if P(L) later dips.
        masteredAt: sql`coalesce(${conceptStates.masteredAt}, ${masteredNow ? now.toISOString() : null}::timestamptz)`,
      },
    });
  await tx.insert(progressRecords).values({
    userId: learner.userId,
    conceptId: item.conceptId,
    pKnown: outcome.mastery.after,
    level: outcome.mastery.levelAfter,
    createdAt: now,
  });

  const card = outcome.card;
  await tx
    .insert(reviewCards)
    .values({ userId: learner.userId, itemId: item.id, due: new Date(card.due), card: { ...card }, reviews: 1 })
    .onConflictDoUpdate({
      target: [reviewCards.userId, reviewCards.itemId],
      set: { due: new Date(card.due), card: { ...card }, reviews: sql`${reviewCards.reviews} + 1` },
    });

  const { history: after, streak } = await grantXp(
    tx,
    learner,
    history,
    { amount: outcome.xp, reason: request.mode === 'review' ? 'review' : 'answer', now },
    { answers: 1, correct: correct ? 1 : 0 },
    { theta: outcome.learnerTheta },
  );
  if (masteredNow) {
    await logActivity(tx, 'concept-mastered', {
      userId: learner.userId,
      detail: { course: graph.course.slug, concept: item.conceptSlug },
      at: now,
    });
  }
  const achievements = await unlockAchievements(tx, learner.userId, now);

  const estimatesAfter = new Map(estimatesBefore);
  estimatesAfter.set(item.conceptId, {
    conceptId: item.conceptId,
    pKnown: outcome.concept.pKnown,
    theta: outcome.concept.theta,
    answers: outcome.concept.answers,
    correct: 0,
    lastPracticedAt: now,
  });
  const standingsAfter = standingsFor(graph, estimatesAfter);
  const unlockedConcepts = graph.concepts
    .filter(
      (concept) =>
        standingsBefore.get(concept.id)?.status === 'locked' && standingsAfter.get(concept.id)?.status !== 'locked',
    )
    .map((concept) => concept.slug);

  const totalXp = stats.totalXp + outcome.xp;
  const result = {
    attemptId: request.attemptId,
    correct,
    explanation: item.explanation,
    answer: revealAnswer(item.type, item.answer),
    mastery: {
      concept: item.conceptSlug,
      before: toThousandths(outcome.mastery.before),
      after: toThousandths(outcome.mastery.after),
      levelBefore: outcome.mastery.levelBefore,
      levelAfter: outcome.mastery.levelAfter,
    },
    xp: {
      gained: outcome.xp,
      total: totalXp,
      today: after.todayXp,
      dailyGoal: learner.dailyGoalXp,
      tier: tierFor(totalXp).name,
    },
    streak: { current: streak.current, longest: streak.longest, atRisk: streak.atRisk },
    review: { rating: outcome.rating, due: card.due },
    achievements,
    unlockedConcepts,
    replayed: false,
  };
  // The attempt goes in last, with the result a repeated attempt id will get back.
  await tx.insert(attempts).values({
    userId: learner.userId,
    clientAttemptId: request.attemptId,
    sessionId: session?.id ?? null,
    itemId: item.id,
    conceptId: item.conceptId,
    kind: request.mode,
    response: request.response as object,
    correct,
    elapsedMs: request.elapsedMs,
    hintsUsed: request.hintsUsed,
    predicted: outcome.predicted,
    xp: outcome.xp,
    result,
    createdAt: now,
  });
  return result;
}
