/**
 * The LiveRoom's storage: the room's configuration, the quiz state and one row per player,
 * in the object's SQLite database, so an evicted or restarted room carries on mid-question
 * with every answer and score. An answer rewrites only its player's row and the small
 * room row; the questions are written once.
 */
import type { Player, QuizState } from './quiz-state';

export interface RoomConfig {
  roomId: string;
  pin: string;
  title: string;
  hostUserId: string;
  hostTokenHash: string;
  /** The item type behind each question (by item id), to record answers as practice. */
  itemTypes: Record<string, string>;
  createdAt: number;
}

/** The room's timers; one alarm serves them all. */
export interface RoomTimers {
  deadline?: number;
  /** When a disconnected host's grace ends and the question is paused. */
  hostGrace?: number;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS room (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS players (id TEXT PRIMARY KEY, player TEXT NOT NULL)`,
];

export class RoomStore {
  constructor(private readonly sql: SqlStorage) {
    for (const statement of SCHEMA) sql.exec(statement);
  }

  private get<T>(key: string): T | null {
    const [row] = this.sql.exec<{ value: string }>('SELECT value FROM room WHERE key = ?', key).toArray();
    return row ? (JSON.parse(row.value) as T) : null;
  }

  private put(key: string, value: unknown): void {
    this.sql.exec('INSERT OR REPLACE INTO room (key, value) VALUES (?, ?)', key, JSON.stringify(value));
  }

  get config(): RoomConfig | null {
    return this.get<RoomConfig>('config');
  }

  set config(config: RoomConfig) {
    this.put('config', config);
  }

  get timers(): RoomTimers {
    return this.get<RoomTimers>('timers') ?? {};
  }

  set timers(timers: RoomTimers) {
    this.put('timers', timers);
  }

  get resultsSaved(): boolean {
    return this.get<boolean>('resultsSaved') ?? false;
  }

  set resultsSaved(saved: boolean) {
    this.put('resultsSaved', saved);
  }

  /** The whole state, rebuilt from the room row, the questions and the players. */
  loadState(): QuizState | null {
    const core = this.get<Omit<QuizState, 'players' | 'questions'>>('state');
    const questions = this.get<QuizState['questions']>('questions');
    if (!core || !questions) return null;
    const players: Record<string, Player> = {};
    for (const row of this.sql.exec<{ id: string; player: string }>('SELECT id, player FROM players').toArray()) {
      players[row.id] = JSON.parse(row.player) as Player;
    }
    return { ...core, questions, players };
  }

  /** Writes what changed: the room row always, the questions when new, the players whose object changed. */
  saveState(next: QuizState, previous: QuizState | null): void {
    const { players, questions, ...core } = next;
    this.put('state', core);
    if (!previous || previous.questions !== questions) this.put('questions', questions);
    for (const [id, player] of Object.entries(players)) {
      if (previous?.players[id] === player) continue;
      this.sql.exec('INSERT OR REPLACE INTO players (id, player) VALUES (?, ?)', id, JSON.stringify(player));
    }
  }
}
