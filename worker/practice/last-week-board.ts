/**
 * Last week's final leaderboard: the standings the Monday rollover archived, or — in the
 * minutes between the week turning at 00:00 UTC and the job running — the same standings
 * computed from the XP ledger. Ranks are those the week ended with (a learner who has
 * since deleted their account leaves a gap rather than moving everyone up).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/types';
import { addDays } from '../learning/local-time';
import { leaderboardWeek, type LeaderboardEntry } from './leaderboards';
import { ARCHIVE_SIZE, weekStandings } from './week-standings';

interface StandingRow extends Record<string, unknown> {
  user_id: string;
  rank: number;
  xp: number;
  display_name: string;
}

export async function readLastWeekBoard(db: Queryable, viewerId: string, limit: number, now: Date) {
  const week = addDays(leaderboardWeek(now), -7);
  const archived = sql`select user_id, rank, xp from leaderboard_weeks where week_start = ${week}::date`;
  const { rows } = await db.execute<StandingRow>(sql`
    with archive as (${archived}),
    standings as (
      select * from archive
      union all
      select * from (${weekStandings(week, ARCHIVE_SIZE)}) live where not exists (select 1 from archive)
    )
    select s.user_id, s.rank, s.xp, u.display_name
    from standings s join users u on u.id = s.user_id
    order by s.rank, s.user_id`);
  const entries: LeaderboardEntry[] = rows.map((row) => ({
    rank: Number(row.rank),
    userId: String(row.user_id),
    displayName: row.display_name,
    xp: Number(row.xp),
  }));
  return {
    board: 'last-week' as const,
    week,
    entries: entries.slice(0, limit),
    // Beyond the archived top 100 a learner has no rank to show.
    you: entries.find((entry) => entry.userId === viewerId) ?? null,
  };
}
