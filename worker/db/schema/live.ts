/**
 * Live quiz sessions: the room an instructor ran (its Durable Object holds the live state
 * while it runs) and, once it ends, the results: the podium and every player's summary,
 * kept for the host's CSV and the class's history.
 */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { courses } from './courses';
import { users } from './users';

export const liveSessions = pgTable(
  'live_sessions',
  {
    /** Also the name of the session's LiveRoom Durable Object. */
    id: uuid('id').primaryKey().defaultRandom(),
    hostId: uuid('host_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    pin: text('pin').notNull(),
    itemIds: jsonb('item_ids').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** Podium and per-player summaries, written when the game ends. */
    results: jsonb('results').$type<Record<string, unknown>>(),
  },
  (table) => [index('live_sessions_host_created_idx').on(table.hostId, table.createdAt)],
);
