/** Classes in Postgres: create with a unique join code, join, list, and load a report. */
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { logActivity } from '../admin/activity-log';
import type { Queryable } from '../db/types';
import { classes, classMembers, concepts, conceptStates, courses, users } from '../db/schema';
import { ApiError } from '../errors';
import { classReport } from './report';
import { newJoinCode, normalizeJoinCode } from './join-code';

export async function createClass(db: Queryable, instructorId: string, input: { name: string; course: string }) {
  const [course] = await db
    .select({ id: courses.id, slug: courses.slug })
    .from(courses)
    .where(and(eq(courses.slug, input.course), isNull(courses.retiredAt)));
  if (!course) throw new ApiError('not_found', `No course "${input.course}".`);
  // 31^8 codes: a clash is rare, and the unique index turns one into a retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await db
      .insert(classes)
      .values({ instructorId, name: input.name, courseId: course.id, joinCode: newJoinCode() })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await logActivity(db, 'class-created', { userId: instructorId, detail: { classId: row.id, name: row.name } });
      return { id: row.id, name: row.name, course: course.slug, joinCode: row.joinCode, members: 0 };
    }
  }
  throw new Error('could not find a free join code in 5 tries');
}

export async function joinClass(db: Queryable, userId: string, typedCode: string) {
  const [row] = await db
    .select({ id: classes.id, name: classes.name, course: courses.slug, instructor: users.displayName })
    .from(classes)
    .innerJoin(courses, eq(courses.id, classes.courseId))
    .innerJoin(users, eq(users.id, classes.instructorId))
    .where(eq(classes.joinCode, normalizeJoinCode(typedCode)));
  if (!row) throw new ApiError('not_found', 'No class has this join code. Check it with your instructor.');
  const [joined] = await db.insert(classMembers).values({ classId: row.id, userId }).onConflictDoNothing().returning();
  if (joined) await logActivity(db, 'class-joined', { userId, detail: { classId: row.id } });
  return row;
}

export async function classesOf(db: Queryable, userId: string) {
  const memberCounts = db
    .select({ classId: classMembers.classId, members: count().as('members') })
    .from(classMembers)
    .groupBy(classMembers.classId)
    .as('member_counts');
  const [teaching, enrolled] = await Promise.all([
    db
      .select({
        id: classes.id,
        name: classes.name,
        course: courses.slug,
        joinCode: classes.joinCode,
        members: memberCounts.members,
      })
      .from(classes)
      .innerJoin(courses, eq(courses.id, classes.courseId))
      .leftJoin(memberCounts, eq(memberCounts.classId, classes.id))
      .where(eq(classes.instructorId, userId))
      .orderBy(asc(classes.name)),
    db
      .select({ id: classes.id, name: classes.name, course: courses.slug, instructor: users.displayName })
      .from(classMembers)
      .innerJoin(classes, eq(classes.id, classMembers.classId))
      .innerJoin(courses, eq(courses.id, classes.courseId))
      .innerJoin(users, eq(users.id, classes.instructorId))
      .where(eq(classMembers.userId, userId))
      .orderBy(asc(classes.name)),
  ]);
  return { teaching: teaching.map((row) => ({ ...row, members: row.members ?? 0 })), enrolled };
}

/** The report for a class its viewer teaches (admins see every class). 404 otherwise: no probing. */
export async function loadClassReport(db: Queryable, viewer: { id: string; role: string }, classId: string) {
  const [row] = await db.select().from(classes).where(eq(classes.id, classId));
  if (!row || (row.instructorId !== viewer.id && viewer.role !== 'admin')) {
    throw new ApiError('not_found', 'No such class among yours.');
  }
  const [conceptRows, learnerRows] = await Promise.all([
    db
      .select({ id: concepts.id, slug: concepts.slug, title: concepts.title })
      .from(concepts)
      .where(and(eq(concepts.courseId, row.courseId), isNull(concepts.retiredAt)))
      .orderBy(asc(concepts.position)),
    db
      .select({ userId: users.id, displayName: users.displayName })
      .from(classMembers)
      .innerJoin(users, eq(users.id, classMembers.userId))
      .where(eq(classMembers.classId, classId))
      .orderBy(asc(users.displayName)),
  ]);
  const estimates =
    learnerRows.length && conceptRows.length
      ? await db
          .select({
            userId: conceptStates.userId,
            conceptId: conceptStates.conceptId,
            pKnown: conceptStates.pKnown,
            answers: conceptStates.answers,
            correct: conceptStates.correct,
            lastPracticedAt: conceptStates.lastPracticedAt,
          })
          .from(conceptStates)
          .where(
            and(
              inArray(
                conceptStates.userId,
                learnerRows.map((learner) => learner.userId),
              ),
              inArray(
                conceptStates.conceptId,
                conceptRows.map((concept) => concept.id),
              ),
            ),
          )
      : [];
  const lastActive = new Map<string, Date>();
  for (const estimate of estimates) {
    const seen = lastActive.get(estimate.userId);
    if (estimate.lastPracticedAt && (!seen || estimate.lastPracticedAt > seen)) {
      lastActive.set(estimate.userId, estimate.lastPracticedAt);
    }
  }
  return {
    class: { id: row.id, name: row.name },
    ...classReport(
      conceptRows,
      learnerRows.map((learner) => ({ ...learner, lastActiveAt: lastActive.get(learner.userId) ?? null })),
      estimates,
    ),
  };
}
