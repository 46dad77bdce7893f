/**
 * A learner's progress: skill map, history, calibration, recommendations, the gamification
 * summary (XP, tier, streak, daily goal), achievements with progress, and leaderboards.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { desc, eq } from 'drizzle-orm';
import type { App } from '../api/app';
import { errorResponses, jsonContent, SlugSchema } from '../api/schemas';

import { learnerStats, streakBreaks } from '../db/schema';
import { evaluateAchievements } from '../learning/achievements';
import { weekCalendar } from '../learning/streak';
import { tierFor } from '../learning/tiers';
import { requireUser, signedIn } from '../middleware/require-user';
import { loadAchievementState, loadStreakHistory, streakOf } from '../practice/gamification';
import { readLastWeekBoard } from '../practice/last-week-board';
import { readLeaderboard } from '../practice/leaderboards';
import { history, learnerCalibration, recommendations, skillMap } from '../practice/progress';

const Probability = z.number().min(0).max(1);
const Level = z.enum(['attempted', 'familiar', 'proficient', 'mastered']);

const skillsRoute = createRoute({
  method: 'get',
  path: '/api/courses/{course}/skills',
  tags: ['progress'],
  summary: 'Skill map: every concept with status, mastery level and probability, last practised, next review',
  middleware: [requireUser()] as const,
  request: { params: z.object({ course: SlugSchema }) },
  responses: {
    200: {
      description: 'The skill map',
      ...jsonContent(
        z
          .object({
            course: z.string(),
            concepts: z.array(
              z.object({
                slug: z.string(),
                title: z.string(),
                prerequisites: z.array(z.string()),
                status: z.enum(['locked', 'available', 'in-progress', 'mastered']),
                level: Level.nullable(),
                probability: Probability.nullable(),
                answers: z.number().int(),
                accuracy: Probability.nullable(),
                lastPracticedAt: z.string().nullable(),
                nextReviewAt: z.string().nullable(),
              }),
            ),
          })
          .openapi('SkillMap'),
      ),
    },
    ...errorResponses(400, 401, 404, 429),
  },
});

const recommendationsRoute = createRoute({
  method: 'get',
  path: '/api/courses/{course}/recommendations',
  tags: ['progress'],
  summary: 'What to do next in a course, each with its reason',
  middleware: [requireUser()] as const,
  request: { params: z.object({ course: SlugSchema }) },
  responses: {
    200: {
      description: 'Recommendations, most useful first',
      ...jsonContent(
        z.object({
          recommendations: z.array(
            z.object({
              kind: z.enum(['review', 'lesson', 'practice']),
              reason: z.string(),
              concept: z.string().optional(),
              lesson: z.string().optional(),
              count: z.number().int().optional(),
            }),
          ),
        }),
      ),
    },
    ...errorResponses(400, 401, 404, 429),
  },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/api/progress/history',
  tags: ['progress'],
  summary: 'Per local day: XP, answers, accuracy and each concept’s mastery at day end',
  middleware: [requireUser()] as const,
  request: { query: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }) },
  responses: {
    200: {
      description: 'Oldest day first, one entry per day',
      ...jsonContent(
        z.object({
          days: z.array(
            z.object({
              day: z.string(),
              xp: z.number().int(),
              answers: z.number().int(),
              accuracy: Probability.nullable(),
              mastery: z.array(
                z.object({ course: z.string(), concept: z.string(), probability: Probability, level: z.string() }),
              ),
            }),
          ),
        }),
      ),
    },
    ...errorResponses(400, 401, 429),
  },
});

const calibrationRoute = createRoute({
  method: 'get',
  path: '/api/progress/calibration',
  tags: ['progress'],
  summary: 'Accuracy versus predicted success over the last 500 answers',
  middleware: [requireUser()] as const,
  responses: {
    200: {
      description: 'Calibration',
      ...jsonContent(
        z.object({
          answers: z.number().int(),
          meanPredicted: Probability.nullable(),
          accuracy: Probability.nullable(),
          brier: z.number().nullable(),
          bins: z.array(
            z.object({
              from: z.number(),
              to: z.number(),
              answers: z.number().int(),
              meanPredicted: Probability.nullable(),
              accuracy: Probability.nullable(),
            }),
          ),
        }),
      ),
    },
    ...errorResponses(401, 429),
  },
});

const gamificationRoute = createRoute({
  method: 'get',
  path: '/api/me/progress',
  tags: ['progress'],
  summary: 'XP and tier, today’s goal, the streak with this week’s calendar',
  middleware: [requireUser()] as const,
  responses: {
    200: {
      description: 'The learner’s gamification state',
      ...jsonContent(
        z.object({
          xp: z.object({ total: z.number().int(), today: z.number().int(), dailyGoal: z.number().int() }),
          tier: z.object({
            name: z.string(),
            level: z.number().int(),
            floor: z.number().int(),
            next: z.number().int().nullable(),
          }),
          streak: z.object({
            current: z.number().int(),
            longest: z.number().int(),
            atRisk: z.boolean(),
            freezeAvailable: z.boolean(),
            nextMilestone: z.number().int().nullable(),
            week: z.array(z.object({ day: z.string(), state: z.enum(['met', 'frozen', 'missed', 'today', 'future']) })),
            today: z.string().openapi({ description: 'The learner’s local day (YYYY-MM-DD)' }),
            lastEnded: z
              .object({
                length: z.number().int(),
                lastDay: z.string().openapi({ description: 'Its last goal-met local day (YYYY-MM-DD)' }),
                brokenOn: z.string().openapi({ description: 'The missed local day no freeze covered' }),
              })
              .nullable()
              .openapi({ description: 'The most recent streak that ended (recorded the day after it broke)' }),
          }),
        }),
      ),
    },
    ...errorResponses(401, 429),
  },
});

const achievementsRoute = createRoute({
  method: 'get',
  path: '/api/me/achievements',
  tags: ['progress'],
  summary: 'Every achievement with the learner’s progress toward it',
  middleware: [requireUser()] as const,
  responses: {
    200: {
      description: 'Achievements',
      ...jsonContent(
        z.object({
          achievements: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              description: z.string(),
              current: z.number().int(),
              target: z.number().int(),
              unlocked: z.boolean(),
            }),
          ),
        }),
      ),
    },
    ...errorResponses(401, 429),
  },
});

const leaderboardRoute = createRoute({
  method: 'get',
  path: '/api/leaderboards/{board}',
  tags: ['progress'],
  summary: 'This week’s (from Monday 00:00 UTC), last week’s final or the all-time XP leaderboard, with your own rank',
  middleware: [requireUser()] as const,
  request: {
    params: z.object({ board: z.enum(['weekly', 'last-week', 'all-time']) }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
  },
  responses: {
    200: {
      description: 'The leaderboard',
      ...jsonContent(
        z.object({
          board: z.enum(['weekly', 'last-week', 'all-time']),
          week: z.string().nullable().openapi({ description: 'The Monday that starts the week shown (UTC)' }),
          entries: z.array(
            z.object({ rank: z.number().int(), userId: z.string(), displayName: z.string(), xp: z.number() }),
          ),
          you: z
            .object({ rank: z.number().int(), userId: z.string(), displayName: z.string(), xp: z.number() })
            .nullable(),
        }),
      ),
    },
    ...errorResponses(400, 401, 429),
  },
});

export function registerProgressRoutes(app: App): void {
  app.openapi(skillsRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    c.header('Cache-Control', 'no-store');
    return c.json(await skillMap(c.var.db, user.id, c.req.valid('param').course), 200);
  });

  app.openapi(recommendationsRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    c.header('Cache-Control', 'no-store');
    const list = await recommendations(c.var.db, user.id, c.req.valid('param').course, new Date());
    return c.json({ recommendations: list }, 200);
  });

  app.openapi(historyRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    c.header('Cache-Control', 'no-store');
    const days = await history(
      c.var.db,
      { userId: user.id, timeZone: user.timeZone },
      new Date(),
      c.req.valid('query').days,
    );
    return c.json({ days }, 200);
  });

  app.openapi(calibrationRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    c.header('Cache-Control', 'no-store');
    return c.json(await learnerCalibration(c.var.db, user.id), 200);
  });

  app.openapi(gamificationRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const learner = { userId: user.id, timeZone: user.timeZone, dailyGoalXp: user.dailyGoalXp };
    const now = new Date();
    const [history, [stats], [lastEnded]] = await Promise.all([
      loadStreakHistory(c.var.db, learner, now),
      c.var.db.select({ totalXp: learnerStats.totalXp }).from(learnerStats).where(eq(learnerStats.userId, user.id)),
      c.var.db
        .select({ length: streakBreaks.length, lastDay: streakBreaks.lastDay, brokenOn: streakBreaks.brokenOn })
        .from(streakBreaks)
        .where(eq(streakBreaks.userId, user.id))
        .orderBy(desc(streakBreaks.lastDay))
        .limit(1),
    ]);
    const streak = streakOf(history);
    const today = history.todayXp;
    const total = stats?.totalXp ?? 0;
    const tier = tierFor(total);
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        xp: { total, today, dailyGoal: user.dailyGoalXp },
        tier: { name: tier.name, level: tier.level, floor: tier.floor, next: tier.next },
        streak: {
          current: streak.current,
          longest: streak.longest,
          atRisk: streak.atRisk,
          freezeAvailable: streak.freezeAvailable,
          nextMilestone: streak.nextMilestone,
          // Derived from the history already loaded: the days the goal was met are all it needs.
          week: weekCalendar(history.goalMetDays, streak.frozenDays, history.today),
          today: history.today,
          lastEnded: lastEnded ?? null,
        },
      },
      200,
    );
  });

  app.openapi(achievementsRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const { stats, unlocked } = await loadAchievementState(c.var.db, user.id);
    c.header('Cache-Control', 'no-store');
    return c.json({ achievements: evaluateAchievements(stats, unlocked).progress }, 200);
  });

  app.openapi(leaderboardRoute, async (c) => {
    const { user } = signedIn(c.get('auth'));
    const { board } = c.req.valid('param');
    c.header('Cache-Control', 'no-store');
    const { limit } = c.req.valid('query');
    const now = new Date();
    return c.json(
      board === 'last-week'
        ? await readLastWeekBoard(c.var.db, user.id, limit, now)
        : await readLeaderboard(c.var.redis, c.var.db, board, user.id, limit, now),
      200,
    );
  });
}
