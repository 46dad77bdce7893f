/**
 * What a learner should do next, each suggestion with the reason a person would give:
 * due reviews first (forgetting is the clock that does not wait), then the weakest concept
 * in progress, then newly unlocked concepts in teaching order, with the lesson to read when
 * it has not been read. Pure; the content curator agent builds its richer path on this.
 */
import type { ConceptStanding } from './concept-status';

export interface RecommendationConcept {
  id: string;
  slug: string;
  title: string;
  /** Teaching order (prerequisites first). */
  position: number;
  /** The concept's first lesson not yet completed, if any. */
  unreadLesson: { slug: string; title: string } | null;
}

export type Recommendation =
  | { kind: 'review'; reason: string; count: number }
  | { kind: 'lesson'; reason: string; concept: string; lesson: string }
  | { kind: 'practice'; reason: string; concept: string };

const LEVEL_NAMES = { attempted: 'Attempted', familiar: 'Familiar', proficient: 'Proficient', mastered: 'Mastered' };

export function recommend(
  concepts: readonly RecommendationConcept[],
  standings: ReadonlyMap<string, ConceptStanding>,
  dueReviews: number,
  limit = 5,
): Recommendation[] {
  const out: Recommendation[] = [];
  if (dueReviews > 0) {
    out.push({
      kind: 'review',
      count: dueReviews,
      reason: `${dueReviews} review${dueReviews === 1 ? ' is' : 's are'} due: answering now keeps them from being forgotten.`,
    });
  }
  const inProgress = concepts
    .filter((concept) => standings.get(concept.id)?.status === 'in-progress')
    .sort((a, b) => (standings.get(a.id)?.pKnown ?? 0) - (standings.get(b.id)?.pKnown ?? 0) || a.position - b.position);
  for (const concept of inProgress) {
    const level = standings.get(concept.id)?.level ?? 'attempted';
    out.push({
      kind: 'practice',
      concept: concept.slug,
      reason: `You are ${LEVEL_NAMES[level]} in ${concept.title}; practice moves you toward Mastered.`,
    });
  }
  const available = concepts
    .filter((concept) => standings.get(concept.id)?.status === 'available')
    .sort((a, b) => a.position - b.position);
  for (const concept of available) {
    out.push(
      concept.unreadLesson
        ? {
            kind: 'lesson',
            concept: concept.slug,
            lesson: concept.unreadLesson.slug,
            reason: `${concept.title} is unlocked: start with the lesson "${concept.unreadLesson.title}".`,
          }
        : {
            kind: 'practice',
            concept: concept.slug,
            reason: `${concept.title} is unlocked and you have read its lesson: try some practice.`,
          },
    );
  }
  return out.slice(0, limit);
}
