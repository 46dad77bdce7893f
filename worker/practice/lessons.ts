/** Completing a lesson: recorded once, worth the lesson XP once, and counted for achievements. */
import { and, eq, isNull } from 'drizzle-orm';
import { logActivity } from '../admin/activity-log';
import type { Database } from '../db/types';
import { courses, lessonCompletions, lessons } from '../db/schema';
import { xpFor } from '../learning/xp';
import { ApiError } from '../errors';
import {
  loadStreakHistory,
  lockLearnerStats,
  grantXp,
  streakOf,
  unlockAchievements,
  type LearnerClock,
} from './gamification';

export async function completeLesson(db: Database, learner: LearnerClock, course: string, lesson: string, now: Date) {
  const [row] = await db
    .select({ id: lessons.id })
    .from(lessons)
    .innerJoin(courses, eq(courses.id, lessons.courseId))
    .where(
      and(eq(courses.slug, course), eq(lessons.slug, lesson), isNull(lessons.retiredAt), isNull(courses.retiredAt)),
    );
  if (!row) throw new ApiError('not_found', `No lesson "${lesson}" in "${course}".`);

  return db.transaction(async (tx) => {
    await lockLearnerStats(tx, learner.userId);
    const [inserted] = await tx
      .insert(lessonCompletions)
      .values({ userId: learner.userId, lessonId: row.id, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!inserted) return { firstTime: false, xpGained: 0, achievements: [] };
    const history = await loadStreakHistory(tx, learner, now);
    const xp = xpFor({ kind: 'lesson-completed' }, { streakDays: streakOf(history).current });
    await grantXp(tx, learner, history, { amount: xp, reason: 'lesson', now });
    await logActivity(tx, 'lesson-completed', { userId: learner.userId, detail: { course, lesson }, at: now });
    return { firstTime: true, xpGained: xp, achievements: await unlockAchievements(tx, learner.userId, now) };
  });
}
