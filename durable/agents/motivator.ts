/**
 * The motivator: reads the learner's situation (struggling, on a roll, back after a break,
 * streak at risk, goal met), picks an encouraging message with their real numbers in it,
 * never the same one twice in a row, celebrates milestones and decides when to nudge.
 * Streak rules and milestones come from worker/learning/streak.ts; times are in the
 * learner's own time zone (worker/learning/local-time.ts). Messages live in motivator-messages.ts.
 */
import { dayNumber, localDay, localTime, startOfLocalDay } from '../../worker/learning/local-time';
import { STREAK_MILESTONES } from '../../worker/learning/streak';
import { recommendations } from './content-curator';
import {
  accuracy,
  conceptById,
  conceptLink,
  currentAttempts,
  hitStreak,
  HOUR_MS,
  MINUTE_MS,
  missStreak,
  practiceMode,
} from './facts';
import { MESSAGES, type MotivationContext, type MotivationFacts } from './motivator-messages';
import type { AgentAction, AgentLink, AgentReply, LearnerSnapshot } from './snapshot';

export { MESSAGES, type MotivationContext, type MotivationFacts } from './motivator-messages';

export const RETURNING_AFTER_DAYS = 3;
export const ON_A_ROLL_AT = 5;

/** Local calendar days between the learner's last visit and now (0 = same day); null if never. */
function daysAway(snapshot: LearnerSnapshot): number | null {
  if (!snapshot.lastActiveAt) return null;
  const today = dayNumber(localDay(Date.parse(snapshot.now), snapshot.timeZone));
  return today - dayNumber(localDay(Date.parse(snapshot.lastActiveAt), snapshot.timeZone));
}

/** Which situation the learner is in; the first that applies wins, in the order below. */
export function motivationContext(snapshot: LearnerSnapshot): MotivationContext {
  const away = daysAway(snapshot);
  if (away !== null && away >= RETURNING_AFTER_DAYS) return 'returning';
  const current = currentAttempts(snapshot);
  const sameConcept = current.filter((attempt) => attempt.conceptId === current[0]?.conceptId);
  const recentAccuracy = current.length >= 6 ? accuracy(current.slice(0, 10)) : null;
  if (missStreak(sameConcept) >= 3 || (recentAccuracy !== null && recentAccuracy < 0.5)) return 'struggling';
  if (hitStreak(current) >= ON_A_ROLL_AT) return 'on-a-roll';
  if (snapshot.xp.dailyGoal > 0 && snapshot.xp.today >= snapshot.xp.dailyGoal) return 'goal-met';
  if (snapshot.streak.atRisk && snapshot.streak.current > 0) return 'streak-at-risk';
  return 'neutral';
}

/** The numbers the messages quote. */
export function motivationFacts(snapshot: LearnerSnapshot): MotivationFacts {
  const current = currentAttempts(snapshot);
  const suggested = recommendations(snapshot, 10).find((rec) => rec.concept)?.concept ?? null;
  const concept = conceptById(snapshot, current[0]?.conceptId) ?? suggested;
  return {
    name: snapshot.displayName,
    streak: snapshot.streak.current,
    longest: snapshot.streak.longest,
    xpTotal: snapshot.xp.total,
    xpToday: snapshot.xp.today,
    dailyGoal: snapshot.xp.dailyGoal,
    xpToGoal: Math.max(0, snapshot.xp.dailyGoal - snapshot.xp.today),
    daysAway: daysAway(snapshot) ?? 0,
    hitsInARow: hitStreak(current),
    missesInARow: missStreak(current.filter((attempt) => attempt.conceptId === current[0]?.conceptId)),
    concept: concept?.title ?? null,
    conceptCorrect: concept?.correct ?? 0,
    conceptAnswers: concept?.answers ?? 0,
    dueNow: snapshot.reviews.dueNow,
    mastered: snapshot.concepts.filter((c) => c.status === 'mastered').length,
    concepts: snapshot.concepts.length,
    nextConcept: suggested?.title ?? null,
  };
}

/**
 * A message for the context: never the id sent last, preferably one not sent recently,
 * else the one sent longest ago. `recentMessageIds` is oldest first (as chat memory is).
 */
export function pickMessage(
  context: MotivationContext,
  snapshot: LearnerSnapshot,
  recentMessageIds: readonly string[],
): AgentReply {
  const bank = MESSAGES[context];
  const last = recentMessageIds.at(-1);
  const lastSent = (id: string): number => recentMessageIds.lastIndexOf(id);
  const candidates = bank.filter((message) => message.id !== last);
  const chosen = [...(candidates.length ? candidates : bank)].sort((a, b) => lastSent(a.id) - lastSent(b.id))[0];
  if (!chosen) throw new Error(`motivator: no messages for ${context}`);
  const facts = motivationFacts(snapshot);
  const links: AgentLink[] = [];
  const focus = snapshot.concepts.find((c) => c.title === facts.concept);
  if (focus) links.push(conceptLink(snapshot, focus));
  return { agent: 'motivator', text: chosen.text(facts), links, messageId: chosen.id, ...actionFor(context, snapshot) };
}

function actionFor(context: MotivationContext, snapshot: LearnerSnapshot): { action?: AgentAction } {
  const course = snapshot.course.slug;
  if (context === 'returning' && snapshot.reviews.dueNow > 0) return { action: { kind: 'review', course } };
  if (context === 'struggling') return { action: { kind: 'break', minutes: 5 } };
  const concept = recommendations(snapshot, 10).find((rec) => rec.concept)?.concept;
  if ((context === 'streak-at-risk' || context === 'returning') && concept) {
    return {
      action: { kind: 'practice', course, concept: concept.slug, mode: practiceMode(concept) },
    };
  }
  return {};
}

export type CelebrationEvent =
  | { kind: 'achievement-unlocked'; id: string; title: string; description: string }
  | {
      kind: 'concept-unlocked';
      course: string;
      concept: { slug: string; title: string };
      lesson?: { slug: string; title: string };
    }
  | { kind: 'concept-mastered'; course: string; concept: { slug: string; title: string } }
  | { kind: 'streak-milestone'; days: number }
  | { kind: 'daily-goal-met'; xp: number; goal: number; streak: number };

const MILESTONE_WORDS: Record<number, string> = {
  3: 'Three days in a row is how a habit starts.',
  7: 'A full week without a gap.',
  14: 'Two weeks straight.',
  30: 'A whole month of daily practice.',
  60: 'Two months, every single day.',
  100: 'One hundred days. Remarkable.',
};

/** A celebration for an event; null for a streak length that is not a milestone. */
export function celebrate(event: CelebrationEvent): AgentReply | null {
  const reply = (messageId: string, text: string, links: AgentLink[] = [], action?: AgentAction): AgentReply => ({
    agent: 'motivator',
    text,
    links,
    messageId,
    ...(action ? { action } : {}),
  });
  switch (event.kind) {
    case 'achievement-unlocked':
      return reply(`celebrate:achievement:${event.id}`, `Achievement unlocked: ${event.title}! ${event.description}`);
    case 'concept-unlocked': {
      const link: AgentLink = { kind: 'concept', course: event.course, ...event.concept };
      const lesson = event.lesson;
      return lesson
        ? reply(
            `celebrate:unlocked:${event.concept.slug}`,
            `New concept unlocked: ${event.concept.title}. Start with the lesson "${lesson.title}".`,
            [link, { kind: 'lesson', course: event.course, ...lesson }],
            { kind: 'lesson', course: event.course, lesson: lesson.slug },
          )
        : reply(`celebrate:unlocked:${event.concept.slug}`, `New concept unlocked: ${event.concept.title}.`, [link]);
    }
    case 'concept-mastered':
      return reply(
        `celebrate:mastered:${event.concept.slug}`,
        `You mastered ${event.concept.title}! It will come back now and then as review, so it stays mastered.`,
        [{ kind: 'concept', course: event.course, ...event.concept }],
      );
    case 'streak-milestone': {
      if (!(STREAK_MILESTONES as readonly number[]).includes(event.days)) return null;
      const next = STREAK_MILESTONES.find((m) => m > event.days);
      return reply(
        `celebrate:streak:${event.days}`,
        `${event.days}-day streak! ${MILESTONE_WORDS[event.days] ?? ''}${next ? ` Next milestone: ${next} days.` : ''}`,
      );
    }
    case 'daily-goal-met':
      return reply(
        `celebrate:goal`,
        `Daily goal met: ${event.xp} of ${event.goal} XP.${event.streak > 1 ? ` That makes ${event.streak} days in a row.` : ''}`,
      );
  }
}

export const STREAK_REMINDER_HOUR = 19;
// Nudges wait out the night; 22:00 and 08:00 are the Night Owl and Early Bird lines.
export const QUIET_FROM_HOUR = 22;
export const QUIET_UNTIL_HOUR = 8;

/** The instant of `hour`:00 on the learner's local day containing `instant` (DST-safe). */
export function atLocalHour(instant: number, timeZone: string, hour: number): number {
  const start = startOfLocalDay(instant, timeZone).getTime();
  const candidate = start + hour * HOUR_MS;
  // On a DST change day the wall clock skipped or repeated an hour: correct by what it reads.
  const read = localTime(candidate, timeZone);
  return candidate + (hour - read.hour) * HOUR_MS - read.minute * MINUTE_MS;
}

/** 19:00 local today when the daily goal is not met yet and it is still before then; else null. */
export function nextStreakReminderAt(snapshot: Pick<LearnerSnapshot, 'now' | 'timeZone' | 'xp'>): string | null {
  if (snapshot.xp.dailyGoal <= 0 || snapshot.xp.today >= snapshot.xp.dailyGoal) return null;
  const now = Date.parse(snapshot.now);
  const at = atLocalHour(now, snapshot.timeZone, STREAK_REMINDER_HOUR);
  return now < at ? new Date(at).toISOString() : null;
}

/** When to tell the learner reviews are due: at the due time (or now), moved out of the night to 08:00. */
export function reviewNudgeAt(
  snapshot: Pick<LearnerSnapshot, 'now' | 'timeZone'>,
  nextDueAt: string | null,
): string | null {
  if (!nextDueAt) return null;
  const due = Math.max(Date.parse(nextDueAt), Date.parse(snapshot.now));
  if (!Number.isFinite(due)) return null;
  const { hour } = localTime(due, snapshot.timeZone);
  if (hour < QUIET_UNTIL_HOUR) return new Date(atLocalHour(due, snapshot.timeZone, QUIET_UNTIL_HOUR)).toISOString();
  if (hour >= QUIET_FROM_HOUR) {
    return new Date(atLocalHour(due + 12 * HOUR_MS, snapshot.timeZone, QUIET_UNTIL_HOUR)).toISOString();
  }
  return new Date(due).toISOString();
}
