/**
 * Password-reset tokens in Postgres: issued for 30 minutes, redeemable once. Redeeming is
 * a single conditional UPDATE, so two clicks on the same link cannot both succeed.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { passwordResets, users, type User } from '../db/schema';
import { hashSessionToken, isWellFormedToken, newSessionToken } from './session-token';

export const RESET_TOKEN_LIFETIME_MS = 30 * 60 * 1000;

export async function issueResetToken(db: Queryable, userId: string, now: Date): Promise<string> {
  const token = newSessionToken();
  await db.insert(passwordResets).values({
    tokenHash: await hashSessionToken(token),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + RESET_TOKEN_LIFETIME_MS),
  });
  return token;
}

const usable = (tokenHash: string, now: Date) =>
  and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now));

/** The account a still-usable token belongs to, without using it up. */
export async function accountForResetToken(db: Queryable, token: string, now: Date): Promise<User | null> {
  if (!isWellFormedToken(token)) return null;
  const [row] = await db
    .select({ user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(usable(await hashSessionToken(token), now))
    .limit(1);
  return row?.user ?? null;
}

/** Uses the token up; returns its user id, or null when it was already used or expired. */
export async function redeemResetToken(db: Queryable, token: string, now: Date): Promise<string | null> {
  if (!isWellFormedToken(token)) return null;
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(usable(await hashSessionToken(token), now))
    .returning({ userId: passwordResets.userId });
  return row?.userId ?? null;
}
