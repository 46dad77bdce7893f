/**
 * Everything one scrape reports, read in parallel: the counters in Redis (which must be
 * there, or the scrape fails), and the gauges from their own sources — active users (the
 * Redis sorted set learning already keeps), rooms still open (Postgres), the agents'
 * counters (summed in Redis by every LearnerAgent). A gauge whose source fails is null.
 */
import { and, count, gt, isNull } from 'drizzle-orm';
import { readAgentMetrics } from '../agents/agent-metrics';
import { liveSessions } from '../db/schema';
import type { Queryable } from '../db/types';
import { PIN_TTL_SECONDS } from '../live/pin';
import type { Logger } from '../log';
import { countActive } from '../practice/active-users';
import type { RedisClient } from '../redis/types';
import type { MetricsSnapshot } from './families';
import { readTotals } from './store';

/** Rooms nobody ended stop counting once their PIN would have expired. */
export async function countOpenLiveRooms(db: Queryable, now: Date): Promise<number> {
  const since = new Date(now.getTime() - PIN_TTL_SECONDS * 1000);
  const [row] = await db
    .select({ n: count() })
    .from(liveSessions)
    .where(and(isNull(liveSessions.endedAt), gt(liveSessions.createdAt, since)));
  return row?.n ?? 0;
}

export async function readSnapshot(
  services: { db: Queryable; redis: RedisClient; log: Logger },
  now: Date,
): Promise<MetricsSnapshot> {
  const orNull = <T>(source: string, read: Promise<T>) =>
    read.catch((error: unknown) => {
      services.log.warn('metrics gauge unavailable', { source, error: String(error) });
      return null;
    });
  const [totals, activeUsers, liveRoomsActive, agents] = await Promise.all([
    readTotals(services.redis),
    orNull('active-users', countActive(services.redis, now)),
    orNull('live-rooms', countOpenLiveRooms(services.db, now)),
    orNull('agents', readAgentMetrics(services.redis)),
  ]);
  return { ...totals, activeUsers, liveRoomsActive, agents };
}
