/**
 * The curriculum, loaded from the course packs in content/ by `npm run db:seed`. Rows keep
 * their uuid across re-seeds (matched by course and slug), so learners' progress, which
 * points at the uuids, survives content edits; content dropped from a pack is retired,
 * not deleted.
 */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const retiredAt = () => timestamp('retired_at', { withTimezone: true });
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const courses = pgTable('courses', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  language: text('language').notNull(),
  languageVersion: text('language_version').notNull(),
  updatedAt: updatedAt(),
  retiredAt: retiredAt(),
});

export const concepts = pgTable(
  'concepts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Place in a teaching order that puts every concept after its prerequisites. */
    position: integer('position').notNull(),
    updatedAt: updatedAt(),
    retiredAt: retiredAt(),
  },
  (table) => [uniqueIndex('concepts_course_slug_idx').on(table.courseId, table.slug)],
);

export const conceptPrerequisites = pgTable(
  'concept_prerequisites',
  {
    conceptId: uuid('concept_id')
      .notNull()
      .references(() => concepts.id, { onDelete: 'cascade' }),
    prerequisiteId: uuid('prerequisite_id')
      .notNull()
      .references(() => concepts.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.conceptId, table.prerequisiteId] })],
);

/** What lessons and items share: their own id, their course and concept, their slug in the pack. */
const conceptContent = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  courseId: uuid('course_id')
    .notNull()
    .references(() => courses.id, { onDelete: 'cascade' }),
  conceptId: uuid('concept_id')
    .notNull()
    .references(() => concepts.id, { onDelete: 'cascade' }),
  slug: text('slug').notNull(),
});

export const lessons = pgTable(
  'lessons',
  {
    ...conceptContent(),
    title: text('title').notNull(),
    minutes: integer('minutes').notNull(),
    /** Markdown. */
    body: text('body').notNull(),
    updatedAt: updatedAt(),
    retiredAt: retiredAt(),
  },
  (table) => [
    uniqueIndex('lessons_course_slug_idx').on(table.courseId, table.slug),
    index('lessons_concept_idx').on(table.conceptId),
    // Full-text search over lessons (title weighted above body).
    index('lessons_search_idx').using(
      'gin',
      sql`(setweight(to_tsvector('english', ${table.title}), 'A') || setweight(to_tsvector('english', ${table.body}), 'B'))`,
    ),
  ],
);

export const items = pgTable(
  'items',
  {
    ...conceptContent(),
    type: text('type').notNull(),
    /** As authored: easy | medium | hard (also sets the XP factor). */
    difficulty: text('difficulty').notNull(),
    /** Elo difficulty, seeded from the authored one and then learned from answers. */
    rating: real('rating').notNull(),
    /** Answers seen, the n of the Elo K(n) for this item. */
    answers: integer('answers').notNull().default(0),
    prompt: text('prompt').notNull(),
    explanation: text('explanation').notNull(),
    hints: jsonb('hints').$type<string[]>().notNull().default([]),
    /** What a learner may see to answer (options without their flags, code with blanks…). */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    /** The key and hidden tests: read by the grader only, never sent to a client. */
    answer: jsonb('answer').$type<Record<string, unknown>>().notNull(),
    updatedAt: updatedAt(),
    retiredAt: retiredAt(),
  },
  (table) => [
    uniqueIndex('items_course_slug_idx').on(table.courseId, table.slug),
    index('items_concept_idx').on(table.conceptId),
  ],
);
