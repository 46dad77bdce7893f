/**
 * Submitting an answer: grade it (a code exercise's hidden tests run in the sandbox first,
 * outside any transaction; the evaluator judges and says what was right or wrong), then in
 * one transaction store the attempt and every consequence (Elo of learner and item, BKT
 * mastery and its history, the FSRS card, XP, streak, achievements). Exactly-once per client
 * attempt id: the learner's stats row is locked first, so attempts of one learner run one at
 * a time; a repeated id finds the first attempt and gets its stored result back, and the
 * unique index backs this up.
 */
import { and, eq, sql } from 'drizzle-orm';
import { judge } from '../../durable/agents/evaluator';
import { logActivity } from '../admin/activity-log';
import type { Queryable } from '../db/types';
import type { RequestServices } from '../env';
import type { Evaluation } from '../evaluation/evaluation';
import type { learnerStats } from '../db/schema';
import { attempts, conceptStates, items, progressRecords, reviewCards } from '../db/schema';
import { attemptOutcome, type AttemptKind } from '../learning/attempt-outcome';
import { MASTERED_AT } from '../learning/bkt';
import type { StoredCard } from '../learning/fsrs';
import { tierFor } from '../learning/tiers';
import { xpFor } from '../learning/xp';
import { ApiError } from '../errors';
import { evaluateCode, parseCodeResponse } from './code-exercise';
import { loadCourseGraphById, loadEstimates, standingsFor } from './course-state';
import {
  loadStreakHistory,
  lockLearnerStats,
  grantXp,
  streakOf,
  unlockAchievements,
  type LearnerClock,
} from './gamification';
import { recordQuizAnswer } from './quizzes';
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
  /** The quiz this answer belongs to (POST /api/quizzes), if any. */
  quizId?: string;
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
  const stored = previous.result as AttemptResult;
  // Attempts stored before the evaluator's feedback existed replay with none.
  return { ...stored, feedback: stored.feedback ?? [], replayed: true };
}

export async function submitAttempt(
  services: Pick<RequestServices, 'db' | 'sandbox'>,
  learner: LearnerClock,
  request: AttemptRequest,
  now: Date,
) {
  const { db, sandbox } = services;
  // Cheap path for a retry that arrives after the first one finished.
  const earlier = await storedResult(db, learner.userId, request.attemptId);
  if (earlier) return replay(earlier, request);

  const item = await loadGradableItem(db, request.itemId);
  if (!item) throw new ApiError('not_found', 'No such item.');
  let response = request.response;
  let evaluation: Evaluation | undefined;
  if (item.type === 'code-exercise') {
    const code = parseCodeResponse(response);
    response = code;
    // Learner code runs here, before any transaction is open.
    evaluation = await evaluateCode(sandbox, item, code);
  }
  const judgement = judge(item, response, evaluation);
  if (!judgement.gradable) throw new ApiError('bad_request', judgement.reason);
  const graph = await loadCourseGraphById(db, item.courseId);
  if (!graph) throw new ApiError('not_found', 'No such item.');

  const graded = { response, correct: judgement.correct, feedback: judgement.feedback, evaluation };
  return db.transaction(async (tx) => {
    const stats = await lockLearnerStats(tx, learner.userId);
    const repeated = await storedResult(tx, learner.userId, request.attemptId);
    if (repeated) return replay(repeated, request);
    return recordAttempt(tx, { learner, request, item, graph, stats, graded, now });
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
    /** The verdict, the evaluator's points, and for a code exercise its run. */
    graded: { response: unknown; correct: boolean; feedback: string[]; evaluation: Evaluation | undefined };
    now: Date;
  },
) {
  const { learner, request, item, graph, stats, graded, now } = input;
  const { correct } = graded;
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
  // Checked before anything is written: an answer the quiz refuses changes nothing.
  const quiz = request.quizId
    ? await recordQuizAnswer(tx, {
        userId: learner.userId,
        quizId: request.quizId,
        itemId: item.id,
        correct,
        now,
      })
    : null;

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

  const answered = await grantXp(
    tx,
    learner,
    history,
    { amount: outcome.xp, reason: request.mode === 'review' ? 'review' : 'answer', now },
    { answers: 1, correct: correct ? 1 : 0 },
    { theta: outcome.learnerTheta },
  );
  // A quiz answered all right earns its bonus once, on the answer that completes it.
  const bonusXp = quiz?.progress.perfect ? xpFor({ kind: 'perfect-quiz' }, { streakDays: answered.streak.current }) : 0;
  const { history: after, streak } = bonusXp
    ? await grantXp(tx, learner, answered.history, { amount: bonusXp, reason: 'perfect-quiz', now })
    : answered;
  if (masteredNow) {
    await logActivity(tx, 'concept-mastered', {
      userId: learner.userId,
      detail: { course: graph.course.slug, concept: item.conceptSlug },
      at: now,
    });
  }
  // The attempt is stored last, so an exercise it solves is counted here as well.
  const solvedNow = correct && item.type === 'code-exercise' ? item.id : undefined;
  const achievements = await unlockAchievements(tx, learner.userId, now, { solvedCodeExercise: solvedNow });

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

  const totalXp = stats.totalXp + outcome.xp + bonusXp;
  const result = {
    attemptId: request.attemptId,
    correct,
    feedback: graded.feedback,
    ...(graded.evaluation ? { evaluation: graded.evaluation } : {}),
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
      gained: outcome.xp + bonusXp,
      total: totalXp,
      today: after.todayXp,
      dailyGoal: learner.dailyGoalXp,
      tier: tierFor(totalXp).name,
    },
    streak: { current: streak.current, longest: streak.longest, atRisk: streak.atRisk },
    review: { rating: outcome.rating, due: card.due },
    achievements,
    unlockedConcepts,
    ...(quiz ? { quiz: { ...quiz.progress, bonusXp } } : {}),
    replayed: false,
  };
  // The attempt goes in last, with the result a repeated attempt id will get back.
  await tx.insert(attempts).values({
    userId: learner.userId,
    clientAttemptId: request.attemptId,
    sessionId: session?.id ?? null,
    quizId: request.quizId ?? null,
    itemId: item.id,
    conceptId: item.conceptId,
    kind: request.mode,
    response: graded.response as object,
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
