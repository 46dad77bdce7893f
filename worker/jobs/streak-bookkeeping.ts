/**
 * Daily streak bookkeeping. Streaks are computed when read, from the days the learner met
 * their goal (worker/learning/streak.ts), so nothing needs resetting: freezes are derived
 * from the history, one per ISO week. What the lazy model cannot do is remember a streak
 * once it has ended: the next read simply says 0. This job records each streak that ended
 * — its length, its last goal-met day and the day that broke it — in `streak_breaks`, once
 * the learner's local day that broke it is over and no freeze covered it.
 *
 * Each learner's local "yesterday" is judged once the job runs after their midnight; a few
 * days are re-judged each run, so a run that failed is caught up. Rows are keyed by the
 * streak's last day and inserted with ON CONFLICT DO NOTHING: reruns change nothing.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/types';
import { streakBreaks } from '../db/schema';
import { addDays, localDay, type LocalDay } from '../learning/local-time';
import { computeStreak } from '../learning/streak';

/** Days before a learner's today that are re-judged each run (catch-up after a failed run). */
export const CATCH_UP_DAYS = 3;
/** Goal-met days looked back over (as the learning loop does, gamification.ts). */
const LOOKBACK_DAYS = 800;
/**
 * Two freezes in a row (Sunday and Monday) can bridge a streak over two missed days, so a
 * streak breaking on day B had its last goal-met day at most 3 days before B.
 */
const MAX_BRIDGE_DAYS = 3;

export interface EndedStreak {
  lastDay: LocalDay;
  brokenOn: LocalDay;
  length: number;
}

/**
 * The streak that `day` ended, if it did: the streak was running into `day` (which was
 * then still open), and once `day` is over it is missed with no freeze left to cover it.
 */
export function streakEndedOn(goalMetDays: ReadonlySet<LocalDay>, day: LocalDay): EndedStreak | null {
  const before = computeStreak({ goalMetDays, today: day });
  if (before.current === 0 || goalMetDays.has(day)) return null;
  // Judged as of the next day, before anything the learner did on it: a new streak begun
  // that day does not undo the break.
  const upToDay = new Set([...goalMetDays].filter((d) => d <= day));
  const after = computeStreak({ goalMetDays: upToDay, today: addDays(day, 1) });
  if (after.current > 0) return null;
  const lastDay = [...upToDay].sort().at(-1);
  return lastDay === undefined ? null : { lastDay, brokenOn: day, length: before.current };
}

/** The streaks that ended on any of the `catchUp` local days before `today`, oldest first. */
export function endedStreaks(goalMetDays: ReadonlySet<LocalDay>, today: LocalDay, catchUp = CATCH_UP_DAYS) {
  const ended: EndedStreak[] = [];
  for (let back = catchUp; back >= 1; back--) {
    const found = streakEndedOn(goalMetDays, addDays(today, -back));
    if (found) ended.push(found);
  }
  return ended;
}

type Candidate = {
  user_id: string;
  time_zone: string;
  days: string[];
};

export async function recordEndedStreaks(db: Database, now: Date): Promise<{ learners: number; recorded: number }> {
  // Learners who met their goal recently enough that a streak of theirs could have ended in
  // the days judged: local days lie within a day of the UTC date, either way.
  const utcToday = now.toISOString().slice(0, 10);
  const recentFrom = addDays(utcToday, -(CATCH_UP_DAYS + MAX_BRIDGE_DAYS + 2));
  const result = await db.execute<Candidate>(sql`
    select u.id as user_id, u.time_zone,
      array_agg(a.day::text order by a.day) as days
    from users u
    join daily_activity a on a.user_id = u.id and a.xp >= u.daily_goal_xp
    where a.day >= ${addDays(utcToday, -LOOKBACK_DAYS)}::date
      and exists (
        select 1 from daily_activity r
        where r.user_id = u.id and r.xp >= u.daily_goal_xp and r.day >= ${recentFrom}::date
      )
    group by u.id, u.time_zone`);
  const rows = result.rows.flatMap((candidate) => {
    let today: LocalDay;
    try {
      today = localDay(now, candidate.time_zone);
    } catch {
      return []; // an unknown zone cannot have a streak computed for it either
    }
    return endedStreaks(new Set(candidate.days), today).map((ended) => ({
      userId: candidate.user_id,
      ...ended,
      recordedAt: now,
    }));
  });
  let recorded = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insert(streakBreaks)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing()
      .returning({ userId: streakBreaks.userId });
    recorded += inserted.length;
  }
  return { learners: result.rows.length, recorded };
}
