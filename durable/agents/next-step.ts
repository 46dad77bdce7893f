/**
 * The orchestrator's own decision: what the learner should do next, and why. Checked in
 * order: a break when the session is long or accuracy is sliding late in it; help when the
 * learner is struggling (re-read, then easier items); due reviews (forgetting does not
 * wait, FSRS); the lesson of a concept that just unlocked; harder items when a concept is
 * going well; otherwise the content curator's recommendation. Pure.
 */
import { MASTERED_AT, PROFICIENT_AT } from '../../worker/learning/bkt';
import { recommendations } from './content-curator';
import {
  accuracy,
  byPosition,
  conceptById,
  conceptLink,
  currentAttempts,
  currentSince,
  firstUnreadLesson,
  LEVEL_NAMES,
  lessonLink,
  lessonsOf,
  MINUTE_MS,
  percent,
  practiceMode,
} from './facts';
import { halves, TREND_DELTA } from './progress-tracker';
import { adaptAfterAnswers } from './quiz-master';
import type { AgentLink, AgentReply, LearnerSnapshot, SnapshotConcept, SnapshotLesson } from './snapshot';

export type NextStepKind = 'lesson' | 'practice' | 'review' | 'challenge' | 'break';

export interface NextStep {
  kind: NextStepKind;
  reason: string;
  concept?: { slug: string; title: string };
  lesson?: { slug: string; title: string };
  /** For a break. */
  minutes?: number;
}

export const BREAK_AFTER_MINUTES = 45;
export const TIRED_AFTER_ANSWERS = 25;

const ref = (x: SnapshotConcept | SnapshotLesson): { slug: string; title: string } => ({
  slug: x.slug,
  title: x.title,
});

export function decideNextStep(snapshot: LearnerSnapshot): NextStep {
  const now = Date.parse(snapshot.now);
  const session = snapshot.session;
  const current = currentAttempts(snapshot);
  if (session) {
    const minutes = Math.floor((now - Date.parse(session.startedAt)) / MINUTE_MS);
    if (minutes >= BREAK_AFTER_MINUTES) {
      return {
        kind: 'break',
        minutes: 10,
        reason: `You have been at it for ${minutes} minutes: a 10-minute break helps what you learned settle.`,
      };
    }
    const { newer, older } = halves(current);
    if (session.answers >= TIRED_AFTER_ANSWERS && newer !== null && older !== null && older - newer >= TREND_DELTA) {
      return {
        kind: 'break',
        minutes: 5,
        reason: `${session.answers} answers in, and accuracy has dropped from ${percent(older)} to ${percent(newer)}: a short break will help more than more questions.`,
      };
    }
  }

  const focus = conceptById(snapshot, current[0]?.conceptId);
  const onFocus = current.filter((attempt) => attempt.conceptId === focus?.id);
  const focusAccuracy = accuracy(onFocus);
  if (focus) {
    const adapt = adaptAfterAnswers(onFocus);
    const lesson = firstUnreadLesson(snapshot, focus.id) ?? lessonsOf(snapshot, focus.id)[0];
    if (adapt.easier && lesson) {
      return {
        kind: 'lesson',
        concept: ref(focus),
        lesson: ref(lesson),
        reason: `${adapt.missesInARow} misses in a row on ${focus.title}: ${lesson.completed ? 're-read' : 'read'} "${lesson.title}", then easier questions.`,
      };
    }
    if (adapt.easier || (onFocus.length >= 4 && focusAccuracy !== null && focusAccuracy < 0.5)) {
      const right = onFocus.filter((attempt) => attempt.correct).length;
      return {
        kind: 'practice',
        concept: ref(focus),
        reason: `${right} of ${onFocus.length} right on ${focus.title} so far: easier questions next, to rebuild from what you know.`,
      };
    }
  }

  const due = snapshot.reviews.dueNow;
  if (due > 0) {
    return {
      kind: 'review',
      reason: `${due} review${due === 1 ? ' is' : 's are'} due: answering now keeps them from being forgotten.`,
    };
  }

  // A concept that unlocked during this stretch of work: read its lesson while the prerequisite is fresh.
  const since = currentSince(snapshot);
  const unlocked = snapshot.concepts
    .filter((c) => c.status === 'available' && c.prerequisites.some((id) => becameProficient(snapshot, id, since)))
    .sort(byPosition)
    .map((concept) => ({ concept, lesson: firstUnreadLesson(snapshot, concept.id) }))
    .find((x) => x.lesson);
  if (unlocked?.lesson) {
    return {
      kind: 'lesson',
      concept: ref(unlocked.concept),
      lesson: ref(unlocked.lesson),
      reason: `${unlocked.concept.title} just unlocked: start with the lesson "${unlocked.lesson.title}".`,
    };
  }

  if (focus && (focus.pKnown ?? 0) >= PROFICIENT_AT && onFocus.length >= 5 && (focusAccuracy ?? 0) >= 0.85) {
    const right = onFocus.filter((attempt) => attempt.correct).length;
    const level = focus.level ? LEVEL_NAMES[focus.level] : 'Proficient';
    return {
      kind: 'challenge',
      concept: ref(focus),
      reason: `${right} of ${onFocus.length} right on ${focus.title} (${level}): time for harder questions.`,
    };
  }

  const [top] = recommendations(snapshot, 1);
  if (top?.concept) {
    return {
      kind: top.kind === 'lesson' ? 'lesson' : 'practice',
      reason: top.reason,
      concept: ref(top.concept),
      ...(top.lesson ? { lesson: ref(top.lesson) } : {}),
    };
  }
  const weakestMastered = snapshot.concepts
    .filter((c) => (c.pKnown ?? 0) >= MASTERED_AT)
    .sort((a, b) => (a.pKnown ?? 0) - (b.pKnown ?? 0) || byPosition(a, b))[0];
  if (weakestMastered) {
    return {
      kind: 'challenge',
      concept: ref(weakestMastered),
      reason: `You have mastered every concept open to you. Harder questions on ${weakestMastered.title} keep it sharp.`,
    };
  }
  return { kind: 'review', reason: `There is nothing new to study in ${snapshot.course.title} right now.` };
}

/** Whether a concept's mastery history crosses Proficient after `since` (BKT history, oldest first). */
function becameProficient(snapshot: LearnerSnapshot, conceptId: string, since: number): boolean {
  const points = snapshot.masteryHistory.filter((p) => p.conceptId === conceptId);
  const before = points.filter((p) => Date.parse(p.at) <= since).at(-1);
  const after = points.filter((p) => Date.parse(p.at) > since);
  return (before?.pKnown ?? 0) < PROFICIENT_AT && after.some((p) => p.pKnown >= PROFICIENT_AT);
}

/** The decision as a chat reply, with the button that starts it. */
export function nextStepReply(snapshot: LearnerSnapshot, step: NextStep): AgentReply {
  const course = snapshot.course.slug;
  const concept = snapshot.concepts.find((c) => c.slug === step.concept?.slug);
  const lesson = snapshot.lessons.find((l) => l.slug === step.lesson?.slug);
  const links: AgentLink[] = [];
  if (lesson) links.push(lessonLink(snapshot, lesson));
  if (concept) links.push(conceptLink(snapshot, concept));
  const reply: AgentReply = { agent: 'orchestrator', text: step.reason, links };
  switch (step.kind) {
    case 'break':
      return { ...reply, action: { kind: 'break', minutes: step.minutes ?? 5 } };
    case 'review':
      if (snapshot.reviews.dueNow === 0) return reply;
      return {
        ...reply,
        links: [{ kind: 'reviews', course, title: 'Reviews due' }],
        action: { kind: 'review', course },
      };
    case 'lesson':
      return lesson ? { ...reply, action: { kind: 'lesson', course, lesson: lesson.slug } } : reply;
    case 'practice':
    case 'challenge':
      return concept
        ? { ...reply, action: { kind: 'practice', course, concept: concept.slug, mode: practiceMode(concept) } }
        : reply;
  }
}
