/** Maintenance: deletes sessions past their absolute lifetime or idle for too long. */
import { lt, or } from 'drizzle-orm';
import { idleCutoff } from '../auth/session-policy';
import type { Database } from '../db/client';
import { sessions } from '../db/schema';

export async function purgeExpiredSessions(db: Database, now: Date): Promise<number> {
  const removed = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff(now))))
    .returning({ tokenHash: sessions.tokenHash });
  return removed.length;
}
