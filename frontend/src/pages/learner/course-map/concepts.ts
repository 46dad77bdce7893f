/**
 * The course map's view of a course: each concept of the graph (GET /api/courses/{course})
 * joined with the learner's standing on it (GET /api/courses/{course}/skills), and the
 * words every view uses for a state, so the graph, the list and the panel say the same.
 */
import type { Schemas } from '../../../api/client';
import { percentOf } from '../learner-format';

export type ConceptState = 'locked' | 'available' | 'in-progress' | 'mastered';
export type MasteryLevel = 'attempted' | 'familiar' | 'proficient' | 'mastered';

export interface MapLesson {
  slug: string;
  title: string;
  minutes: number;
}

export interface MapConcept {
  slug: string;
  title: string;
  summary: string;
  prerequisites: string[];
  lessons: MapLesson[];
  state: ConceptState;
  level: MasteryLevel | null;
  /** P(known), 0–1; null until practised. */
  probability: number | null;
  answers: number;
  accuracy: number | null;
  nextReviewAt: string | null;
}

export const STATE_WORDS: Record<ConceptState, string> = {
  locked: 'locked',
  available: 'available',
  'in-progress': 'in progress',
  mastered: 'mastered',
};

export const LEVEL_WORDS: Record<MasteryLevel, string> = {
  attempted: 'Attempted',
  familiar: 'Familiar',
  proficient: 'Proficient',
  mastered: 'Mastered',
};

/** Course titles use Markdown code spans (`here`, `self`); a label shows them as plain words. */
export function plainTitle(title: string): string {
  return title.replace(/`([^`]*)`/g, '$1');
}

/** "Mastered · 92%", "In progress · 45%", "Available", "Locked". */
export function stateLine(concept: Pick<MapConcept, 'state' | 'probability'>): string {
  const words = STATE_WORDS[concept.state];
  const capital = `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
  return concept.probability === null || concept.state === 'locked'
    ? capital
    : `${capital} · ${percentOf(concept.probability)}`;
}

/** The accessible name of a concept's node: "Walkers — mastered, 92%". */
export function conceptLabel(concept: Pick<MapConcept, 'title' | 'state' | 'probability'>): string {
  const mastery =
    concept.probability === null || concept.state === 'locked' ? '' : `, ${percentOf(concept.probability)}`;
  return `${plainTitle(concept.title)} — ${STATE_WORDS[concept.state]}${mastery}`;
}

/**
 * The course's concepts in teaching order with the learner's standing. The skill map is
 * the more detailed source; the course's own `learner` field covers a concept the skill
 * map does not list, and without either a concept is drawn locked only if it has
 * prerequisites (a signed-in learner always has both, this is for a stale answer).
 */
export function mapConcepts(course: Schemas['Course'], skills?: Schemas['SkillMap']): MapConcept[] {
  const skillOf = new Map((skills?.concepts ?? []).map((skill) => [skill.slug, skill]));
  return course.concepts.map((concept): MapConcept => {
    const skill = skillOf.get(concept.slug);
    const standing = skill ?? concept.learner;
    return {
      slug: concept.slug,
      title: concept.title,
      summary: concept.summary,
      prerequisites: concept.prerequisites,
      lessons: concept.lessons,
      state: standing?.status ?? (concept.prerequisites.length ? 'locked' : 'available'),
      level: standing?.level ?? null,
      probability: standing?.probability ?? null,
      answers: skill?.answers ?? 0,
      accuracy: skill?.accuracy ?? null,
      nextReviewAt: skill?.nextReviewAt ?? null,
    };
  });
}

/** Counts per state, for the map's summary line. */
export function stateCounts(concepts: readonly MapConcept[]): Record<ConceptState, number> {
  const counts: Record<ConceptState, number> = { locked: 0, available: 0, 'in-progress': 0, mastered: 0 };
  for (const concept of concepts) counts[concept.state]++;
  return counts;
}
