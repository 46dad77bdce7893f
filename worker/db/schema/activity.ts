/**
 * The activity log admins read: important events only (registrations, sign-ins,
 * completions, role changes), not every request — those go to the access log.
 */
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

export const activityLog = pgTable(
  'activity_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** 'registered', 'signed-in', 'lesson-completed', 'concept-mastered', 'role-changed', … */
    kind: text('kind').notNull(),
    /** Whom the event is about; kept (as null) when that account is deleted. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who did it, when not the user themselves (an admin changing a role). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('activity_log_created_idx').on(table.createdAt),
    index('activity_log_kind_created_idx').on(table.kind, table.createdAt),
  ],
);
