/**
 * The Cron Triggers' jobs, run through the Worker's `scheduled` handler in workerd against
 * the test database and Redis: each does its work, and a second run changes nothing. Dates
 * are set in 2020 so no other suite's rows fall into the weeks, days and hours judged.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DAILY_MAINTENANCE, HOURLY_ROLLUP, WEEKLY_ROLLOVER } from '../worker/jobs/schedule.ts';
import { startWorkerRuntime, type WorkerRuntime } from '../ops/stack/worker-runtime.ts';
import { useTestDatabase } from './support/db.ts';
import { getAs, signUp } from './support/accounts.ts';
import { stackRedis } from './support/redis.ts';

let worker: WorkerRuntime;
const db = useTestDatabase();
const createdUsers: string[] = [];

beforeAll(async () => {
  const stack = inject('stack');
  worker = await startWorkerRuntime({ bundlePath: stack.bundlePath, bindings: stack.workerBindings });
});
afterAll(async () => {
  if (createdUsers.length) await db.query('delete from users where id = any($1)', [createdUsers]);
  await worker?.close();
});

async function trigger(cron: string, at: string): Promise<string> {
  const fetcher = (await worker.miniflare.getWorker()) as unknown as {
    scheduled(options: { cron: string; scheduledTime?: Date }): Promise<{ outcome: string }>;
  };
  return (await fetcher.scheduled({ cron, scheduledTime: new Date(at) })).outcome;
}

async function learner(name: string, timeZone = 'UTC', dailyGoalXp = 30): Promise<string> {
  const result = await db.query(
    `insert into users (email, display_name, password_hash, time_zone, daily_goal_xp) values ($1, $2, 'x', $3, $4) returning id`,
    [`${name}-${randomUUID()}@example.test`, name, timeZone, dailyGoalXp],
  );
  const id = String(result.rows[0].id);
  createdUsers.push(id);
  return id;
}

describe(`daily maintenance (${DAILY_MAINTENANCE})`, () => {
  it('purges password-reset tokens past their 30 minutes and keeps live ones', async () => {
    const userId = await learner('Reset');
    const now = Date.parse('2020-01-10T03:17:00Z');
    const tokens = { stale: now - 3600_000, used: now - 60_000, live: now + 20 * 60_000 };
    for (const [name, expires] of Object.entries(tokens)) {
      await db.query(`insert into password_resets (token_hash, user_id, expires_at, used_at) values ($1, $2, $3, $4)`, [
        `${name}-${userId}`,
        userId,
        new Date(expires),
        name === 'used' ? new Date(now - 120_000) : null,
      ]);
    }
    expect(await trigger(DAILY_MAINTENANCE, '2020-01-10T03:17:00Z')).toBe('ok');
    const left = await db.query('select token_hash from password_resets where user_id = $1', [userId]);
    expect(left.rows.map((row) => row.token_hash)).toEqual([`live-${userId}`]);
  });

  it('records a streak that ended yesterday (no freeze left), once, in the learner’s own time zone', async () => {
    // Auckland is UTC+13 in January: at 03:17 UTC on Fri 10th it is 16:17 on Friday there,
    // so "yesterday" is Thursday 9th. Mon 6th was missed (the week's freeze), Tue–Wed met,
    // Thu 9th missed: the streak of 4 met days (Sat 4th, Sun 5th, Tue 7th, Wed 8th) ended.
    const brokenAccount = await signUp({ displayName: 'Broken', timeZone: 'Pacific/Auckland' });
    const broken = brokenAccount.userId;
    createdUsers.push(broken);
    // A learner whose freeze still covers yesterday, and one who met the goal: no record.
    const covered = await learner('Covered', 'UTC');
    const going = await learner('Going', 'UTC');
    const activity: [string, string, number][] = [
      [broken, '2020-01-04', 40],
      [broken, '2020-01-05', 40],
      [broken, '2020-01-07', 30],
      [broken, '2020-01-08', 50],
      [broken, '2020-01-09', 10], // some XP, under the goal
      [covered, '2020-01-07', 40],
      [covered, '2020-01-08', 40],
      [going, '2020-01-08', 40],
      [going, '2020-01-09', 40],
    ];
    for (const [userId, day, xp] of activity) {
      await db.query('insert into daily_activity (user_id, day, xp) values ($1, $2, $3)', [userId, day, xp]);
    }
    expect(await trigger(DAILY_MAINTENANCE, '2020-01-10T03:17:00Z')).toBe('ok');
    expect(await trigger(DAILY_MAINTENANCE, '2020-01-10T03:17:00Z')).toBe('ok');
    const rows = await db.query(
      `select user_id, last_day::text, broken_on::text, length from streak_breaks where user_id = any($1)`,
      [[broken, covered, going]],
    );
    expect(rows.rows).toEqual([{ user_id: broken, last_day: '2020-01-08', broken_on: '2020-01-09', length: 4 }]);

    // The learner sees it: the dashboard's progress carries the streak that ended.
    const progress = (await (await getAs(brokenAccount, '/api/me/progress')).json()) as {
      streak: { lastEnded: unknown };
    };
    expect(progress.streak.lastEnded).toEqual({ length: 4, lastDay: '2020-01-08', brokenOn: '2020-01-09' });
    const unbroken = await signUp();
    const fresh = (await (await getAs(unbroken, '/api/me/progress')).json()) as typeof progress;
    expect(fresh.streak.lastEnded).toBeNull();
  });
});

describe(`weekly leaderboard rollover (${WEEKLY_ROLLOVER})`, () => {
  it('archives the finished week’s learners by XP from the ledger, ties sharing a rank; a rerun writes the same rows', async () => {
    const [ada, bo, cy, dee] = [await learner('Ada'), await learner('Bo'), await learner('Cy'), await learner('Dee')];
    const events: [string, number, string][] = [
      [ada, 50, '2020-01-13T00:00:00Z'], // the week's first instant
      [ada, 70, '2020-01-19T23:59:59Z'], // and its last
      [bo, 120, '2020-01-15T12:00:00Z'],
      [cy, 30, '2020-01-16T12:00:00Z'],
      [dee, 500, '2020-01-20T00:00:01Z'], // the new week: not archived
      [dee, 5, '2020-01-12T23:59:59Z'], // the week before
    ];
    for (const [userId, amount, at] of events) {
      await db.query(`insert into xp_events (user_id, amount, reason, created_at) values ($1, $2, 'answer', $3)`, [
        userId,
        amount,
        at,
      ]);
    }
    const archive = () =>
      db.query(
        `select user_id, rank, xp from leaderboard_weeks where week_start = '2020-01-13' order by rank, xp desc, user_id`,
      );
    expect(await trigger(WEEKLY_ROLLOVER, '2020-01-20T00:07:00Z')).toBe('ok');
    const first = (await archive()).rows;
    expect(first).toEqual(
      [
        { user_id: ada, rank: 1, xp: 120 },
        { user_id: bo, rank: 1, xp: 120 },
        { user_id: cy, rank: 3, xp: 30 },
      ].sort((a, b) => a.rank - b.rank || a.user_id.localeCompare(b.user_id)),
    );
    // The week before had no archive yet: it is caught up.
    const before = await db.query(`select user_id, rank, xp from leaderboard_weeks where week_start = '2020-01-06'`);
    expect(before.rows).toEqual([{ user_id: dee, rank: 1, xp: 5 }]);

    expect(await trigger(WEEKLY_ROLLOVER, '2020-01-20T00:07:00Z')).toBe('ok');
    expect((await archive()).rows).toEqual(first);
  });
});

describe(`hourly metrics rollup (${HOURLY_ROLLUP})`, () => {
  it('rolls the hour’s per-minute counters from Redis into metrics_hourly; a rerun after they expired keeps the row', async () => {
    const { redis, prefix } = stackRedis();
    const hourStart = Date.parse('2020-01-06T09:00:00Z') / 60_000;
    const keys = [hourStart, hourStart + 59, hourStart + 60].map((m) => `${prefix}metrics:minute:${m}`);
    await redis.hset(keys[0] ?? '', { requests: 40, errors: 1, rate_limited: 0, b0: 30, b5: 10, sum_ms: 600 });
    await redis.hset(keys[1] ?? '', { requests: 10, errors: 0, rate_limited: 2, b0: 10, sum_ms: 20 });
    await redis.hset(keys[2] ?? '', { requests: 999, b0: 999, sum_ms: 1 }); // 10:00, the next hour
    const row = () =>
      db.query(
        `select requests, errors, rate_limited, sum_ms, buckets, p95_ms from metrics_hourly where hour = '2020-01-06T09:00:00Z'`,
      );
    try {
      expect(await trigger(HOURLY_ROLLUP, '2020-01-06T10:05:00Z')).toBe('ok');
      const expected = { requests: 50, errors: 1, rate_limited: 2, sum_ms: 620 };
      expect((await row()).rows[0]).toMatchObject(expected);
      expect((await row()).rows[0].buckets.slice(0, 6)).toEqual([40, 0, 0, 0, 0, 10]);
      expect((await row()).rows[0].p95_ms).toBeGreaterThan(100);

      await redis.del(...keys);
      expect(await trigger(HOURLY_ROLLUP, '2020-01-06T10:05:00Z')).toBe('ok');
      expect((await row()).rows[0]).toMatchObject(expected);
    } finally {
      await redis.del(...keys);
      await db.query(`delete from metrics_hourly where hour = '2020-01-06T09:00:00Z'`);
    }
  });
});

describe('dispatch', () => {
  it('an expression no job is scheduled on does nothing and does not fail', async () => {
    expect(await trigger('1 2 3 4 5', '2020-01-06T10:05:00Z')).toBe('ok');
  });
});

describe('last week’s board (GET /api/leaderboards/last-week)', () => {
  /** The Monday (UTC) that started the finished week before this one, and an instant in it. */
  function lastWeek(): { monday: string; at: string } {
    const monday = new Date();
    monday.setUTCHours(0, 0, 0, 0);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7);
    return { monday: monday.toISOString().slice(0, 10), at: new Date(monday.getTime() + 36 * 3600_000).toISOString() };
  }

  async function award(userId: string, amount: number, at: string): Promise<void> {
    await db.query(`insert into xp_events (user_id, amount, reason, created_at) values ($1, $2, 'answer', $3)`, [
      userId,
      amount,
      at,
    ]);
  }

  interface BoardBody {
    board: string;
    week: string;
    entries: { userId: string; rank: number; xp: number; displayName: string }[];
    you: { rank: number; xp: number } | null;
  }

  it('shows the week’s standings before the rollover has run, then the archive it wrote', async () => {
    const viewer = await signUp({ displayName: 'Viewer' });
    createdUsers.push(viewer.userId);
    const [ada, bo] = [await learner('Ada'), await learner('Bo')];
    const { monday, at } = lastWeek();
    await award(ada, 90, at);
    await award(bo, 40, at);
    await award(viewer.userId, 60, at);
    await award(bo, 500, new Date().toISOString()); // this week: not last week's

    const board = async () => {
      const res = await getAs(viewer, '/api/leaderboards/last-week?limit=100');
      expect(res.status).toBe(200);
      const body = (await res.json()) as BoardBody;
      const ours = body.entries.filter((entry) => [ada, bo, viewer.userId].includes(entry.userId));
      return { body, ours };
    };

    const before = await board();
    expect(before.body.board).toBe('last-week');
    expect(before.body.week).toBe(monday);
    expect(before.ours.map((entry) => [entry.displayName, entry.xp])).toEqual([
      ['Ada', 90],
      ['Viewer', 60],
      ['Bo', 40],
    ]);
    expect(before.body.you).toMatchObject({ xp: 60, rank: before.ours[1]?.rank });

    // The job archives the week; XP recorded late for that week no longer moves the board.
    expect(await trigger(WEEKLY_ROLLOVER, new Date().toISOString())).toBe('ok');
    await award(bo, 100, at);
    const after = await board();
    expect(after.ours).toEqual(before.ours);
    expect(after.body.you).toEqual(before.body.you);
  });
});
