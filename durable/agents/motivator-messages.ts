/**
 * The motivator's message bank: several messages per situation, each with a stable id (so
 * the same one is never sent twice in a row) and the learner's real numbers interpolated.
 * Messages praise effort and strategy rather than talent (Dweck's growth-mindset findings)
 * and never claim a fact the numbers do not show.
 */

export type MotivationContext = 'struggling' | 'on-a-roll' | 'returning' | 'streak-at-risk' | 'goal-met' | 'neutral';

export interface MotivationFacts {
  name: string;
  streak: number;
  longest: number;
  xpTotal: number;
  xpToday: number;
  dailyGoal: number;
  xpToGoal: number;
  /** Local days since the last visit (0 when never away). */
  daysAway: number;
  hitsInARow: number;
  missesInARow: number;
  /** The concept being worked on (or suggested next), by title. */
  concept: string | null;
  conceptCorrect: number;
  conceptAnswers: number;
  dueNow: number;
  mastered: number;
  concepts: number;
  nextConcept: string | null;
}

export interface Message {
  id: string;
  text: (facts: MotivationFacts) => string;
}

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;
const topic = (f: MotivationFacts): string => f.concept ?? 'this';

export const MESSAGES: Record<MotivationContext, readonly Message[]> = {
  struggling: [
    {
      id: 'struggling-misses',
      text: (f) =>
        `${f.missesInARow >= 2 ? `${f.missesInARow} misses in a row on ${topic(f)}` : `Finding ${topic(f)} hard`} is what learning it feels like from the inside: each miss shows exactly what to look at next. A worked example and easier questions come next.`,
    },
    {
      id: 'struggling-progress',
      text: (f) =>
        f.conceptAnswers > 0
          ? `You have already got ${f.conceptCorrect} of ${f.conceptAnswers} answers right on ${topic(f)}. Slow down, reread the lesson's example, then try again: that usually unlocks the rest.`
          : `Slow down and reread the lesson's example on ${topic(f)}; trying one careful question beats five quick guesses.`,
    },
    {
      id: 'struggling-break',
      text: (f) =>
        `A five-minute break helps more than it seems: memory consolidates while you rest.${f.streak > 0 ? ` Your ${f.streak}-day streak is safe either way.` : ''}`,
    },
  ],
  'on-a-roll': [
    {
      id: 'roll-count',
      text: (f) => `${f.hitsInARow} right in a row! ${f.concept ? `${f.concept} is clicking.` : 'Keep it going.'}`,
    },
    {
      id: 'roll-xp',
      text: (f) => `That is ${f.hitsInARow} in a row and ${f.xpToday} XP today. Ready for a harder question?`,
    },
    {
      id: 'roll-strategy',
      text: (f) =>
        `${f.hitsInARow} correct straight: whatever you changed in how you read the questions, it is working.`,
    },
  ],
  returning: [
    {
      id: 'returning-welcome',
      text: (f) =>
        `Welcome back, ${f.name}! It has been ${days(f.daysAway)}.${f.dueNow > 0 ? ` ${f.dueNow} review${f.dueNow === 1 ? ' is' : 's are'} waiting: a quick round brings it all back.` : ''}`,
    },
    {
      id: 'returning-small',
      text: (f) =>
        `Good to see you again after ${days(f.daysAway)}. What you learned is still there; ${f.dailyGoal} XP today ${f.streak > 0 ? 'keeps' : 'starts'} a streak.`,
    },
    {
      id: 'returning-next',
      text: (f) =>
        `${days(f.daysAway)} away is nothing to worry about. ${f.nextConcept ? `${f.nextConcept} is a good place to pick up.` : 'Pick up where you left off.'}`,
    },
  ],
  'streak-at-risk': [
    { id: 'streak-need', text: (f) => `Your ${f.streak}-day streak needs ${f.xpToGoal} more XP today.` },
    {
      id: 'streak-few',
      text: (f) => `${f.xpToGoal} XP to go to keep your ${f.streak}-day streak going. A few questions will do it.`,
    },
    {
      id: 'streak-progress',
      text: (f) =>
        `So far today: ${f.xpToday} of ${f.dailyGoal} XP. ${f.xpToGoal} more makes it ${days(f.streak + 1)} in a row.`,
    },
  ],
  'goal-met': [
    { id: 'goal-bonus', text: (f) => `Daily goal met: ${f.xpToday} of ${f.dailyGoal} XP. Anything more is a bonus.` },
    {
      id: 'goal-streak',
      text: (f) =>
        `Goal done for today with ${f.xpToday} XP.${f.streak > 0 ? ` Your streak stands at ${days(f.streak)}.` : ''}`,
    },
    {
      id: 'goal-rest',
      text: (f) =>
        `${f.xpToday} XP today, ${Math.round((100 * f.xpToday) / Math.max(1, f.dailyGoal))}% of your goal. A good moment to rest, or to review.`,
    },
  ],
  neutral: [
    {
      id: 'neutral-totals',
      text: (f) =>
        `You have ${f.xpTotal} XP and ${f.mastered} of ${f.concepts} concepts mastered. Keep going, ${f.name}.`,
    },
    {
      id: 'neutral-next',
      text: (f) =>
        `Every answer sharpens your mastery estimate.${f.nextConcept ? ` ${f.nextConcept} is your next step.` : ''}`,
    },
    {
      id: 'neutral-steady',
      text: (f) =>
        `A little every day beats cramming.${f.longest > 0 ? ` Your best streak so far is ${days(f.longest)}.` : ''}`,
    },
  ],
};
