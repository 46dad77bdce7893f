/** Study groups in Postgres: creating one, joining by code, listing a learner's, membership. */
import { and, asc, count, eq } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { classMembers, classes, studyGroupMembers, studyGroups } from '../db/schema';
import { newJoinCode, normalizeJoinCode } from '../classes/join-code';
import { ApiError } from '../errors';

export async function createGroup(db: Queryable, ownerId: string, input: { name: string; classId?: string }) {
  if (input.classId) {
    // Only the class's instructor or one of its members may start a group for it.
    const [owned] = await db
      .select({ id: classes.id })
      .from(classes)
      .where(and(eq(classes.id, input.classId), eq(classes.instructorId, ownerId)));
    const [member] = await db
      .select({ id: classMembers.classId })
      .from(classMembers)
      .where(and(eq(classMembers.classId, input.classId), eq(classMembers.userId, ownerId)));
    if (!owned && !member) throw new ApiError('not_found', 'No such class.');
  }
  const [group] = await db
    .insert(studyGroups)
    .values({ name: input.name, ownerId, classId: input.classId ?? null, joinCode: newJoinCode() })
    .returning();
  if (!group) throw new Error('the study group was not returned by its insert');
  await db.insert(studyGroupMembers).values({ groupId: group.id, userId: ownerId });
  return { id: group.id, name: group.name, joinCode: group.joinCode, members: 1 };
}

export async function joinGroup(db: Queryable, userId: string, typedCode: string) {
  const [group] = await db
    .select()
    .from(studyGroups)
    .where(eq(studyGroups.joinCode, normalizeJoinCode(typedCode)));
  if (!group) throw new ApiError('not_found', 'No study group has that code.');
  await db.insert(studyGroupMembers).values({ groupId: group.id, userId }).onConflictDoNothing();
  return { id: group.id, name: group.name };
}

export async function myGroups(db: Queryable, userId: string) {
  const rows = await db
    .select({
      id: studyGroups.id,
      name: studyGroups.name,
      joinCode: studyGroups.joinCode,
      ownerId: studyGroups.ownerId,
    })
    .from(studyGroupMembers)
    .innerJoin(studyGroups, eq(studyGroups.id, studyGroupMembers.groupId))
    .where(eq(studyGroupMembers.userId, userId))
    .orderBy(asc(studyGroups.name));
  const counts = await Promise.all(
    rows.map((row) => db.select({ n: count() }).from(studyGroupMembers).where(eq(studyGroupMembers.groupId, row.id))),
  );
  return rows.map((row, i) => ({
    id: row.id,
    name: row.name,
    joinCode: row.joinCode,
    owner: row.ownerId === userId,
    members: counts[i]?.[0]?.n ?? 0,
  }));
}

/** The group, if the user is one of its members; anyone else gets nothing. */
export async function groupForMember(db: Queryable, groupId: string, userId: string) {
  const [row] = await db
    .select({ id: studyGroups.id, name: studyGroups.name })
    .from(studyGroupMembers)
    .innerJoin(studyGroups, eq(studyGroups.id, studyGroupMembers.groupId))
    .where(and(eq(studyGroupMembers.groupId, groupId), eq(studyGroupMembers.userId, userId)));
  return row ?? null;
}
