/**
 * Quizzes the quiz master plans: diagnostic (placement, aimed at 50%), formative (75%) and
 * summative (harder, to confirm mastery), each a fixed list of items in the kind's
 * easy/medium/hard mix (durable/agents/quiz-plan.ts). Items are answered through the
 * attempts route with the quiz's id; the last answer completes the quiz, and a quiz
 * answered all right earns the perfect-quiz bonus and counts toward Perfect Score.
 */
import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { planQuiz, QUIZ_TARGETS, type QuizKind } from '../../durable/agents/quiz-plan';
import type { Queryable } from '../db/types';
import { attempts, concepts, courses, items, learnerStats, quizzes } from '../db/schema';
import { frontier, unlockedConcepts } from '../learning/concept-status';
import { predictCorrectFromAbility } from '../learning/elo';
import type { Difficulty } from '../learning/xp';
import { ApiError } from '../errors';
import { loadCourseState } from './course-state';
import { optionCount, publicItem, publicItemColumns } from './item-view';
import { RECENT_ITEMS } from './next-item';

export const DEFAULT_QUIZ_LENGTH: Record<QuizKind, number> = { diagnostic: 8, formative: 10, summative: 12 };

type QuizRow = typeof quizzes.$inferSelect;

export async function createQuiz(
  db: Queryable,
  userId: string,
  request: { course: string; concept?: string; kind: QuizKind; length?: number },
) {
  const state = await loadCourseState(db, userId, request.course);
  if (!state) throw new ApiError('not_found', `No course "${request.course}".`);
  let conceptIds: Set<string>;
  let conceptId: string | null = null;
  if (request.concept) {
    const concept = state.concepts.find((candidate) => candidate.slug === request.concept);
    if (!concept) throw new ApiError('not_found', `No concept "${request.concept}" in "${request.course}".`);
    if (state.standings.get(concept.id)?.status === 'locked') {
      throw new ApiError('conflict', `"${concept.title}" is locked: reach Proficient in its prerequisites first.`);
    }
    conceptIds = new Set([concept.id]);
    conceptId = concept.id;
  } else {
    // Placement and practice look at the frontier; a summative quiz covers all that is unlocked.
    const open = request.kind === 'summative' ? unlockedConcepts(state.standings) : frontier(state.standings);
    conceptIds = open.size ? open : unlockedConcepts(state.standings);
  }
  if (!conceptIds.size) throw new ApiError('not_found', 'There is nothing to quiz on in this course yet.');

  const [candidates, recent, [stats]] = await Promise.all([
    db
      .select({ ...publicItemColumns, rating: items.rating })
      .from(items)
      // Quizzes are quick checks: code exercises, which take minutes, are practised on their own.
      .where(and(inArray(items.conceptId, [...conceptIds]), isNull(items.retiredAt), ne(items.type, 'code-exercise'))),
    db
      .select({ itemId: attempts.itemId })
      .from(attempts)
      .where(eq(attempts.userId, userId))
      .orderBy(desc(attempts.createdAt))
      .limit(RECENT_ITEMS),
    db.select({ theta: learnerStats.theta }).from(learnerStats).where(eq(learnerStats.userId, userId)),
  ]);
  const ability = (id: string) => state.estimates.get(id)?.theta ?? stats?.theta ?? 0;
  const pool = candidates.map((candidate) => ({
    id: candidate.id,
    conceptId: candidate.conceptId,
    difficulty: candidate.difficulty as Difficulty,
    predicted: predictCorrectFromAbility(ability(candidate.conceptId), candidate.rating, optionCount(candidate)),
  }));
  const length = request.length ?? DEFAULT_QUIZ_LENGTH[request.kind];
  // Recently answered items stay out unless the pool would then be too small to fill the quiz.
  const recentIds = recent.map((row) => row.itemId);
  const planned = planQuiz(request.kind, pool, length, pool.length - recentIds.length >= length ? recentIds : []);
  if (!planned.length) throw new ApiError('not_found', 'There is nothing to quiz on here yet.');

  const [row] = await db
    .insert(quizzes)
    .values({ userId, courseId: state.course.id, conceptId, kind: request.kind, itemIds: planned })
    .returning();
  if (!row) throw new Error('the quiz was not returned by its insert');
  const slugOf = new Map(state.concepts.map((concept) => [concept.id, concept.slug]));
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const predictedOf = new Map(pool.map((item) => [item.id, item.predicted]));
  return {
    ...describeQuiz(row, state.course.slug, request.concept ?? null),
    target: QUIZ_TARGETS[request.kind],
    items: planned.flatMap((id) => {
      const candidate = byId.get(id);
      if (!candidate) return [];
      return [
        {
          item: publicItem(candidate, state.course.slug, slugOf.get(candidate.conceptId) ?? ''),
          predicted: Math.round((predictedOf.get(id) ?? 0) * 1000) / 1000,
        },
      ];
    }),
  };
}

/** Where a quiz stands: the counts every view of it shares. */
function quizCounts(row: QuizRow) {
  return {
    id: row.id,
    kind: row.kind as QuizKind,
    total: row.itemIds.length,
    answered: row.answered,
    correct: row.correct,
    completedAt: row.completedAt?.toISOString() ?? null,
    perfect: row.perfect,
  };
}

function describeQuiz(row: QuizRow, course: string, concept: string | null) {
  return { ...quizCounts(row), course, concept };
}

export type QuizProgress = ReturnType<typeof quizCounts>;

/**
 * Counts an answer toward its quiz, inside the attempt's transaction (after the learner's
 * stats row is locked, so a learner's answers to one quiz are counted one at a time).
 * Refuses an item that is not in the quiz, a quiz that is not the learner's or is done.
 */
export async function recordQuizAnswer(
  tx: Queryable,
  input: { userId: string; quizId: string; itemId: string; correct: boolean; now: Date },
): Promise<{ progress: QuizProgress; completedNow: boolean }> {
  const [quiz] = await tx
    .select()
    .from(quizzes)
    .where(and(eq(quizzes.id, input.quizId), eq(quizzes.userId, input.userId)))
    .for('update');
  if (!quiz) throw new ApiError('not_found', 'No such quiz.');
  if (quiz.completedAt) throw new ApiError('conflict', 'This quiz is finished: start a new one.');
  if (!quiz.itemIds.includes(input.itemId)) throw new ApiError('bad_request', 'This item is not part of the quiz.');
  const [already] = await tx
    .select({ id: attempts.id })
    .from(attempts)
    .where(and(eq(attempts.quizId, quiz.id), eq(attempts.itemId, input.itemId)))
    .limit(1);
  if (already) throw new ApiError('conflict', 'This quiz question was already answered.');
  const answered = quiz.answered + 1;
  const correct = quiz.correct + (input.correct ? 1 : 0);
  const completedNow = answered === quiz.itemIds.length;
  const perfect = completedNow && correct === quiz.itemIds.length;
  const [updated] = await tx
    .update(quizzes)
    .set({
      answered: sql`${quizzes.answered} + 1`,
      correct: sql`${quizzes.correct} + ${input.correct ? 1 : 0}`,
      ...(completedNow ? { completedAt: input.now, perfect } : {}),
    })
    .where(eq(quizzes.id, quiz.id))
    .returning();
  if (!updated) throw new Error(`quiz ${quiz.id} vanished inside its transaction`);
  return { progress: quizCounts(updated), completedNow };
}

/** A learner's quiz: its items (as a learner sees them) and which are answered, and how. */
export async function quizView(db: Queryable, userId: string, quizId: string) {
  const [row] = await db
    .select({ quiz: quizzes, course: courses.slug, concept: concepts.slug })
    .from(quizzes)
    .innerJoin(courses, eq(courses.id, quizzes.courseId))
    .leftJoin(concepts, eq(concepts.id, quizzes.conceptId))
    .where(and(eq(quizzes.id, quizId), eq(quizzes.userId, userId)))
    .limit(1);
  if (!row) throw new ApiError('not_found', 'No such quiz.');
  const ids = row.quiz.itemIds;
  const [rows, answers] = await Promise.all([
    db
      .select({ ...publicItemColumns, concept: concepts.slug })
      .from(items)
      .innerJoin(concepts, eq(concepts.id, items.conceptId))
      .where(inArray(items.id, ids)),
    db.select({ itemId: attempts.itemId, correct: attempts.correct }).from(attempts).where(eq(attempts.quizId, quizId)),
  ]);
  const byId = new Map(rows.map((item) => [item.id, item]));
  const answerOf = new Map(answers.map((answer) => [answer.itemId, answer.correct]));
  return {
    ...describeQuiz(row.quiz, row.course, row.concept),
    target: QUIZ_TARGETS[row.quiz.kind as QuizKind],
    items: ids.flatMap((id) => {
      const item = byId.get(id);
      if (!item) return [];
      const { concept, ...columns } = item;
      return [
        {
          item: publicItem(columns, row.course, concept),
          answered: answerOf.has(id),
          correct: answerOf.get(id) ?? null,
        },
      ];
    }),
  };
}
