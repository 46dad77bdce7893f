/** Writes to the admin's activity log: the few events worth a person's attention. */
import type { Queryable } from '../db/types';
import { activityLog } from '../db/schema';

export type ActivityKind =
  | 'registered'
  | 'signed-in'
  | 'lesson-completed'
  | 'concept-mastered'
  | 'role-changed'
  | 'account-disabled'
  | 'account-enabled'
  | 'class-created'
  | 'class-joined'
  | 'content-edited';

export async function logActivity(
  db: Queryable,
  kind: ActivityKind,
  event: { userId: string | null; actorId?: string | null; detail?: Record<string, unknown>; at?: Date },
): Promise<void> {
  await db.insert(activityLog).values({
    kind,
    userId: event.userId,
    actorId: event.actorId ?? null,
    detail: event.detail ?? {},
    createdAt: event.at ?? new Date(),
  });
}
