/**
 * What the learner's live channel says after an answer, and how practice adapts: the
 * motivator celebrates what the attempt unlocked (achievements, a concept, mastery, a
 * streak milestone, the daily goal), and after a run of misses the quiz master steps down
 * and shows a worked example. Pure: the LearnerAgent gathers the inputs and sends the pushes.
 */
import { adaptAfterAnswers, MISSES_BEFORE_EASIER, workedExample } from './agents/quiz-master';
import { celebrate } from './agents/motivator';
import type { AgentReply, AnswerFeedback, Difficulty, LearnerSnapshot } from './agents/snapshot';
import type { PushEvent } from './protocol';

/** An attempt as the Worker reports it to the learner's object, after it was stored. */
export interface AttemptEvent {
  userId: string;
  course: string;
  itemId: string;
  itemSlug: string;
  conceptId: string;
  conceptSlug: string;
  difficulty: Difficulty;
  correct: boolean;
  at: string;
  timeZone: string;
  feedback: AnswerFeedback;
  achievements: { id: string; title: string; description: string }[];
  unlockedConcepts: string[];
  masteredNow: boolean;
  streak: { current: number; atRisk: boolean };
  xp: { gained: number; today: number; dailyGoal: number };
  /** When this item's review falls due (FSRS). */
  reviewDue: string | null;
}

/** What the Worker's attempt route sends: the request, the stored result and the learner's clock. */
export interface AttemptReport {
  userId: string;
  itemId: string;
  timeZone: string;
  at: string;
  result: {
    correct: boolean;
    explanation: string;
    feedback?: string[];
    achievements: { id: string; title: string; description: string }[];
    unlockedConcepts: string[];
    mastery: { levelBefore: string | null; levelAfter: string };
    streak: { current: number; atRisk: boolean };
    xp: { gained: number; today: number; dailyGoal: number };
    review: { due: string };
  };
}

/** The item an attempt was on, as the LearnerAgent looks it up. */
export interface AttemptedItem {
  slug: string;
  course: string;
  conceptId: string;
  conceptSlug: string;
  difficulty: Difficulty;
}

export function attemptEvent(report: AttemptReport, item: AttemptedItem): AttemptEvent {
  const { result } = report;
  return {
    userId: report.userId,
    course: item.course,
    itemId: report.itemId,
    itemSlug: item.slug,
    conceptId: item.conceptId,
    conceptSlug: item.conceptSlug,
    difficulty: item.difficulty,
    correct: result.correct,
    at: report.at,
    timeZone: report.timeZone,
    feedback: {
      itemSlug: item.slug,
      conceptId: item.conceptId,
      correct: result.correct,
      points: result.feedback ?? [],
      explanation: result.explanation,
      at: report.at,
    },
    achievements: result.achievements,
    unlockedConcepts: result.unlockedConcepts,
    masteredNow: result.mastery.levelAfter === 'mastered' && result.mastery.levelBefore !== 'mastered',
    streak: result.streak,
    xp: result.xp,
    reviewDue: result.review.due,
  };
}

export interface Push {
  event: PushEvent;
  reply?: AgentReply;
  at: string;
}

/** How practice is adjusted for a learner who keeps missing (kept by the LearnerAgent). */
export interface PracticeAdaptation {
  course: string;
  concept: string;
  conceptId: string;
  target: number;
  maxDifficulty: Difficulty;
  reason: string;
  workedExample: AgentReply;
}

/** One answer as the LearnerAgent remembers it (its interactions log), newest first. */
export interface RememberedAnswer {
  conceptId: string;
  correct: boolean;
}

/** Whether the object must load the learner's snapshot to react to this attempt. */
export function needsSnapshot(event: AttemptEvent, answers: readonly RememberedAnswer[]): boolean {
  return event.unlockedConcepts.length > 0 || event.masteredNow || isStruggling(event, answers);
}

/** Three or more misses in a row on the attempt's concept (the quiz master's rule). */
export function isStruggling(event: AttemptEvent, answers: readonly RememberedAnswer[]): boolean {
  if (event.correct) return false;
  const sameConcept = answers.filter((answer) => answer.conceptId === event.conceptId);
  const firstHit = sameConcept.findIndex((answer) => answer.correct);
  return (firstHit === -1 ? sameConcept.length : firstHit) >= MISSES_BEFORE_EASIER;
}

export function pushesForAttempt(
  event: AttemptEvent,
  snapshot: LearnerSnapshot | null,
): { pushes: Push[]; adaptation: PracticeAdaptation | null } {
  const at = event.at;
  const pushes: Push[] = [];
  const add = (pushEvent: PushEvent, reply: AgentReply | null) =>
    pushes.push({ event: pushEvent, at, ...(reply ? { reply } : {}) });

  for (const achievement of event.achievements) {
    add({ kind: 'achievement-unlocked', ...achievement }, celebrate({ kind: 'achievement-unlocked', ...achievement }));
  }
  const conceptBySlug = new Map(snapshot?.concepts.map((concept) => [concept.slug, concept]));
  if (event.masteredNow) {
    const concept = conceptBySlug.get(event.conceptSlug);
    add(
      { kind: 'concept-mastered', course: event.course, concept: event.conceptSlug },
      concept ? celebrate({ kind: 'concept-mastered', course: event.course, concept }) : null,
    );
  }
  for (const slug of event.unlockedConcepts) {
    const concept = conceptBySlug.get(slug);
    const lesson =
      concept && snapshot
        ? snapshot.lessons.filter((l) => l.conceptId === concept.id).sort((a, b) => a.position - b.position)[0]
        : undefined;
    add(
      { kind: 'concept-unlocked', course: event.course, concept: slug },
      concept
        ? celebrate({
            kind: 'concept-unlocked',
            course: event.course,
            concept: { slug: concept.slug, title: concept.title },
            ...(lesson ? { lesson: { slug: lesson.slug, title: lesson.title } } : {}),
          })
        : null,
    );
  }
  const goalBefore = event.xp.today - event.xp.gained;
  if (event.xp.dailyGoal > 0 && goalBefore < event.xp.dailyGoal && event.xp.today >= event.xp.dailyGoal) {
    const milestone = celebrate({ kind: 'streak-milestone', days: event.streak.current });
    const reply =
      milestone ??
      celebrate({ kind: 'daily-goal-met', xp: event.xp.today, goal: event.xp.dailyGoal, streak: event.streak.current });
    add({ kind: 'nudge' }, reply);
  }

  const adaptation = snapshot ? adaptationFor(event, snapshot) : null;
  if (adaptation) {
    add(
      { kind: 'worked-example', course: event.course, concept: event.conceptSlug, itemSlug: event.itemSlug },
      adaptation.workedExample,
    );
  }
  return { pushes, adaptation };
}

function adaptationFor(event: AttemptEvent, snapshot: LearnerSnapshot): PracticeAdaptation | null {
  const recent = snapshot.recentAttempts.filter((attempt) => attempt.conceptId === event.conceptId);
  const adapted = adaptAfterAnswers(recent);
  if (!adapted.easier || !adapted.targetDifficulty) return null;
  const concept = snapshot.concepts.find((candidate) => candidate.id === event.conceptId);
  if (!concept) return null;
  const lessons = snapshot.lessons.filter((lesson) => lesson.conceptId === concept.id);
  const example = workedExample({
    conceptTitle: concept.title,
    lessons,
    missed: { itemSlug: event.itemSlug, explanation: event.feedback.explanation },
  });
  return {
    course: event.course,
    concept: concept.slug,
    conceptId: concept.id,
    target: adapted.target,
    maxDifficulty: adapted.targetDifficulty,
    reason: adapted.reason,
    workedExample: {
      agent: 'quiz-master',
      text: example.text,
      links: [
        ...(example.lesson
          ? [{ kind: 'lesson' as const, course: event.course, slug: example.lesson.slug, title: example.lesson.title }]
          : []),
        { kind: 'concept', course: event.course, slug: concept.slug, title: concept.title },
      ],
      action: { kind: 'practice', course: event.course, concept: concept.slug, mode: 'practice' },
    },
  };
}
