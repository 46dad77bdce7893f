/**
 * A leaderboard week's standings from the XP ledger (the record, not the Redis board,
 * which may have been rebuilt or evicted): everyone who earned XP that week (Monday 00:00
 * UTC to the next), by XP, ties sharing a rank. The Monday rollover archives them; "last
 * week" reads that archive, or this same query in the hours before the job has run.
 */
import { sql, type SQL } from 'drizzle-orm';
import { addDays } from '../learning/local-time';

/** How many learners of each week the archive keeps. */
export const ARCHIVE_SIZE = 100;

export function weekStandings(weekStart: string, limit: number): SQL {
  const start = `${weekStart}T00:00:00Z`;
  const end = `${addDays(weekStart, 7)}T00:00:00Z`;
  return sql`
    select user_id, rank, xp
    from (
      select user_id, sum(amount)::int as xp, rank() over (order by sum(amount) desc)::int as rank
      from xp_events
      where created_at >= ${start}::timestamptz and created_at < ${end}::timestamptz
      group by user_id
      having sum(amount) > 0
    ) totals
    order by rank, user_id
    limit ${limit}`;
}
