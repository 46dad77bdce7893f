/**
 * Leaderboards (weekly, resetting Monday 00:00 UTC, and all-time) as Redis sorted sets of
 * XP, fed after each award and rebuilt from the Postgres XP ledger whenever a board is
 * missing (Redis emptied or evicted) or on demand (`npm run leaderboard:rebuild`). A marker
 * key says a board was built; the board itself may legitimately be empty.
 */
import { and, eq, gte, inArray, sum } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { users, xpEvents } from '../db/schema';
import type { RedisClient } from '../redis/types';

export type Board = 'weekly' | 'all-time';

/** The Monday (UTC) that starts the leaderboard week containing `now`, 'YYYY-MM-DD'. */
export function leaderboardWeek(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday);
  return day.toISOString().slice(0, 10);
}

/** Weekly boards outlive their week by a week, for "last week's winners". */
const WEEKLY_TTL_SECONDS = 15 * 24 * 3600;

function boardKey(redis: RedisClient, board: Board, now: Date): string {
  return board === 'weekly' ? redis.key('lb', 'week', leaderboardWeek(now)) : redis.key('lb', 'all');
}
const builtKey = (key: string) => `${key}:built`;

/** After an award is committed: add it to both boards (one round trip). */
export async function addToLeaderboards(redis: RedisClient, userId: string, xp: number, now: Date): Promise<void> {
  if (xp <= 0) return;
  const weekly = boardKey(redis, 'weekly', now);
  await redis.raw
    .pipeline()
    .zincrby(weekly, xp, userId)
    .expire(weekly, WEEKLY_TTL_SECONDS)
    .zincrby(boardKey(redis, 'all-time', now), xp, userId)
    .exec();
}

async function totals(db: Queryable, since: Date | null) {
  const rows = await db
    .select({ userId: xpEvents.userId, xp: sum(xpEvents.amount).mapWith(Number) })
    .from(xpEvents)
    .where(since ? gte(xpEvents.createdAt, since) : undefined)
    .groupBy(xpEvents.userId);
  return rows.filter((row) => row.xp > 0);
}

/** Replaces a board with the sums from the XP ledger; returns how many learners it holds. */
export async function rebuildLeaderboard(redis: RedisClient, db: Queryable, board: Board, now: Date): Promise<number> {
  const key = boardKey(redis, board, now);
  const since = board === 'weekly' ? new Date(`${leaderboardWeek(now)}T00:00:00Z`) : null;
  const rows = await totals(db, since);
  const tx = redis.raw.multi();
  tx.del(key);
  for (let i = 0; i < rows.length; i += 500) {
    const [first, ...rest] = rows.slice(i, i + 500).map((row) => ({ score: row.xp, member: row.userId }));
    if (first) tx.zadd(key, first, ...rest);
  }
  if (board === 'weekly') {
    tx.expire(key, WEEKLY_TTL_SECONDS);
    tx.set(builtKey(key), '1', { ex: WEEKLY_TTL_SECONDS });
  } else {
    tx.set(builtKey(key), '1');
  }
  await tx.exec();
  return rows.length;
}

export interface LeaderboardEntry {
  rank: number;
  userId: string;
  displayName: string;
  xp: number;
}

export async function readLeaderboard(
  redis: RedisClient,
  db: Queryable,
  board: Board,
  viewerId: string,
  limit: number,
  now: Date,
) {
  const key = boardKey(redis, board, now);
  if (!(await redis.raw.exists(builtKey(key)))) await rebuildLeaderboard(redis, db, board, now);
  const [top, viewerRank, viewerScore] = await redis.raw
    .pipeline()
    .zrange(key, 0, limit - 1, { rev: true, withScores: true })
    .zrevrank(key, viewerId)
    .zscore(key, viewerId)
    .exec<[(string | number)[], number | null, number | null]>();
  const entries: { userId: string; xp: number }[] = [];
  for (let i = 0; i + 1 < top.length; i += 2) entries.push({ userId: String(top[i]), xp: Number(top[i + 1]) });
  const names = entries.length
    ? await db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(
          and(
            inArray(
              users.id,
              entries.map((entry) => entry.userId),
            ),
          ),
        )
    : [];
  const nameOf = new Map(names.map((row) => [row.id, row.displayName]));
  const [viewer] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, viewerId));
  return {
    board,
    week: board === 'weekly' ? leaderboardWeek(now) : null,
    entries: entries
      // A deleted account's XP lingers in Redis until the next rebuild; it is not shown.
      .filter((entry) => nameOf.has(entry.userId))
      .map((entry, index) => ({ rank: index + 1, ...entry, displayName: nameOf.get(entry.userId) ?? '' })),
    you:
      viewerRank === null || viewer === undefined
        ? null
        : { rank: viewerRank + 1, userId: viewerId, displayName: viewer.displayName, xp: Number(viewerScore ?? 0) },
  };
}
