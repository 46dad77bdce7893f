/**
 * The live sessions an instructor sees on their "Live sessions" screen: newest first, each
 * with where it stands (in the lobby, running, ended), its PIN while players can still join,
 * how many joined, and the path of its results CSV. Rooms that have ended are answered from
 * Postgres alone; a room still open is asked for its phase (its Durable Object is the only
 * one that knows) and its PIN is shown only while Redis still maps it to this room.
 */
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../db/types';
import { courses, liveSessions, users } from '../db/schema';
import type { RedisClient } from '../redis/types';
import { roomForPin } from './pin';

export type LiveSessionStatus = 'lobby' | 'running' | 'ended';

export interface LiveSessionSummary {
  id: string;
  title: string;
  course: { slug: string; title: string } | null;
  host: { id: string; displayName: string };
  status: LiveSessionStatus;
  /** Null once nobody can join any more (ended, or the PIN expired). */
  pin: string | null;
  /** Everyone who joined, kicked players included (they were in the room). */
  players: number;
  questions: number;
  createdAt: string;
  endedAt: string | null;
  resultsCsv: string;
}

/** What a room's Durable Object says about itself (its `status()` RPC). */
export interface RoomStatus {
  phase: 'lobby' | 'question' | 'review' | 'ended' | null;
  players: number;
}

export interface SessionRow {
  id: string;
  title: string;
  pin: string;
  itemIds: string[];
  createdAt: Date;
  endedAt: Date | null;
  results: Record<string, unknown> | null;
  hostId: string;
  hostName: string;
  courseSlug: string | null;
  courseTitle: string | null;
}

/** A room with no phase was never set up (or lost): nothing more can happen in it. */
export function statusOf(phase: RoomStatus['phase']): LiveSessionStatus {
  if (phase === 'lobby') return 'lobby';
  if (phase === 'question' || phase === 'review') return 'running';
  return 'ended';
}

/** Players on record in an ended room's saved results. */
function playersOnRecord(results: Record<string, unknown> | null): number {
  return Array.isArray(results?.players) ? results.players.length : 0;
}

/** One row of the list. `live` is the room's own word for an open room, null for an ended one. */
export function summarise(row: SessionRow, live: RoomStatus | null, pinOpen: boolean): LiveSessionSummary {
  const ended = row.endedAt !== null || live === null;
  const status = ended ? 'ended' : statusOf(live.phase);
  return {
    id: row.id,
    title: row.title,
    course: row.courseSlug && row.courseTitle ? { slug: row.courseSlug, title: row.courseTitle } : null,
    host: { id: row.hostId, displayName: row.hostName },
    status,
    pin: status !== 'ended' && pinOpen ? row.pin : null,
    players: live && !ended ? live.players : playersOnRecord(row.results),
    questions: row.itemIds.length,
    createdAt: row.createdAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    resultsCsv: `/api/live/sessions/${row.id}/results.csv`,
  };
}

export interface ListOptions {
  /** Only this host's sessions; null for everyone's (admins). */
  hostId: string | null;
  /** Sessions created before this instant (the previous page's `nextBefore`). */
  before?: Date;
  limit: number;
}

/** A page of sessions, newest first, and the cursor of the next page (null on the last). */
export async function listLiveSessions(
  deps: { db: Database; redis: RedisClient; roomStatus: (id: string) => Promise<RoomStatus> },
  options: ListOptions,
): Promise<{ sessions: LiveSessionSummary[]; nextBefore: string | null }> {
  const conditions: SQL[] = [];
  if (options.hostId) conditions.push(eq(liveSessions.hostId, options.hostId));
  if (options.before) conditions.push(lt(liveSessions.createdAt, options.before));
  const rows: SessionRow[] = await deps.db
    .select({
      id: liveSessions.id,
      title: liveSessions.title,
      pin: liveSessions.pin,
      itemIds: liveSessions.itemIds,
      createdAt: liveSessions.createdAt,
      endedAt: liveSessions.endedAt,
      results: liveSessions.results,
      hostId: liveSessions.hostId,
      hostName: users.displayName,
      courseSlug: courses.slug,
      courseTitle: courses.title,
    })
    .from(liveSessions)
    .innerJoin(users, eq(users.id, liveSessions.hostId))
    .leftJoin(courses, eq(courses.id, liveSessions.courseId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(liveSessions.createdAt), desc(liveSessions.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const sessions = await Promise.all(
    page.map(async (row) => {
      if (row.endedAt) return summarise(row, null, false);
      const [live, mapped] = await Promise.all([deps.roomStatus(row.id), roomForPin(deps.redis, row.pin)]);
      return summarise(row, live, mapped === row.id);
    }),
  );
  const last = page.at(-1);
  return { sessions, nextBefore: rows.length > options.limit && last ? last.createdAt.toISOString() : null };
}
