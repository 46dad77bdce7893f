/**
 * Weekly leaderboard rollover (Mondays, after the week turns at 00:00 UTC): archives the
 * finished week's top learners in `leaderboard_weeks`, computed from the XP ledger (the
 * record), not from the Redis board (which may have been rebuilt or evicted). The live
 * weekly board needs no reset: its Redis key is per week and expires by itself.
 *
 * Idempotent: a week is archived by replacing its rows in one transaction, and the sums
 * of a finished week do not change, so a rerun writes the same rows. A Monday whose run
 * failed is caught up by the next: every one of the last few weeks without an archive is
 * archived too.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/types';
import { leaderboardWeeks } from '../db/schema';
import { addDays } from '../learning/local-time';
import { leaderboardWeek } from '../practice/leaderboards';
import { ARCHIVE_SIZE, weekStandings } from '../practice/week-standings';

/** Finished weeks looked back over for a missing archive. */
export const CATCH_UP_WEEKS = 4;

/** The Mondays of the last `count` finished weeks before `now`'s week, newest first. */
export function finishedWeeks(now: Date, count: number): string[] {
  const current = leaderboardWeek(now);
  return Array.from({ length: count }, (_, i) => addDays(current, -7 * (i + 1)));
}

/** Replaces the archive of the week starting `weekStart` (a Monday); returns how many learners it holds. */
export async function archiveWeek(db: Database, weekStart: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.delete(leaderboardWeeks).where(sql`${leaderboardWeeks.weekStart} = ${weekStart}`);
    const inserted = await tx.execute(sql`
      insert into leaderboard_weeks (week_start, user_id, rank, xp, archived_at)
      select ${weekStart}::date, user_id, rank, xp, ${now.toISOString()}::timestamptz
      from (${weekStandings(weekStart, ARCHIVE_SIZE)}) standings`);
    return inserted.rowCount ?? 0;
  });
}

export interface RolloverReport {
  /** Learners archived per week, by the week's Monday. */
  archived: Record<string, number>;
}

export async function rollOverLeaderboards(db: Database, now: Date): Promise<RolloverReport> {
  const [lastWeek, ...earlier] = finishedWeeks(now, CATCH_UP_WEEKS);
  const present = earlier.length
    ? await db
        .selectDistinct({ weekStart: leaderboardWeeks.weekStart })
        .from(leaderboardWeeks)
        .where(inArray(leaderboardWeeks.weekStart, earlier))
    : [];
  const archivedAlready = new Set(present.map((row) => row.weekStart));
  const weeks = [lastWeek, ...earlier.filter((week) => !archivedAlready.has(week))].filter(
    (week): week is string => week !== undefined,
  );
  const archived: Record<string, number> = {};
  for (const week of weeks) archived[week] = await archiveWeek(db, week, now);
  return { archived };
}
