/** Accounts: who can sign in, with which role. Owned by the accounts feature. */
import { sql } from 'drizzle-orm';
import { integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['learner', 'instructor', 'admin']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull().default('learner'),
    /** IANA zone name; streaks and reminders are computed in the learner's own day. */
    timeZone: text('time_zone').notNull().default('UTC'),
    /** XP to earn in a local day for the day to count toward the streak. */
    dailyGoalXp: integer('daily_goal_xp').notNull().default(30),
    /** Learning preferences (shape and defaults in worker/accounts/preferences.ts). */
    preferences: jsonb('preferences').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set by an admin to block sign-in without deleting the learner's history. */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  // Emails are unique regardless of case: "Ada@x.io" and "ada@x.io" are one person.
  (table) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${table.email})`)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserRole = (typeof userRole.enumValues)[number];
