/**
 * Learning sessions (the seed's `learning_sessions`): one active per learner (a partial
 * unique index enforces it), ended by the learner or, after SESSION_IDLE_MINUTES without
 * an answer, treated as ended where it went idle. The summary is computed from the
 * session's attempts, whose stored results carry each answer's mastery change.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { attempts, concepts, courses, learningSessions } from '../db/schema';
import { ApiError } from '../errors';
import { toThousandths } from '../learning/precision';

export const SESSION_IDLE_MINUTES = 30;
const IDLE_MS = SESSION_IDLE_MINUTES * 60_000;

type SessionRow = typeof learningSessions.$inferSelect;

async function openRow(db: Queryable, userId: string): Promise<SessionRow | null> {
  const [row] = await db
    .select()
    .from(learningSessions)
    .where(and(eq(learningSessions.userId, userId), isNull(learningSessions.endedAt)))
    .limit(1);
  return row ?? null;
}

/** Ends a session that went idle, as of its last activity; returns whether it did. */
async function endIfIdle(db: Queryable, row: SessionRow, now: Date): Promise<boolean> {
  if (now.getTime() - row.lastActivityAt.getTime() < IDLE_MS) return false;
  await db
    .update(learningSessions)
    .set({ endedAt: row.lastActivityAt, endReason: 'idle' })
    .where(and(eq(learningSessions.id, row.id), isNull(learningSessions.endedAt)));
  return true;
}

/** The learner's active session (ending it first if it went idle), bumped as active now. */
export async function activeSession(db: Queryable, userId: string, now: Date): Promise<SessionRow | null> {
  const row = await openRow(db, userId);
  if (!row || (await endIfIdle(db, row, now))) return null;
  await db.update(learningSessions).set({ lastActivityAt: now }).where(eq(learningSessions.id, row.id));
  return row;
}

export async function startSession(
  db: Queryable,
  userId: string,
  target: { course: string; concept?: string },
  now: Date,
) {
  const [course] = await db
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.slug, target.course), isNull(courses.retiredAt)));
  if (!course) throw new ApiError('not_found', `No course "${target.course}".`);
  let conceptId: string | null = null;
  if (target.concept) {
    const [concept] = await db
      .select({ id: concepts.id })
      .from(concepts)
      .where(and(eq(concepts.courseId, course.id), eq(concepts.slug, target.concept), isNull(concepts.retiredAt)));
    if (!concept) throw new ApiError('not_found', `No concept "${target.concept}" in "${target.course}".`);
    conceptId = concept.id;
  }
  const open = await openRow(db, userId);
  if (open && !(await endIfIdle(db, open, now))) {
    throw new ApiError('conflict', 'A learning session is already active: end it before starting another.', {
      details: { sessionId: open.id },
    });
  }
  const [row] = await db
    .insert(learningSessions)
    .values({ userId, courseId: course.id, conceptId, createdAt: now, lastActivityAt: now })
    .onConflictDoNothing()
    .returning();
  // Another request started one between our check and insert: the partial unique index said no.
  if (!row) throw new ApiError('conflict', 'A learning session is already active: end it before starting another.');
  return describe(db, row, now);
}

export async function currentSession(db: Queryable, userId: string, now: Date) {
  const row = await openRow(db, userId);
  if (!row || (await endIfIdle(db, row, now))) return null;
  return describe(db, row, now);
}

/** The open session's running counts, for the tutor agents; null when none is active. Reads only. */
export async function activeSessionSummary(db: Queryable, userId: string, now: Date) {
  const row = await openRow(db, userId);
  if (!row || now.getTime() - row.lastActivityAt.getTime() >= IDLE_MS) return null;
  const [totals] = await db
    .select({
      answers: sql<number>`count(*)::int`,
      correct: sql<number>`count(*) filter (where ${attempts.correct})::int`,
      xp: sql<number>`coalesce(sum(${attempts.xp}), 0)::int`,
    })
    .from(attempts)
    .where(eq(attempts.sessionId, row.id));
  return {
    id: row.id,
    startedAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    answers: totals?.answers ?? 0,
    correct: totals?.correct ?? 0,
    xp: totals?.xp ?? 0,
  };
}

/**
 * Ends the open session if it has gone idle (the LearnerAgent's alarm), as of its last
 * activity, and returns its summary; null when there is none or it is still in use.
 */
export async function endIdleSession(db: Queryable, userId: string, now: Date) {
  const row = await openRow(db, userId);
  if (!row || !(await endIfIdle(db, row, now))) return null;
  return describe(db, { ...row, endedAt: row.lastActivityAt, endReason: 'idle' }, now);
}

export async function endSession(db: Queryable, userId: string, now: Date) {
  const row = await openRow(db, userId);
  if (!row) throw new ApiError('not_found', 'No learning session is active.');
  const idle = await endIfIdle(db, row, now);
  const ended = idle
    ? { ...row, endedAt: row.lastActivityAt, endReason: 'idle' }
    : { ...row, endedAt: now, endReason: 'learner' };
  if (!idle) {
    await db
      .update(learningSessions)
      .set({ endedAt: now, endReason: 'learner' })
      .where(and(eq(learningSessions.id, row.id), isNull(learningSessions.endedAt)));
  }
  return describe(db, ended, now);
}

interface StoredMastery {
  mastery?: { concept: string; before: number; after: number; levelBefore: string | null; levelAfter: string };
}

/** The session with its running summary: time, answers, accuracy, XP and mastery changes. */
async function describe(db: Queryable, row: SessionRow, now: Date) {
  const [ref] = await db
    .select({ course: courses.slug, concept: concepts.slug })
    .from(learningSessions)
    .leftJoin(courses, eq(courses.id, learningSessions.courseId))
    .leftJoin(concepts, eq(concepts.id, learningSessions.conceptId))
    .where(eq(learningSessions.id, row.id));
  const answered = await db
    .select({ correct: attempts.correct, xp: attempts.xp, result: attempts.result })
    .from(attempts)
    .where(eq(attempts.sessionId, row.id))
    .orderBy(asc(attempts.createdAt));
  const correct = answered.filter((attempt) => attempt.correct).length;
  const changes = new Map<
    string,
    { concept: string; before: number; after: number; levelBefore: string | null; levelAfter: string }
  >();
  for (const { result } of answered) {
    const mastery = (result as StoredMastery | null)?.mastery;
    if (!mastery) continue;
    const seen = changes.get(mastery.concept);
    changes.set(mastery.concept, {
      concept: mastery.concept,
      before: seen?.before ?? mastery.before,
      levelBefore: seen ? seen.levelBefore : mastery.levelBefore,
      after: mastery.after,
      levelAfter: mastery.levelAfter,
    });
  }
  const end = row.endedAt ?? now;
  return {
    id: row.id,
    course: ref?.course ?? null,
    concept: ref?.concept ?? null,
    startedAt: row.createdAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: row.endReason as 'learner' | 'idle' | null,
    summary: {
      seconds: Math.max(0, Math.round((end.getTime() - row.createdAt.getTime()) / 1000)),
      answers: answered.length,
      correct,
      accuracy: answered.length ? toThousandths(correct / answered.length) : null,
      xp: answered.reduce((sum, attempt) => sum + attempt.xp, 0),
      mastery: [...changes.values()],
    },
  };
}

export type LearningSessionView = Awaited<ReturnType<typeof describe>>;
