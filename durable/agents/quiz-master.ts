/**
 * The quiz master: starting a quiz on a concept ("quiz me on edges"), hints one step at a
 * time, and when to back off after misses. Quiz assembly lives in quiz-plan.ts (re-exported
 * here). After a run of misses a learner gets easier items and a worked example (the
 * worked-example effect, Sweller & Cooper 1985: a novice who keeps failing learns more from
 * studying a solution than from another attempt). Pure and deterministic.
 */
import { PRACTICE_BAND, PRACTICE_TARGET } from '../../worker/learning/select-item';
import { recommendations, resolveConcept, learningPath } from './content-curator';
import {
  conceptLink,
  firstUnreadLesson,
  lessonLink,
  listWords,
  missStreak,
  practiceMode,
  standingText,
  strength,
  unmetPrerequisites,
} from './facts';
import { proseParagraphs, searchLessons, trimAtWord } from './retrieval';
import type {
  AgentLink,
  AgentReply,
  Difficulty,
  LearnerSnapshot,
  SnapshotAttempt,
  SnapshotConcept,
  SnapshotLesson,
} from './snapshot';

export { type PoolItem, type QuizKind, QUIZ_MIX, QUIZ_TARGETS, difficultyMix, planQuiz } from './quiz-plan';

const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];

export interface HintStep {
  /** The hint to show, or null when there is none left. */
  hint: string | null;
  /** Hints shown once this one is (1-based count). */
  used: number;
  remaining: number;
  text: string;
}

/** The next hint: authored hints go from the gentlest nudge to the most telling, in order. */
export function nextHint(hints: readonly string[], hintsUsed: number): HintStep {
  const used = Math.max(0, Math.floor(hintsUsed));
  if (hints.length === 0) {
    return {
      hint: null,
      used: 0,
      remaining: 0,
      text: 'This question has no hints. Reread the prompt and try one step at a time; a wrong answer shows the explanation.',
    };
  }
  const hint = hints[used];
  if (hint === undefined) {
    return {
      hint: null,
      used: hints.length,
      remaining: 0,
      text: `You have seen all ${hints.length} hints for this question. Give it your best answer: if it is wrong, you will see the explanation.`,
    };
  }
  const remaining = hints.length - used - 1;
  const after = remaining
    ? `(${remaining} more if you need ${remaining === 1 ? 'it' : 'them'})`
    : '(that was the last one)';
  return { hint, used: used + 1, remaining, text: `Hint ${used + 1} of ${hints.length}: ${hint} ${after}` };
}

export interface Adaptation {
  easier: boolean;
  /** Target P(correct) for the next item. */
  target: number;
  /** The difficulty to serve next, when it should change. */
  targetDifficulty: Difficulty | null;
  workedExample: boolean;
  missesInARow: number;
  reason: string;
}

export const MISSES_BEFORE_EASIER = 3;

/** After three or more misses in a row on the newest attempt's concept, step down and show a worked example. */
export function adaptAfterAnswers(recentAttempts: readonly SnapshotAttempt[]): Adaptation {
  const concept = recentAttempts[0]?.conceptId;
  const misses = missStreak(recentAttempts.filter((attempt) => attempt.conceptId === concept));
  const last = recentAttempts[0];
  if (!last || misses < MISSES_BEFORE_EASIER) {
    return {
      easier: false,
      target: PRACTICE_TARGET,
      targetDifficulty: null,
      workedExample: false,
      missesInARow: misses,
      reason: 'Answers are on track: keep the usual 75% target.',
    };
  }
  const step = Math.max(0, DIFFICULTIES.indexOf(last.difficulty) - 1);
  const targetDifficulty = DIFFICULTIES[step] ?? 'easy';
  return {
    easier: true,
    target: PRACTICE_BAND[1],
    targetDifficulty,
    workedExample: true,
    missesInARow: misses,
    reason: `${misses} misses in a row: a worked example, then ${targetDifficulty} questions until answers come right again.`,
  };
}

export interface WorkedExampleInput {
  conceptTitle: string;
  /** The concept's lessons. */
  lessons: readonly SnapshotLesson[];
  /** The last missed item and its authored explanation, when known. */
  missed: { itemSlug: string; explanation: string } | null;
}

export interface WorkedExample {
  explanation: string | null;
  lesson: SnapshotLesson | null;
  excerpt: string | null;
  text: string;
}

/** What to show after a run of misses: the missed item's explanation and the lesson passage closest to it. */
export function workedExample({ conceptTitle, lessons, missed }: WorkedExampleInput): WorkedExample {
  const [hit] = searchLessons(lessons, `${conceptTitle} ${missed?.explanation ?? ''}`, 1);
  const lesson = hit?.lesson ?? [...lessons].sort((a, b) => a.position - b.position)[0] ?? null;
  const excerpt = hit?.excerpt ?? (lesson ? trimAtWord(proseParagraphs(lesson.body)[0] ?? '') || null : null);
  const parts = [`Let's slow down and work through ${conceptTitle} together.`];
  if (missed) parts.push(`In the question you just missed: ${missed.explanation}`);
  if (lesson && excerpt) parts.push(`From the lesson "${lesson.title}":\n> ${excerpt}`);
  return { explanation: missed?.explanation ?? null, lesson, excerpt, text: parts.join('\n\n') };
}

/** "Quiz me (on X)": start practice on the concept, or say what to do first when it is locked. */
export function quizMe(snapshot: LearnerSnapshot, topic?: string): AgentReply {
  const course = snapshot.course.slug;
  const named = topic ? resolveConcept(snapshot, topic) : null;
  const concept = named ?? defaultConcept(snapshot);
  const lead = topic && !named ? `I could not find "${topic}" in ${snapshot.course.title}. ` : '';
  if (!concept) return { agent: 'quiz-master', text: `${lead}This course has no concepts to practise yet.`, links: [] };
  if (concept.status === 'locked') {
    const unmet = unmetPrerequisites(snapshot, concept);
    const first = learningPath(snapshot, concept.slug).find((c) => c.status !== 'locked') ?? unmet[0] ?? concept;
    return {
      agent: 'quiz-master',
      text: `${concept.title} is locked until ${listWords(unmet.map((c) => c.title))} ${unmet.length === 1 ? 'is' : 'are'} Proficient. Start with ${first.title} (${standingText(first)}).`,
      links: [conceptLink(snapshot, first), conceptLink(snapshot, concept)],
      action: { kind: 'practice', course, concept: first.slug, mode: practiceMode(first) },
    };
  }
  const links: AgentLink[] = [conceptLink(snapshot, concept)];
  const unread = firstUnreadLesson(snapshot, concept.id);
  if (unread) links.push(lessonLink(snapshot, unread));
  let text: string;
  if (concept.answers === 0) {
    text = `You have not practised ${concept.title} yet, so this starts with a short placement quiz: questions you have about an even chance on, to find your level.`;
  } else if (concept.status === 'mastered') {
    text = `You have mastered ${concept.title} (${standingText(concept)}). A few review questions keep it fresh.`;
  } else {
    text = `${concept.title}: ${standingText(concept)}. Practice picks questions you should get right about 3 times in 4.`;
  }
  return {
    agent: 'quiz-master',
    text: lead + text,
    links,
    action: { kind: 'practice', course, concept: concept.slug, mode: practiceMode(concept) },
  };
}

/** Without a topic: the weakest concept in progress, else the next unlocked one, else the weakest mastered. */
function defaultConcept(snapshot: LearnerSnapshot): SnapshotConcept | null {
  const suggested = recommendations(snapshot, 10).find((rec) => rec.concept)?.concept;
  if (suggested) return suggested;
  return [...snapshot.concepts].sort((a, b) => strength(a) - strength(b) || a.position - b.position)[0] ?? null;
}
