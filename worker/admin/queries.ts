/** What admins read: platform statistics, the activity log, and users to manage. */
import { and, count, desc, eq, gte, ilike, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { activityLog, attempts, learningSessions, sessions, users } from '../db/schema';
import { ApiError } from '../errors';
import { SESSION_IDLE_MINUTES } from '../practice/learning-sessions';
import { logActivity } from './activity-log';
import type { UserRole } from '../db/schema';
import { toThousandths } from '../learning/precision';

export async function platformStats(db: Queryable, now: Date) {
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekAgo = new Date(now.getTime() - 7 * 24 * 3_600_000);
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000);
  const [roles, [recent], [disabled], [activeSessions], [sessionsToday], [answersToday], courseRows] =
    await Promise.all([
      db.select({ role: users.role, n: count() }).from(users).groupBy(users.role),
      db.select({ n: count() }).from(users).where(gte(users.createdAt, weekAgo)),
      db.select({ n: count() }).from(users).where(isNotNull(users.disabledAt)),
      db
        .select({ n: count() })
        .from(learningSessions)
        .where(and(isNull(learningSessions.endedAt), gte(learningSessions.lastActivityAt, idleSince))),
      db.select({ n: count() }).from(learningSessions).where(gte(learningSessions.createdAt, dayStart)),
      db
        .select({ n: count(), correct: sql<number>`count(*) filter (where ${attempts.correct})::int` })
        .from(attempts)
        .where(gte(attempts.createdAt, dayStart)),
      // Per course: learners who started it (answered anything), finished it (mastered every
      // concept), and the share of its lessons those learners completed.
      db.execute<{
        course: string;
        title: string;
        started: number;
        completed: number;
        lesson_completion: number | null;
      }>(sql`
      with course_concepts as (
        select course_id, count(*) as n from concepts where retired_at is null group by course_id
      ), course_lessons as (
        select course_id, count(*) as n from lessons where retired_at is null group by course_id
      ), learner_course as (
        select c.course_id, s.user_id,
               count(*) filter (where s.mastered_at is not null) as mastered
        from concept_states s join concepts c on c.id = s.concept_id and c.retired_at is null
        group by c.course_id, s.user_id
      ), lessons_done as (
        select l.course_id, lc.user_id, count(*) as n
        from lesson_completions lc join lessons l on l.id = lc.lesson_id and l.retired_at is null
        group by l.course_id, lc.user_id
      )
      select co.slug as course, co.title,
             count(lc.user_id)::int as started,
             (count(lc.user_id) filter (where lc.mastered >= cc.n))::int as completed,
             (sum(coalesce(ld.n, 0))::float / nullif(count(lc.user_id) * max(cl.n), 0)) as lesson_completion
      from courses co
      join course_concepts cc on cc.course_id = co.id
      left join course_lessons cl on cl.course_id = co.id
      left join learner_course lc on lc.course_id = co.id
      left join lessons_done ld on ld.course_id = co.id and ld.user_id = lc.user_id
      where co.retired_at is null
      group by co.slug, co.title
      order by co.title`),
    ]);
  const byRole = Object.fromEntries(roles.map((row) => [row.role, row.n])) as Partial<Record<UserRole, number>>;
  const answered = answersToday?.n ?? 0;
  return {
    users: {
      total: roles.reduce((sum, row) => sum + row.n, 0),
      learners: byRole.learner ?? 0,
      instructors: byRole.instructor ?? 0,
      admins: byRole.admin ?? 0,
      newThisWeek: recent?.n ?? 0,
      disabled: disabled?.n ?? 0,
    },
    learningSessions: { active: activeSessions?.n ?? 0, startedToday: sessionsToday?.n ?? 0 },
    attemptsToday: {
      total: answered,
      accuracy: answered ? toThousandths((answersToday?.correct ?? 0) / answered) : null,
    },
    courses: courseRows.rows.map((row) => ({
      course: row.course,
      title: row.title,
      learnersStarted: Number(row.started),
      learnersCompleted: Number(row.completed),
      completionRate: row.started ? toThousandths(row.completed / row.started) : null,
      lessonCompletionRate: row.lesson_completion === null ? null : toThousandths(row.lesson_completion),
    })),
  };
}

export async function activityPage(db: Queryable, query: { kind?: string; before?: number; limit: number }) {
  const filters: SQL[] = [];
  if (query.kind) filters.push(eq(activityLog.kind, query.kind));
  if (query.before) filters.push(lt(activityLog.id, query.before));
  const rows = await db
    .select({
      id: activityLog.id,
      kind: activityLog.kind,
      userId: activityLog.userId,
      displayName: users.displayName,
      actorId: activityLog.actorId,
      detail: activityLog.detail,
      createdAt: activityLog.createdAt,
    })
    .from(activityLog)
    .leftJoin(users, eq(users.id, activityLog.userId))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(activityLog.id))
    .limit(query.limit);
  return {
    events: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    // Cursor for the next (older) page.
    nextBefore: rows.length === query.limit ? (rows.at(-1)?.id ?? null) : null,
  };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export async function searchUsers(
  db: Queryable,
  query: { q?: string; role?: UserRole; limit: number; offset: number },
) {
  const filters: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    const matches = or(ilike(users.email, pattern), ilike(users.displayName, pattern));
    if (matches) filters.push(matches);
  }
  if (query.role) filters.push(eq(users.role, query.role));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        createdAt: users.createdAt,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), users.id)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return {
    total: total?.n ?? 0,
    users: rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      disabled: row.disabledAt !== null,
      disabledAt: row.disabledAt?.toISOString() ?? null,
    })),
  };
}

/** Changes a role and/or disables an account; disabling also ends every session it has. */
export async function manageUser(
  db: Queryable,
  admin: { id: string },
  userId: string,
  change: { role?: UserRole; disabled?: boolean },
) {
  if (userId === admin.id && (change.role !== undefined || change.disabled !== undefined)) {
    // An admin locking themselves out (or demoting the last admin) is never what was meant.
    throw new ApiError('conflict', 'You cannot change your own role or disable your own account.');
  }
  const [before] = await db.select().from(users).where(eq(users.id, userId));
  if (!before) throw new ApiError('not_found', 'No such user.');
  const now = new Date();
  const [after] = await db
    .update(users)
    .set({
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.disabled !== undefined ? { disabledAt: change.disabled ? (before.disabledAt ?? now) : null } : {}),
      updatedAt: now,
    })
    .where(eq(users.id, userId))
    .returning();
  if (!after) throw new ApiError('not_found', 'No such user.');
  if (change.role !== undefined && change.role !== before.role) {
    await logActivity(db, 'role-changed', {
      userId,
      actorId: admin.id,
      detail: { from: before.role, to: change.role },
      at: now,
    });
  }
  if (change.disabled !== undefined && change.disabled !== (before.disabledAt !== null)) {
    await logActivity(db, change.disabled ? 'account-disabled' : 'account-enabled', {
      userId,
      actorId: admin.id,
      at: now,
    });
    if (change.disabled) await db.delete(sessions).where(eq(sessions.userId, userId));
  }
  return {
    id: after.id,
    email: after.email,
    displayName: after.displayName,
    role: after.role,
    createdAt: after.createdAt.toISOString(),
    disabled: after.disabledAt !== null,
    disabledAt: after.disabledAt?.toISOString() ?? null,
  };
}
