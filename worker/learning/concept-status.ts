/**
 * Where a learner stands on each concept of a course graph: locked until every
 * prerequisite is Proficient (LEARNING-SCIENCE.md), then available, in progress once
 * practised, mastered at P(L) ≥ 0.95. Pure: the caller loads the graph and the estimates.
 */
import { isUnlocked, masteryLevel, MASTERED_AT, type MasteryLevel } from './bkt';

export type ConceptStatus = 'locked' | 'available' | 'in-progress' | 'mastered';

export interface GraphConcept {
  id: string;
  prerequisites: readonly string[];
}

export interface ConceptEstimateSummary {
  pKnown: number;
  answers: number;
}

export interface ConceptStanding {
  status: ConceptStatus;
  /** Null until the learner has answered an item of the concept. */
  level: MasteryLevel | null;
  pKnown: number | null;
}

export function conceptStandings(
  concepts: readonly GraphConcept[],
  estimates: ReadonlyMap<string, ConceptEstimateSummary>,
): Map<string, ConceptStanding> {
  const levelOf = (id: string): MasteryLevel | null => {
    const estimate = estimates.get(id);
    return estimate && estimate.answers > 0 ? masteryLevel(estimate.pKnown) : null;
  };
  const standings = new Map<string, ConceptStanding>();
  for (const concept of concepts) {
    const estimate = estimates.get(concept.id);
    const practised = estimate !== undefined && estimate.answers > 0;
    const level = levelOf(concept.id);
    // A prerequisite never practised counts as the lowest level: it has not been shown.
    const unlocked = isUnlocked(concept.prerequisites.map((id) => levelOf(id) ?? 'attempted'));
    let status: ConceptStatus;
    if (practised && estimate.pKnown >= MASTERED_AT) status = 'mastered';
    else if (!unlocked) status = 'locked';
    else status = practised ? 'in-progress' : 'available';
    standings.set(concept.id, { status, level, pKnown: practised ? estimate.pKnown : null });
  }
  return standings;
}

/** Concepts the learner may practise now: unlocked ones, mastered included (for review). */
export function unlockedConcepts(standings: ReadonlyMap<string, ConceptStanding>): Set<string> {
  return new Set([...standings].filter(([, standing]) => standing.status !== 'locked').map(([id]) => id));
}

/** The frontier: unlocked and not yet mastered, where new practice does the most good. */
export function frontier(standings: ReadonlyMap<string, ConceptStanding>): Set<string> {
  return new Set(
    [...standings]
      .filter(([, standing]) => standing.status === 'available' || standing.status === 'in-progress')
      .map(([id]) => id),
  );
}
