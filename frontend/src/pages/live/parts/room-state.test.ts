import { describe, expect, it } from 'vitest';
import type { LiveQuestionView, ServerMessage } from '../../../../../durable/protocol';
import { EMPTY_ROOM, ordinal, podiumOrder, roomReducer, type RoomView } from './room-state';

const question = (index: number, deadline: number | null = 50_000): LiveQuestionView => ({
  index,
  total: 3,
  prompt: `Question ${index + 1}?`,
  options: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
  ],
  multiple: false,
  timeLimitMs: 20_000,
  deadline,
  remainingMs: deadline === null ? 8_000 : null,
});

const state = (overrides: Partial<Extract<ServerMessage, { type: 'live-state' }>> = {}): ServerMessage => ({
  type: 'live-state',
  role: 'player',
  phase: 'lobby',
  paused: false,
  pin: null,
  title: 'Graphs',
  players: [
    { playerId: 'p1', nickname: 'Ada', connected: true },
    { playerId: 'p2', nickname: 'Bo', connected: false },
  ],
  question: null,
  you: { playerId: 'p1', nickname: 'Ada', score: 0, rank: null, answered: false },
  streakBonus: true,
  ...overrides,
});

const play = (messages: ServerMessage[], from: RoomView = EMPTY_ROOM) => messages.reduce(roomReducer, from);

const results = (index: number): ServerMessage => ({
  type: 'question-results',
  index,
  correct: ['a'],
  explanation: 'Because.',
  distribution: { a: 1 },
  noAnswer: 1,
  leaderboard: [{ playerId: 'p1', nickname: 'Ada', score: 900, rank: 1 }],
  you: { score: 900, rank: 1, points: 900, correct: true, streak: 1 },
});

describe('roomReducer', () => {
  it('follows a player from the lobby through a question to its results', () => {
    const lobby = play([state()]);
    expect(lobby).toMatchObject({ phase: 'lobby', role: 'player', title: 'Graphs' });
    const asked = play([{ type: 'question', question: question(0) }], lobby);
    expect(asked).toMatchObject({ phase: 'question', question: { index: 0 }, you: { answered: false } });
    expect(asked.answered).toEqual({ answered: 0, players: 1 });
    const locked = play([{ type: 'answer-ack', index: 0, accepted: true }], asked);
    expect(locked.you?.answered).toBe(true);
    const shown = play([results(0)], locked);
    expect(shown).toMatchObject({ phase: 'review', you: { score: 900, rank: 1 }, results: { index: 0 } });
    expect(shown.question?.index).toBe(0);
  });

  it('ignores an acknowledgement or count for another question', () => {
    const asked = play([state(), { type: 'question', question: question(1) }]);
    expect(play([{ type: 'answer-ack', index: 0, accepted: true }], asked).you?.answered).toBe(false);
    expect(play([{ type: 'answer-count', index: 0, answered: 5, players: 5 }], asked).answered).toEqual({
      answered: 0,
      players: 1,
    });
    expect(play([{ type: 'answer-count', index: 1, answered: 1, players: 2 }], asked).answered).toEqual({
      answered: 1,
      players: 2,
    });
  });

  it('freezes the clock on pause and takes the new deadline on resume', () => {
    const asked = play([state(), { type: 'question', question: question(0) }]);
    const paused = play([{ type: 'paused', remainingMs: 7_000 }], asked);
    expect(paused).toMatchObject({ paused: true, question: { deadline: null, remainingMs: 7_000 } });
    const resumed = play([{ type: 'resumed', deadline: 90_000 }], paused);
    expect(resumed).toMatchObject({ paused: false, question: { deadline: 90_000, remainingMs: null } });
  });

  it('restores a refreshed player mid-question with the answer they gave', () => {
    const back = play([
      state({
        phase: 'question',
        question: question(1),
        you: { playerId: 'p1', nickname: 'Ada', score: 900, rank: 1, answered: true },
      }),
    ]);
    expect(back).toMatchObject({ phase: 'question', question: { index: 1 }, you: { answered: true, score: 900 } });
  });

  it('keeps the results on a reconnect in the same tab, and drops them once the game moves on', () => {
    const shown = play([state(), { type: 'question', question: question(0) }, results(0)]);
    const reconnected = play([state({ phase: 'review' })], shown);
    expect(reconnected.results?.index).toBe(0);
    expect(reconnected.question?.index).toBe(0);
    const fresh = play([state({ phase: 'review' })]);
    expect(fresh.results).toBeNull();
    const later = play([state({ phase: 'question', question: question(1) })], shown);
    expect(later.results).toBeNull();
  });

  it('ends with the podium and the player’s final standing; a kick and an error are kept', () => {
    const over = play([
      state(),
      {
        type: 'game-over',
        podium: [{ playerId: 'p1', nickname: 'Ada', score: 1800, rank: 1 }],
        you: { score: 1800, rank: 1, correct: 2, answered: 2, averageResponseMs: 2500 },
      },
    ]);
    expect(over).toMatchObject({ phase: 'ended', you: { score: 1800, rank: 1 }, gameOver: { podium: [{ rank: 1 }] } });
    expect(play([{ type: 'kicked' }]).kicked).toBe(true);
    expect(play([{ type: 'error', code: 'late', message: 'That question is closed.' }]).error).toEqual({
      code: 'late',
      message: 'That question is closed.',
    });
  });
});

describe('podiumOrder and ordinal', () => {
  it('stands second, first, third', () => {
    expect(podiumOrder([{ rank: 1 }, { rank: 2 }, { rank: 3 }]).map((p) => p.rank)).toEqual([2, 1, 3]);
    expect(podiumOrder([{ rank: 1 }]).map((p) => p.rank)).toEqual([1]);
    expect(podiumOrder([])).toEqual([]);
  });

  it('writes ranks as English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '103rd',
      '111th',
    ]);
  });
});
