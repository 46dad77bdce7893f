/**
 * The LearnerAgent's own storage: its SQLite database, which survives eviction and restarts
 * (fields of the object do not). It keeps only live, per-learner state — the chat memory,
 * the item in flight, recent interactions, scheduled nudges and the agents' counters —
 * while everything that matters for learning stays in Postgres.
 */
import type { AgentName, AnswerFeedback, ChatTurn } from './agents/snapshot';

/** Chat turns kept as the agents' memory; older ones are dropped. */
export const MEMORY_TURNS = 40;
/** Interactions kept for the agents' view of what the learner just did. */
export const INTERACTIONS_KEPT = 100;

export type NudgeKind = 'session-idle' | 'streak-reminder' | 'review-due';

export interface AgentCounters {
  agent: AgentName;
  calls: number;
  averageMs: number;
  errors: number;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface InFlightItem {
  course: string;
  item: Record<string, unknown> & { id: string };
  predicted: number;
  servedAt: string;
  /** Hints the tutors have given for this item in the chat. */
  hintsUsed?: number;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS turns (id INTEGER PRIMARY KEY AUTOINCREMENT, turn TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS interactions (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, detail TEXT NOT NULL, at INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS nudges (kind TEXT PRIMARY KEY, due_at INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS agent_stats (agent TEXT PRIMARY KEY, calls INTEGER NOT NULL, total_ms REAL NOT NULL, errors INTEGER NOT NULL, last_error TEXT, last_error_at INTEGER)`,
];

export class AgentStore {
  constructor(private readonly sql: SqlStorage) {
    for (const statement of SCHEMA) sql.exec(statement);
  }

  getMeta<T>(key: string): T | null {
    const [row] = this.sql.exec<{ value: string }>('SELECT value FROM meta WHERE key = ?', key).toArray();
    return row ? (JSON.parse(row.value) as T) : null;
  }

  setMeta(key: string, value: unknown): void {
    if (value === null || value === undefined) this.sql.exec('DELETE FROM meta WHERE key = ?', key);
    else this.sql.exec('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', key, JSON.stringify(value));
  }

  get userId(): string | null {
    return this.getMeta<string>('userId');
  }

  get lastFeedback(): AnswerFeedback | null {
    return this.getMeta<AnswerFeedback>('lastFeedback');
  }

  get inFlight(): InFlightItem | null {
    return this.getMeta<InFlightItem>('inFlight');
  }

  /** The chat memory, oldest first. */
  memory(): ChatTurn[] {
    return this.sql
      .exec<{ turn: string }>(
        'SELECT turn FROM (SELECT id, turn FROM turns ORDER BY id DESC LIMIT ?) ORDER BY id',
        MEMORY_TURNS,
      )
      .toArray()
      .map((row) => JSON.parse(row.turn) as ChatTurn);
  }

  remember(...turns: ChatTurn[]): void {
    for (const turn of turns) this.sql.exec('INSERT INTO turns (turn) VALUES (?)', JSON.stringify(turn));
    this.sql.exec('DELETE FROM turns WHERE id <= (SELECT max(id) FROM turns) - ?', MEMORY_TURNS);
  }

  record(kind: string, detail: Record<string, unknown>, at: number): void {
    this.sql.exec('INSERT INTO interactions (kind, detail, at) VALUES (?, ?, ?)', kind, JSON.stringify(detail), at);
    this.sql.exec('DELETE FROM interactions WHERE id <= (SELECT max(id) FROM interactions) - ?', INTERACTIONS_KEPT);
  }

  interactions(limit = 20): { kind: string; detail: Record<string, unknown>; at: string }[] {
    return this.sql
      .exec<{ kind: string; detail: string; at: number }>(
        'SELECT kind, detail, at FROM interactions ORDER BY id DESC LIMIT ?',
        limit,
      )
      .toArray()
      .map((row) => ({
        kind: row.kind,
        detail: JSON.parse(row.detail) as Record<string, unknown>,
        at: new Date(row.at).toISOString(),
      }));
  }

  schedule(kind: NudgeKind, dueAt: number): void {
    this.sql.exec('INSERT OR REPLACE INTO nudges (kind, due_at) VALUES (?, ?)', kind, dueAt);
  }

  cancel(kind: NudgeKind): void {
    this.sql.exec('DELETE FROM nudges WHERE kind = ?', kind);
  }

  nudges(): { kind: NudgeKind; dueAt: number }[] {
    return this.sql
      .exec<{ kind: NudgeKind; due_at: number }>('SELECT kind, due_at FROM nudges ORDER BY due_at')
      .toArray()
      .map((row) => ({ kind: row.kind, dueAt: row.due_at }));
  }

  /** Removes and returns the nudges due by `now`. */
  takeDue(now: number): NudgeKind[] {
    const due = this.sql
      .exec<{ kind: NudgeKind }>('SELECT kind FROM nudges WHERE due_at <= ? ORDER BY due_at', now)
      .toArray()
      .map((row) => row.kind);
    this.sql.exec('DELETE FROM nudges WHERE due_at <= ?', now);
    return due;
  }

  nextNudgeAt(): number | null {
    const [row] = this.sql.exec<{ due: number | null }>('SELECT min(due_at) AS due FROM nudges').toArray();
    return row?.due ?? null;
  }

  count(agent: AgentName, elapsedMs: number, error?: string, calls = 1, at = Date.now()): void {
    this.sql.exec(
      `INSERT INTO agent_stats (agent, calls, total_ms, errors, last_error, last_error_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (agent) DO UPDATE SET calls = calls + excluded.calls, total_ms = total_ms + excluded.total_ms,
         errors = errors + excluded.errors,
         last_error = coalesce(excluded.last_error, last_error),
         last_error_at = coalesce(excluded.last_error_at, last_error_at)`,
      agent,
      calls,
      elapsedMs,
      error ? 1 : 0,
      error ?? null,
      error ? at : null,
    );
  }

  counters(): AgentCounters[] {
    return this.sql
      .exec<{
        agent: AgentName;
        calls: number;
        total_ms: number;
        errors: number;
        last_error: string | null;
        last_error_at: number | null;
      }>('SELECT agent, calls, total_ms, errors, last_error, last_error_at FROM agent_stats ORDER BY agent')
      .toArray()
      .map((row) => ({
        agent: row.agent,
        calls: row.calls,
        averageMs: row.calls ? Math.round((row.total_ms / row.calls) * 100) / 100 : 0,
        errors: row.errors,
        lastError: row.last_error,
        lastErrorAt: row.last_error_at === null ? null : new Date(row.last_error_at).toISOString(),
      }));
  }
}
