/**
 * Streaks that ended: one row per finished streak, recorded by the daily streak job
 * (worker/jobs/streak-bookkeeping.ts). Streaks are computed from `daily_activity` when
 * read, so a broken streak otherwise leaves no trace but the longest-streak maximum; this
 * keeps each one (how long, when) for the learner's history and the tutor's "welcome back".
 */
import { date, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

export const streakBreaks = pgTable(
  'streak_breaks',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The last local day the goal was met in the streak that ended. */
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    /** The first missed local day no freeze covered: the day the streak ended on. */
    brokenOn: date('broken_on', { mode: 'string' }).notNull(),
    /** Goal-met days in the streak (frozen days bridge it but do not count). */
    length: integer('length').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.lastDay] })],
);
