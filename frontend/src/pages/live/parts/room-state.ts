/**
 * What a live quiz screen knows about its room, folded from the room's messages: the whole
 * picture on (re)connect, then each change (a question, an answer acknowledged, the
 * results, a pause, the podium). The player and host screens render from it. Pure: one
 * function from the last view and a message to the next view.
 */
import type { LiveMessage, LiveQuestionView, ServerMessage } from '../../../../../durable/protocol';

type Of<T extends LiveMessage['type']> = Extract<LiveMessage, { type: T }>;

export type LivePhase = Of<'live-state'>['phase'];
export type LobbyPlayer = Of<'lobby'>['players'][number];
export type QuestionResults = Of<'question-results'>;
export type GameOver = Of<'game-over'>;

export interface RoomView {
  /** Null until the room has sent its first whole picture. */
  phase: LivePhase | null;
  role: 'host' | 'player' | null;
  paused: boolean;
  pin: string | null;
  title: string;
  players: LobbyPlayer[];
  /** The open question, or the one just closed while its results are shown. */
  question: LiveQuestionView | null;
  you: Of<'live-state'>['you'];
  streakBonus: boolean;
  /** The host's live count of answers to the open question (unknown after a reconnect). */
  answered: { answered: number; players: number } | null;
  /** The results of the question last closed, while the room is reviewing it. */
  results: QuestionResults | null;
  gameOver: GameOver | null;
  kicked: boolean;
  /** The room's last refusal, for the screen to show (a late answer, a command out of turn). */
  error: { code: string; message: string } | null;
}

export const EMPTY_ROOM: RoomView = {
  phase: null,
  role: null,
  paused: false,
  pin: null,
  title: '',
  players: [],
  question: null,
  you: null,
  streakBonus: false,
  answered: null,
  results: null,
  gameOver: null,
  kicked: false,
  error: null,
};

/** Room errors after which nothing more can happen on this socket (no reconnect will help). */
export const FATAL_ERRORS = new Set(['unauthorized', 'ended']);

export function roomReducer(view: RoomView, message: ServerMessage): RoomView {
  switch (message.type) {
    case 'live-state': {
      // A reconnect in the same tab keeps the results or podium it had; the picture has neither.
      const sameQuestion = view.results && message.phase === 'review' && view.question?.index === view.results.index;
      return {
        ...view,
        phase: message.phase,
        role: message.role,
        paused: message.paused,
        pin: message.pin,
        title: message.title,
        players: message.players,
        question: message.question ?? (sameQuestion ? view.question : null),
        you: message.you,
        streakBonus: message.streakBonus,
        answered:
          message.phase === 'question' && view.question?.index === message.question?.index ? view.answered : null,
        results: sameQuestion ? view.results : null,
        gameOver: message.phase === 'ended' ? view.gameOver : null,
        error: null,
      };
    }
    case 'lobby':
      return { ...view, players: message.players };
    case 'question':
      return {
        ...view,
        phase: 'question',
        paused: false,
        question: message.question,
        you: view.you ? { ...view.you, answered: false } : null,
        answered: { answered: 0, players: view.players.filter((player) => player.connected).length },
        results: null,
        error: null,
      };
    case 'answer-ack':
      if (!view.you || view.question?.index !== message.index) return view;
      return { ...view, you: { ...view.you, answered: true }, error: null };
    case 'answer-count':
      if (view.question?.index !== message.index) return view;
      return { ...view, answered: { answered: message.answered, players: message.players } };
    case 'question-results':
      return {
        ...view,
        phase: 'review',
        paused: false,
        results: message,
        you:
          view.you && message.you
            ? { ...view.you, score: message.you.score, rank: message.you.rank, answered: message.you.correct !== null }
            : view.you,
      };
    case 'paused':
      return {
        ...view,
        paused: true,
        question: view.question ? { ...view.question, deadline: null, remainingMs: message.remainingMs } : null,
      };
    case 'resumed':
      return {
        ...view,
        paused: false,
        question: view.question ? { ...view.question, deadline: message.deadline, remainingMs: null } : null,
      };
    case 'game-over':
      return {
        ...view,
        phase: 'ended',
        paused: false,
        gameOver: message,
        you: view.you && message.you ? { ...view.you, score: message.you.score, rank: message.you.rank } : view.you,
      };
    case 'kicked':
      return { ...view, kicked: true };
    case 'error':
      return { ...view, error: { code: message.code, message: message.message } };
    default:
      return view;
  }
}

/** Places 1 to 3 of the podium, in the order a podium stands: 2nd, 1st, 3rd. */
export function podiumOrder<T extends { rank: number }>(podium: T[]): T[] {
  const byRank = [...podium].sort((a, b) => a.rank - b.rank);
  const [first, second, ...rest] = byRank;
  if (!first) return [];
  return [...(second ? [second] : []), first, ...rest];
}

/** "1st", "2nd", "3rd", "4th", "11th", "22nd". */
export function ordinal(rank: number): string {
  const tens = rank % 100;
  if (tens >= 11 && tens <= 13) return `${rank}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[rank % 10] ?? 'th';
  return `${rank}${suffix}`;
}
