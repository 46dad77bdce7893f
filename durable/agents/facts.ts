/**
 * Reading a learner snapshot the same way in every agent: look-ups, the prerequisite rule,
 * links into the course and the wording of numbers. Keeping these in one place is what
 * lets every reply quote real titles and numbers without each agent re-deriving them.
 */
import { atLeast } from '../../worker/learning/bkt';
import type { MasteryLevel } from '../../worker/learning/bkt';
import type { AgentLink, LearnerSnapshot, SnapshotAttempt, SnapshotConcept, SnapshotLesson } from './snapshot';

export const LEVEL_NAMES: Record<MasteryLevel, string> = {
  attempted: 'Attempted',
  familiar: 'Familiar',
  proficient: 'Proficient',
  mastered: 'Mastered',
};

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function conceptById(snapshot: LearnerSnapshot, id: string | undefined): SnapshotConcept | undefined {
  return id === undefined ? undefined : snapshot.concepts.find((concept) => concept.id === id);
}

/** A concept's lessons in reading order. */
export function lessonsOf(snapshot: LearnerSnapshot, conceptId: string): SnapshotLesson[] {
  return snapshot.lessons
    .filter((lesson) => lesson.conceptId === conceptId)
    .sort((a, b) => a.position - b.position || a.slug.localeCompare(b.slug));
}

export function firstUnreadLesson(snapshot: LearnerSnapshot, conceptId: string): SnapshotLesson | null {
  return lessonsOf(snapshot, conceptId).find((lesson) => !lesson.completed) ?? null;
}

/** A prerequisite is met at Proficient (LEARNING-SCIENCE.md: the unlock rule). */
export function isMet(concept: SnapshotConcept): boolean {
  return concept.level !== null && atLeast(concept.level, 'proficient');
}

/** The direct prerequisites of a concept that are not Proficient yet, in teaching order. */
export function unmetPrerequisites(snapshot: LearnerSnapshot, concept: SnapshotConcept): SnapshotConcept[] {
  return concept.prerequisites
    .map((id) => conceptById(snapshot, id))
    .filter((prereq): prereq is SnapshotConcept => prereq !== undefined && !isMet(prereq))
    .sort(byPosition);
}

export function byPosition(a: SnapshotConcept, b: SnapshotConcept): number {
  return a.position - b.position || a.slug.localeCompare(b.slug);
}

/** A concept never practised starts with a placement (diagnostic) quiz, target P = 0.5. */
export function practiceMode(concept: SnapshotConcept): 'practice' | 'diagnostic' {
  return concept.answers > 0 ? 'practice' : 'diagnostic';
}

/** Never-practised concepts count as knowing nothing yet. */
export function strength(concept: SnapshotConcept): number {
  return concept.pKnown ?? 0;
}

export function isFrontier(concept: SnapshotConcept): boolean {
  return concept.status === 'available' || concept.status === 'in-progress';
}

/** When the learner's current stretch of work began: the session's start, else 3 hours ago. */
export function currentSince(snapshot: LearnerSnapshot): number {
  return snapshot.session ? Date.parse(snapshot.session.startedAt) : Date.parse(snapshot.now) - 3 * HOUR_MS;
}

/** The attempts of the learner's current stretch of work (newest first). */
export function currentAttempts(snapshot: LearnerSnapshot): SnapshotAttempt[] {
  const since = currentSince(snapshot);
  return snapshot.recentAttempts.filter((attempt) => Date.parse(attempt.at) >= since);
}

/** Misses in a row, counted from the newest attempt (attempts are newest first). */
export function missStreak(attempts: readonly SnapshotAttempt[]): number {
  const firstHit = attempts.findIndex((attempt) => attempt.correct);
  return firstHit === -1 ? attempts.length : firstHit;
}

export function hitStreak(attempts: readonly SnapshotAttempt[]): number {
  const firstMiss = attempts.findIndex((attempt) => !attempt.correct);
  return firstMiss === -1 ? attempts.length : firstMiss;
}

export function accuracy(attempts: readonly { correct: boolean }[]): number | null {
  return attempts.length ? attempts.filter((attempt) => attempt.correct).length / attempts.length : null;
}

export function conceptLink(snapshot: LearnerSnapshot, concept: SnapshotConcept): AgentLink {
  return { kind: 'concept', course: snapshot.course.slug, slug: concept.slug, title: concept.title };
}

export function lessonLink(snapshot: LearnerSnapshot, lesson: SnapshotLesson): AgentLink {
  return { kind: 'lesson', course: snapshot.course.slug, slug: lesson.slug, title: lesson.title };
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "A", "A and B", "A, B and C". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** How a learner stands on a concept, in words: "Familiar, 3 of 5 right". */
export function standingText(concept: SnapshotConcept): string {
  if (concept.level === null) return 'not practised yet';
  return `${LEVEL_NAMES[concept.level]}, ${concept.correct} of ${plural(concept.answers, 'answer')} right`;
}
