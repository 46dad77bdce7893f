/**
 * Maintenance: deletes sessions past their absolute lifetime or idle for too long, and
 * password-reset tokens past their 30 minutes (used or not, a stale token only waits to
 * be deleted: it can never be redeemed).
 */
import { lt, or } from 'drizzle-orm';
import { idleCutoff } from '../auth/session-policy';
import type { Database } from '../db/types';
import { passwordResets, sessions } from '../db/schema';

export async function purgeExpiredSessions(db: Database, now: Date): Promise<number> {
  const removed = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff(now))))
    .returning({ tokenHash: sessions.tokenHash });
  return removed.length;
}

export async function purgeExpiredPasswordResets(db: Database, now: Date): Promise<number> {
  const removed = await db
    .delete(passwordResets)
    .where(lt(passwordResets.expiresAt, now))
    .returning({ tokenHash: passwordResets.tokenHash });
  return removed.length;
}
