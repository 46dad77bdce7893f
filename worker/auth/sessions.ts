/**
 * Sign-in sessions in Postgres: open one (a fresh token every sign-in, so a token planted
 * before sign-in is worthless after it), resolve a presented token to its user under the
 * idle and absolute timeouts, and revoke one or all of a user's sessions.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { sessions, users, type User } from '../db/schema';
import { SESSION_ABSOLUTE_TIMEOUT_MS, sessionVerdict, shouldTouch } from './session-policy';
import { hashSessionToken, isWellFormedToken, newSessionToken } from './session-token';

export interface OpenedSession {
  token: string;
  expiresAt: Date;
}

export interface ResolvedSession {
  user: User;
  tokenHash: string;
  expiresAt: Date;
}

export async function openSession(
  db: Queryable,
  userId: string,
  meta: { userAgent?: string; ipAddress?: string },
  now: Date,
): Promise<OpenedSession> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS);
  await db.insert(sessions).values({
    tokenHash: await hashSessionToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    userAgent: meta.userAgent?.slice(0, 512) ?? null,
    ipAddress: meta.ipAddress ?? null,
  });
  return { token, expiresAt };
}

/** The signed-in user for a token, or null (unknown, idle, expired, or user disabled). */
export async function resolveSession(db: Queryable, token: string, now: Date): Promise<ResolvedSession | null> {
  if (!isWellFormedToken(token)) return null;
  const tokenHash = await hashSessionToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  if (sessionVerdict(row.session, now) !== 'active' || row.user.disabledAt) {
    // A dead session is removed as soon as it is seen, not only by the nightly job.
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (shouldTouch(row.session.lastSeenAt, now)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return { user: row.user, tokenHash, expiresAt: row.session.expiresAt };
}

export async function revokeSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user (sign out everywhere, password change or reset). */
export async function revokeAllSessions(db: Queryable, userId: string, except?: string): Promise<number> {
  const removed = await db
    .delete(sessions)
    .where(except ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, except)) : eq(sessions.userId, userId))
    .returning({ tokenHash: sessions.tokenHash });
  return removed.length;
}
