/**
 * Choosing the next practice item: load the candidates (live items of the concept asked
 * for, or of the learner's frontier), the learner's abilities and recent history, and let
 * the pure selector pick the one nearest 75% predicted success (learning/select-item.ts).
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { attempts, items, learnerStats } from '../db/schema';
import { frontier, unlockedConcepts } from '../learning/concept-status';
import { selectItem, type SelectionMode } from '../learning/select-item';
import { ApiError } from '../errors';
import { loadCourseState } from './course-state';
import { optionCount, publicItem, publicItemColumns } from './item-view';
import { toThousandths } from '../learning/precision';
import type { Difficulty } from '../learning/xp';

const DIFFICULTY_ORDER: readonly Difficulty[] = ['easy', 'medium', 'hard'];

/** An item answered within the learner's last this-many answers is not asked again. */
export const RECENT_ITEMS = 10;

export async function nextItem(
  db: Queryable,
  userId: string,
  request: {
    course: string;
    concept?: string;
    mode?: SelectionMode;
    /** The quiz master's step-down for a struggling learner: a higher target, easier items only. */
    target?: number;
    maxDifficulty?: Difficulty;
  },
) {
  const state = await loadCourseState(db, userId, request.course);
  if (!state) throw new ApiError('not_found', `No course "${request.course}".`);
  const slugOf = new Map(state.concepts.map((concept) => [concept.id, concept.slug]));

  let conceptIds: Set<string>;
  if (request.concept) {
    const concept = state.concepts.find((candidate) => candidate.slug === request.concept);
    if (!concept) throw new ApiError('not_found', `No concept "${request.concept}" in "${request.course}".`);
    if (state.standings.get(concept.id)?.status === 'locked') {
      throw new ApiError('conflict', `"${concept.title}" is locked: reach Proficient in its prerequisites first.`);
    }
    conceptIds = new Set([concept.id]);
  } else {
    // The frontier first; once everything unlocked is mastered, keep practising all of it.
    const open = frontier(state.standings);
    conceptIds = open.size ? open : unlockedConcepts(state.standings);
  }
  if (!conceptIds.size) throw new ApiError('not_found', 'There is nothing to practise in this course yet.');

  const [candidates, recent, [stats]] = await Promise.all([
    db
      .select({ ...publicItemColumns, rating: items.rating, answers: items.answers })
      .from(items)
      .where(and(inArray(items.conceptId, [...conceptIds]), isNull(items.retiredAt))),
    db
      .select({ itemId: attempts.itemId })
      .from(attempts)
      .where(eq(attempts.userId, userId))
      .orderBy(desc(attempts.createdAt))
      .limit(RECENT_ITEMS),
    db.select({ theta: learnerStats.theta }).from(learnerStats).where(eq(learnerStats.userId, userId)),
  ]);
  if (!candidates.length) throw new ApiError('not_found', 'There is nothing to practise here yet.');
  const ceiling = request.maxDifficulty ? DIFFICULTY_ORDER.indexOf(request.maxDifficulty) : DIFFICULTY_ORDER.length;
  const easyEnough = candidates.filter(
    (candidate) => DIFFICULTY_ORDER.indexOf(candidate.difficulty as Difficulty) <= ceiling,
  );
  // Stepping down only narrows the choice when something easy enough exists.
  const pool = easyEnough.length ? easyEnough : candidates;

  // With few items, "not recently seen" keeps only the most recent ones out, so one is always left.
  const recentlySeen = new Set(recent.slice(0, Math.max(0, pool.length - 1)).map((row) => row.itemId));
  const byId = new Map(pool.map((candidate) => [candidate.id, candidate]));
  const selection = selectItem({
    items: pool.map((candidate) => ({
      id: candidate.id,
      conceptId: candidate.conceptId,
      difficulty: candidate.rating,
      k: optionCount(candidate),
      attempts: candidate.answers,
    })),
    ability: {
      global: stats?.theta ?? 0,
      byConcept: new Map([...state.estimates].map(([id, estimate]) => [id, estimate.theta])),
    },
    recentlySeen,
    unlockedConcepts: unlockedConcepts(state.standings),
    mode: request.mode,
    target: request.target,
  });
  if (!selection.item) throw new ApiError('not_found', 'There is nothing to practise here right now.');
  const row = byId.get(selection.item.id);
  if (!row) throw new Error(`selected item ${selection.item.id} is not among the candidates`);
  return {
    item: publicItem(row, state.course.slug, slugOf.get(row.conceptId) ?? ''),
    predicted: toThousandths(selection.predicted),
  };
}
