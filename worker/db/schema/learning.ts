/**
 * The learner model and the learning loop's records. Postgres is the system of record:
 * every attempt, every mastery estimate over time (the seed's `progress_records`), review
 * cards, XP and achievements. Redis only holds what can be rebuilt from here (leaderboards,
 * active users).
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
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
import { concepts, courses, items, lessons } from './courses';
import { users } from './users';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const userId = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

/** A sitting of practice: started by the learner, ended by them or after being idle. */
export const learningSessions = pgTable(
  'learning_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    /** The course (and optionally the concept) the learner chose to work on. */
    courseId: uuid('course_id').references(() => courses.id, { onDelete: 'set null' }),
    conceptId: uuid('concept_id').references(() => concepts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** 'learner' (ended on request) or 'idle' (ended because nothing happened for a while). */
    endReason: text('end_reason'),
  },
  (table) => [
    // The seed's index: a learner's sessions by time.
    index('learning_sessions_user_created_idx').on(table.userId, table.createdAt),
    // At most one active session per learner, enforced by the database, not by a race-prone check.
    uniqueIndex('learning_sessions_one_active_idx')
      .on(table.userId)
      .where(sql`${table.endedAt} is null`),
  ],
);

/**
 * A quiz the quiz master planned (diagnostic, formative or summative): a fixed list of
 * items, answered through the attempts route. All right on completion earns the perfect
 * quiz bonus and counts toward Perfect Score.
 */
export const quizzes = pgTable(
  'quizzes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    /** The concept the quiz is on; null for a quiz over the learner's frontier. */
    conceptId: uuid('concept_id').references(() => concepts.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    itemIds: jsonb('item_ids').$type<string[]>().notNull(),
    answered: integer('answered').notNull().default(0),
    correct: integer('correct').notNull().default(0),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    perfect: boolean('perfect').notNull().default(false),
  },
  (table) => [index('quizzes_user_created_idx').on(table.userId, table.createdAt)],
);

/** One graded answer (the seed's `assessments`): practice or review. */
export const attempts = pgTable(
  'attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userId(),
    /** Client-generated; the same id sent again returns the first result (exactly-once). */
    clientAttemptId: text('client_attempt_id').notNull(),
    sessionId: uuid('session_id').references(() => learningSessions.id, { onDelete: 'set null' }),
    /** The quiz this answer belongs to, if it was asked as part of one. */
    quizId: uuid('quiz_id').references(() => quizzes.id, { onDelete: 'set null' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    conceptId: uuid('concept_id')
      .notNull()
      .references(() => concepts.id, { onDelete: 'cascade' }),
    /** 'practice' or 'review'. */
    kind: text('kind').notNull(),
    response: jsonb('response').notNull(),
    correct: boolean('correct').notNull(),
    elapsedMs: integer('elapsed_ms').notNull(),
    hintsUsed: integer('hints_used').notNull(),
    /** Elo-predicted P(correct) before answering: the calibration data. */
    predicted: real('predicted').notNull(),
    xp: integer('xp').notNull(),
    /** The response body sent the first time, replayed for a repeated client attempt id. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('attempts_user_client_id_idx').on(table.userId, table.clientAttemptId),
    // The seed's index: a session's assessments by time.
    index('attempts_session_created_idx').on(table.sessionId, table.createdAt),
    // A learner's history (recently seen items, calibration, per-day history).
    index('attempts_user_created_idx').on(table.userId, table.createdAt),
    // One answer per item per quiz, whatever the client sends.
    uniqueIndex('attempts_quiz_item_idx')
      .on(table.quizId, table.itemId)
      .where(sql`${table.quizId} is not null`),
  ],
);

/** The current estimate per learner and concept: BKT P(L), Elo θ, counts. */
export const conceptStates = pgTable(
  'concept_states',
  {
    userId: userId(),
    conceptId: uuid('concept_id')
      .notNull()
      .references(() => concepts.id, { onDelete: 'cascade' }),
    pKnown: real('p_known').notNull(),
    theta: real('theta').notNull(),
    answers: integer('answers').notNull().default(0),
    correct: integer('correct').notNull().default(0),
    lastPracticedAt: timestamp('last_practiced_at', { withTimezone: true }),
    masteredAt: timestamp('mastered_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.userId, table.conceptId] })],
);

/** Mastery over time (the seed's `progress_records`): one row per change, never updated. */
export const progressRecords = pgTable(
  'progress_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: userId(),
    /** The seed's `skill_area`: a concept of the curriculum. */
    conceptId: uuid('concept_id')
      .notNull()
      .references(() => concepts.id, { onDelete: 'cascade' }),
    pKnown: real('p_known').notNull(),
    level: text('level').notNull(),
    createdAt: createdAt(),
  },
  // The seed's index: progress by user, skill area and time.
  (table) => [index('progress_records_user_concept_created_idx').on(table.userId, table.conceptId, table.createdAt)],
);

/** Per-learner totals the learning loop reads on every answer; one row per learner. */
export const learnerStats = pgTable('learner_stats', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  totalXp: integer('total_xp').notNull().default(0),
  /** Global Elo ability: the prior for concepts the learner has not practised yet. */
  theta: real('theta').notNull().default(0),
  answers: integer('answers').notNull().default(0),
  longestStreak: integer('longest_streak').notNull().default(0),
  earlyBird: boolean('early_bird').notNull().default(false),
  nightOwl: boolean('night_owl').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** XP and answers per local day of the learner: the streak and history are read from here. */
export const dailyActivity = pgTable(
  'daily_activity',
  {
    userId: userId(),
    /** The learner's local calendar date when the activity happened. */
    day: date('day', { mode: 'string' }).notNull(),
    xp: integer('xp').notNull().default(0),
    answers: integer('answers').notNull().default(0),
    correct: integer('correct').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.userId, table.day] })],
);

/** Every XP award, so leaderboards (weekly and all-time) can be rebuilt from Postgres. */
export const xpEvents = pgTable(
  'xp_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: userId(),
    amount: integer('amount').notNull(),
    /** 'answer', 'review', 'lesson', 'perfect-quiz'. */
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('xp_events_created_idx').on(table.createdAt), index('xp_events_user_idx').on(table.userId)],
);

/** FSRS review cards, one per learner and item answered. */
export const reviewCards = pgTable(
  'review_cards',
  {
    userId: userId(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    due: timestamp('due', { withTimezone: true }).notNull(),
    /** The ts-fsrs card as stored JSON (learning/fsrs.ts StoredCard). */
    card: jsonb('card').$type<Record<string, unknown>>().notNull(),
    reviews: integer('reviews').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.itemId] }),
    index('review_cards_user_due_idx').on(table.userId, table.due),
  ],
);

export const lessonCompletions = pgTable(
  'lesson_completions',
  {
    userId: userId(),
    lessonId: uuid('lesson_id')
      .notNull()
      .references(() => lessons.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.lessonId] })],
);

export const userAchievements = pgTable(
  'user_achievements',
  {
    userId: userId(),
    achievementId: text('achievement_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.achievementId] })],
);
