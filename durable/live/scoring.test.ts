import { describe, expect, it } from 'vitest';
import { QUESTIONS, T0, answerEvent, firstQuestionOpen, run } from './fixtures';
import { initialState, type QuizEvent } from './quiz-state';
import {
  distribution,
  leaderboard,
  playerSummary,
  podium,
  questionPoints,
  resultsFor,
  streakBonus,
  topAndOwn,
} from './scoring';

describe('questionPoints', () => {
  it.each([
    [0, 20_000, 1000],
    [2_000, 20_000, 950],
    [10_000, 20_000, 750],
    [20_000, 20_000, 500],
    [9_999, 10_000, 500], // 500.05
    [1, 1_000, 1000], // 999.5 rounds up
    [3, 1_000, 999], // 998.5 rounds up
    [7, 3_000, 999], // 998.83…
    [-50, 1_000, 1000], // clamped: never more than 1000
    [5_000, 1_000, 500], // clamped: a correct answer never earns less than 500
  ])('%i ms of %i ms → %i', (responseMs, timeLimitMs, points) => {
    expect(questionPoints(responseMs, timeLimitMs)).toBe(points);
  });
});

describe('streakBonus', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 100],
    [3, 200],
    [5, 400],
    [6, 500],
    [7, 500],
    [100, 500],
  ])('the correct answer number %i in a row earns +%i', (consecutive, bonus) => {
    expect(streakBonus(consecutive)).toBe(bonus);
  });
});

describe('leaderboard', () => {
  // Ben joins first: the order among true ties must come from nicknames, not joining.
  const closedFirst = () =>
    run(
      firstQuestionOpen(['Ben', 'Ann', 'Al', 'Dan', 'Eve']),
      answerEvent('Ben', ['b'], T0 + 2_000), // 950 in 2000 ms
      answerEvent('Ann', ['b'], T0 + 2_000), // 950 in 2000 ms: tied with Ben
      answerEvent('Al', ['b'], T0 + 2_001), // 949.975 → 950, but slower: behind them
      answerEvent('Dan', ['b'], T0 + 4_000), // 900
      answerEvent('Eve', ['a'], T0 + 100), // wrong and fast: its time does not count
    ).state;

  it('ranks by score, then time spent on correct answers; true ties share a rank (1, 1, 3)', () => {
    expect(leaderboard(closedFirst()).map((e) => [e.nickname, e.score, e.correctResponseMs, e.rank])).toEqual([
      ['Ann', 950, 2_000, 1],
      ['Ben', 950, 2_000, 1],
      ['Al', 950, 2_001, 3],
      ['Dan', 900, 4_000, 4],
      ['Eve', 0, 0, 5],
    ]);
  });

  it('orders true ties by nickname, ignoring case, not by joining order or player id', () => {
    const tie = (name: string, playerId: string): QuizEvent[] => [
      { type: 'join', playerId, nickname: name, userId: null, tokenHash: playerId, at: T0 },
      { type: 'answer', playerId, optionIds: ['b'], at: T0 + 1_000 },
    ];
    const { state } = run(
      initialState(QUESTIONS, { streakBonus: true }),
      { type: 'join', playerId: 'p-0', nickname: 'Sleepy', userId: null, tokenHash: 'p-0', at: T0 },
      { type: 'start', at: T0 },
      ...tie('zoe', 'p-1'),
      ...tie('Bea', 'p-2'),
      ...tie('amy', 'p-3'),
      { type: 'reveal', at: T0 + 2_000 },
    );
    expect(leaderboard(state).map((e) => [e.nickname, e.rank])).toEqual([
      ['amy', 1],
      ['Bea', 1],
      ['zoe', 1],
      ['Sleepy', 4],
    ]);
  });

  it('counts only closed questions, so an open one gives nothing away', () => {
    const open = run(closedFirst(), { type: 'next', at: T0 + 30_000 }, answerEvent('Ann', ['a', 'c'], T0 + 31_000));
    const ann = leaderboard(open.state).find((e) => e.nickname === 'Ann');
    expect(ann).toMatchObject({ score: 950, answered: 1, correct: 1, correctResponseMs: 2_000 });
  });

  it('leaves kicked players off the board, the podium and the summaries', () => {
    const { state } = run(closedFirst(), { type: 'kick', playerId: 'p-ann', at: T0 + 30_000 });
    expect(leaderboard(state).map((e) => [e.nickname, e.rank])).toEqual([
      ['Ben', 1],
      ['Al', 2],
      ['Dan', 3],
      ['Eve', 4],
    ]);
    expect(playerSummary(state, 'p-ann')).toBeNull();
    expect(topAndOwn(state, 'p-ann').own).toBeNull();
  });
});

describe('topAndOwn and podium', () => {
  const names = ['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay', 'Gus'];
  const state = run(
    firstQuestionOpen(names),
    ...names.map((name, i) => answerEvent(name, ['b'], T0 + 1_000 * (i + 1))),
  ).state;

  it('gives the top five and the player’s own line, wherever they are', () => {
    const { top, own } = topAndOwn(state, 'p-gus');
    expect(top.map((e) => e.nickname)).toEqual(['Ann', 'Ben', 'Cat', 'Dan', 'Eve']);
    expect(own).toMatchObject({ nickname: 'Gus', rank: 7, score: 825 });
    expect(topAndOwn(state, 'p-ben', 2)).toMatchObject({ top: [{ nickname: 'Ann' }, { nickname: 'Ben' }] });
    expect(topAndOwn(state, 'p-nobody').own).toBeNull();
  });

  it('puts three on the podium, and both when two tie for third', () => {
    expect(podium(state).map((e) => e.nickname)).toEqual(['Ann', 'Ben', 'Cat']);
    const tied = run(
      firstQuestionOpen(['Ann', 'Ben', 'Cat', 'Dan']),
      answerEvent('Ann', ['b'], T0 + 1_000),
      answerEvent('Ben', ['b'], T0 + 2_000),
      answerEvent('Cat', ['b'], T0 + 3_000),
      answerEvent('Dan', ['b'], T0 + 3_000),
    ).state;
    expect(podium(tied).map((e) => [e.nickname, e.rank])).toEqual([
      ['Ann', 1],
      ['Ben', 2],
      ['Cat', 3],
      ['Dan', 3],
    ]);
  });
});

describe('distribution, results and summaries', () => {
  const secondOpen = () =>
    run(
      firstQuestionOpen(['Ann', 'Ben', 'Cat', 'Dan', 'Eve']),
      answerEvent('Ann', ['b'], T0 + 2_000),
      answerEvent('Ben', ['c'], T0 + 1_000),
      { type: 'reveal', at: T0 + 5_000 },
      { type: 'next', at: T0 + 30_000 },
      answerEvent('Ann', ['a', 'c'], T0 + 31_000),
      answerEvent('Ben', ['a'], T0 + 32_000),
      answerEvent('Cat', ['c', 'a'], T0 + 33_000),
      answerEvent('Eve', ['b'], T0 + 34_000),
      { type: 'kick', playerId: 'p-eve', at: T0 + 35_000 },
    ).state;

  it('counts each option picked (every option of a multi-select answer) and who did not answer', () => {
    expect(distribution(secondOpen(), 1)).toEqual({ counts: { a: 3, b: 0, c: 2, d: 0 }, noAnswer: 1 });
    expect(distribution(secondOpen(), 0)).toEqual({ counts: { a: 0, b: 1, c: 1, d: 0 }, noAnswer: 2 });
  });

  it('keeps the answer key back while the question is open, then bundles the results (security)', () => {
    expect(resultsFor(secondOpen(), 1)).toBeNull();
    const closed = run(secondOpen(), { type: 'deadline', at: T0 + 40_000 }).state;
    const [, second] = QUESTIONS;
    expect(resultsFor(closed, 1)).toEqual({
      index: 1,
      skipped: false,
      itemId: second?.itemId,
      itemSlug: second?.itemSlug,
      correctOptionIds: ['a', 'c'],
      explanation: second?.explanation,
      distribution: { counts: { a: 3, b: 0, c: 2, d: 0 }, noAnswer: 1 },
      leaderboard: leaderboard(closed),
    });
    expect(resultsFor(closed, 7)).toBeNull();
  });

  it('summarises a player: score, rank, right answers, answers and mean response time', () => {
    const closed = run(secondOpen(), { type: 'deadline', at: T0 + 40_000 }).state;
    // Ann: 950, then 950 + 100 for two in a row; Cat: 850 with no streak.
    expect(playerSummary(closed, 'p-ann')).toEqual({
      score: 2_000,
      rank: 1,
      correct: 2,
      answered: 2,
      averageResponseMs: 1_500,
    });
    expect(playerSummary(closed, 'p-ben')).toEqual({
      score: 0,
      rank: 3,
      correct: 0,
      answered: 2,
      averageResponseMs: 1_500,
    });
    expect(playerSummary(closed, 'p-dan')).toEqual({
      score: 0,
      rank: 3,
      correct: 0,
      answered: 0,
      averageResponseMs: null,
    });
    expect(playerSummary(closed, 'p-cat')).toMatchObject({ score: 850, rank: 2 });
  });
});
