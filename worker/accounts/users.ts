/** Reading and creating accounts in Postgres; emails are matched regardless of case. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users, type User } from '../db/schema';

export async function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email.trim()})`)
    .limit(1);
  return user;
}

/** Inserts a learner; returns null when the email is taken (the unique index decides, so two racing sign-ups cannot both win). */
export async function createLearner(
  db: Database,
  account: { email: string; displayName: string; passwordHash: string; timeZone: string },
): Promise<User | null> {
  const [user] = await db
    .insert(users)
    .values({ ...account, email: account.email.trim(), role: 'learner' })
    .onConflictDoNothing()
    .returning();
  return user ?? null;
}

/** What a client may see of an account: never the password hash. */
export function publicUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    timeZone: user.timeZone,
    createdAt: user.createdAt.toISOString(),
  };
}

export type PublicUser = ReturnType<typeof publicUser>;
