/**
 * The weekly leaderboard's archive: each finished week's top learners, written by the
 * Monday rollover job (worker/jobs/leaderboard-rollover.ts) from the XP ledger. The live
 * weekly board is a Redis sorted set that expires; this is what outlives it.
 */
import { date, index, integer, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

export const leaderboardWeeks = pgTable(
  'leaderboard_weeks',
  {
    /** The Monday (UTC) that started the leaderboard week, as on the live board. */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    /** A deleted account leaves the archive with the rest of its data. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Competition ranking (1, 2, 2, 4): learners with equal XP share a rank. */
    rank: integer('rank').notNull(),
    xp: integer('xp').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.weekStart, table.userId] }),
    index('leaderboard_weeks_week_rank_idx').on(table.weekStart, table.rank),
  ],
);
