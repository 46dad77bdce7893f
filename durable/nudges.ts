/**
 * The time-based work of the LearnerAgent's alarm, as pure decisions: when to remind a
 * learner whose streak is at risk or whose reviews are due, and what to say when the
 * alarm fires (nothing, if the reason went away in the meantime).
 */
import { nextStreakReminderAt, pickMessage } from './agents/motivator';
import type { ChatTurn, LearnerSnapshot } from './agents/snapshot';
import type { Push } from './attempt-pushes';

export type ReminderKind = 'streak-reminder' | 'review-due';

/** When each reminder should fire; null cancels one that no longer applies. */
export function reminderTimes(snapshot: LearnerSnapshot): Partial<Record<ReminderKind, string | null>> {
  return { 'streak-reminder': snapshot.streak.current > 0 ? nextStreakReminderAt(snapshot) : null };
}

export function nudgeFor(kind: ReminderKind, snapshot: LearnerSnapshot, memory: readonly ChatTurn[]): Push | null {
  const at = snapshot.now;
  if (kind === 'streak-reminder') {
    const xpToGoal = Math.max(0, snapshot.xp.dailyGoal - snapshot.xp.today);
    if (snapshot.streak.current === 0 || xpToGoal === 0) return null;
    const recentIds = memory.flatMap((turn) => (turn.messageId ? [turn.messageId] : []));
    return {
      event: { kind: 'streak-at-risk', streak: snapshot.streak.current, xpToGoal },
      reply: pickMessage('streak-at-risk', snapshot, recentIds),
      at,
    };
  }
  const due = snapshot.reviews.dueNow;
  if (due === 0) return null;
  const course = snapshot.course.slug;
  return {
    event: { kind: 'review-due', course, count: due },
    reply: {
      agent: 'orchestrator',
      text: `${due} review${due === 1 ? ' is' : 's are'} due in ${snapshot.course.title}. A few minutes now keeps ${due === 1 ? 'it' : 'them'} from being forgotten.`,
      links: [{ kind: 'reviews', course, title: 'Reviews' }],
      action: { kind: 'review', course },
    },
    at,
  };
}
