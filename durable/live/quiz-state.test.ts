import { describe, expect, it } from 'vitest';
import { T0, answerEvent, firstQuestionOpen, lobbyWith, refusal, run, step } from './fixtures';
import { initialState, reduce, type QuizState } from './quiz-state';
import { leaderboard, podium } from './scoring';

const PLAYERS = ['Ann', 'Ben', 'Cat', 'Dan'];
const scores = (state: QuizState) =>
  Object.fromEntries(Object.values(state.players).map((p) => [p.nickname, [p.score, p.streak]]));

describe('a full game: 3 questions, 4 players, streak bonus on', () => {
  it('scores every answer exactly and ends on the podium (happy)', () => {
    const lobby = lobbyWith(PLAYERS);
    expect(lobby.phase).toBe('lobby');
    expect(lobby.index).toBe(-1);

    const started = step(lobby, { type: 'start', at: T0 });
    expect(started.effects).toEqual([
      { kind: 'schedule-deadline', at: T0 + 20_000 },
      { kind: 'question-opened', index: 0 },
    ]);
    expect(started.state).toMatchObject({ phase: 'question', index: 0, questionStartedAt: T0, deadline: T0 + 20_000 });

    // Q1 (20 s, single choice 'b'): Dan never answers, so the alarm closes it.
    const q1 = run(
      started.state,
      answerEvent('Ann', ['b'], T0 + 2_000), // 1000 − 500·2/20 = 950
      answerEvent('Ben', ['b'], T0 + 5_000), // 875
      answerEvent('Cat', ['a'], T0 + 1_000), // wrong: 0
      { type: 'deadline', at: T0 + 20_000 },
    );
    expect(q1.effects[0]).toEqual([
      { kind: 'answer-accepted', playerId: 'p-ann', index: 0, answeredCount: 1, playerCount: 4 },
    ]);
    expect(q1.effects[3]).toEqual([{ kind: 'question-closed', index: 0 }]);
    expect(q1.state).toMatchObject({ phase: 'review', deadline: null, remainingMs: null });
    expect(scores(q1.state)).toEqual({ Ann: [950, 1], Ben: [875, 1], Cat: [0, 0], Dan: [0, 0] });

    // Q2 (10 s, multi-select {a, c}): everyone answers, so it closes without waiting.
    const T1 = T0 + 30_000;
    const q2 = run(
      q1.state,
      { type: 'next', at: T1 },
      answerEvent('Ann', ['c', 'a'], T1 + 1_000), // 950 + streak 2 → +100 = 1050
      answerEvent('Ben', ['a'], T1 + 500), // a subset is wrong: 0, streak reset
      answerEvent('Cat', ['a', 'c'], T1 + 3_000), // 850, first in a row: no bonus
      answerEvent('Dan', ['a', 'c'], T1 + 9_999), // 500.05 → 500
    );
    expect(q2.effects[0]).toEqual([
      { kind: 'schedule-deadline', at: T1 + 10_000 },
      { kind: 'question-opened', index: 1 },
    ]);
    expect(q2.effects[4]).toEqual([
      { kind: 'answer-accepted', playerId: 'p-dan', index: 1, answeredCount: 4, playerCount: 4 },
      { kind: 'cancel-deadline' },
      { kind: 'question-closed', index: 1 },
    ]);
    expect(scores(q2.state)).toEqual({ Ann: [2000, 2], Ben: [875, 0], Cat: [850, 1], Dan: [500, 1] });

    // Q3 (5 s, true-false 'false').
    const T2 = T0 + 60_000;
    const q3 = run(
      q2.state,
      { type: 'next', at: T2 },
      answerEvent('Ann', ['false'], T2 + 1_000), // 900 + 200 = 1100
      answerEvent('Ben', ['false'], T2 + 2_500), // 750
      answerEvent('Cat', ['true'], T2 + 100), // 0
      answerEvent('Dan', ['false'], T2 + 4_000), // 600 + 100 = 700
    );
    expect(scores(q3.state)).toEqual({ Ann: [3100, 3], Ben: [1625, 1], Cat: [850, 0], Dan: [1200, 2] });
    expect(q3.state.players['p-ann']?.answers[2]).toEqual({
      optionIds: ['false'],
      at: T2 + 1_000,
      responseMs: 1_000,
      correct: true,
      points: 1_100,
    });

    const over = step(q3.state, { type: 'next', at: T0 + 90_000 });
    expect(over.effects).toEqual([{ kind: 'game-ended' }]);
    expect(over.state).toMatchObject({ phase: 'ended', endedAt: T0 + 90_000, deadline: null });
    expect(podium(over.state).map((e) => [e.nickname, e.rank])).toEqual([
      ['Ann', 1],
      ['Ben', 2],
      ['Dan', 3],
    ]);
    expect(leaderboard(over.state).at(-1)).toMatchObject({ nickname: 'Cat', rank: 4, score: 850 });
  });
});

describe('answers', () => {
  const open = () => firstQuestionOpen(['Ann', 'Ben']);

  it('refuses an answer at or after the deadline, and after the question closed, as late (error)', () => {
    expect(refusal(open(), answerEvent('Ann', ['b'], T0 + 20_000))).toBe('late');
    expect(step(open(), answerEvent('Ann', ['b'], T0 + 19_999)).state.players['p-ann']?.answers[0]?.points).toBe(500);
    const closed = step(open(), { type: 'reveal', at: T0 + 5_000 });
    expect(closed.effects).toEqual([{ kind: 'cancel-deadline' }, { kind: 'question-closed', index: 0 }]);
    expect(refusal(closed.state, answerEvent('Ann', ['b'], T0 + 6_000))).toBe('late');
  });

  it('refuses an option picked twice on a multi-select question as invalid (error)', () => {
    const second = run(open(), { type: 'reveal', at: T0 + 1_000 }, { type: 'next', at: T0 + 2_000 }).state;
    expect(refusal(second, answerEvent('Ann', ['a', 'a', 'c'], T0 + 3_000))).toBe('invalid');
    expect(refusal(second, answerEvent('Ann', ['a', 'c', 'z'], T0 + 3_000))).toBe('invalid');
    expect(refusal(second, answerEvent('Ann', [], T0 + 3_000))).toBe('invalid');
  });

  it('keeps the first answer and refuses a second as duplicate, even a correct one (error)', () => {
    const first = step(open(), answerEvent('Ann', ['a'], T0 + 1_000)).state;
    expect(refusal(first, answerEvent('Ann', ['b'], T0 + 2_000))).toBe('duplicate');
    expect(first.players['p-ann']?.answers[0]).toMatchObject({ optionIds: ['a'], correct: false, points: 0 });
  });

  it.each([
    ['an option of another question', ['true']],
    ['no option', []],
    ['two options on a single-choice question', ['a', 'b']],
    ['the same option twice', ['b', 'b']],
  ])('refuses %s as invalid (error)', (_, optionIds) => {
    expect(refusal(open(), answerEvent('Ann', optionIds, T0 + 1_000))).toBe('invalid');
  });

  it('refuses answers from strangers, in the lobby and while paused (security)', () => {
    expect(refusal(open(), { type: 'answer', playerId: 'p-ghost', optionIds: ['b'], at: T0 + 1 })).toBe('not_allowed');
    expect(refusal(lobbyWith(['Ann']), answerEvent('Ann', ['b'], T0 + 1))).toBe('not_allowed');
    const paused = step(open(), { type: 'pause', at: T0 + 1_000 }).state;
    expect(reduce(paused, answerEvent('Ann', ['b'], T0 + 2_000))).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringMatching(/paused/) },
    });
  });

  it('measures response time on the server: the answer time comes from the event', () => {
    const { state } = run(open(), { type: 'host-disconnected', at: T0 + 1 }, answerEvent('Ann', ['b'], T0 + 8_000));
    expect(state.hostConnected).toBe(false);
    expect(state.paused).toBe(false); // the object pauses after a grace period, not the reducer
    expect(state.players['p-ann']?.answers[0]).toMatchObject({ responseMs: 8_000, points: 800 });
  });
});

describe('host commands', () => {
  it.each([
    ['start twice', firstQuestionOpen(['Ann']), { type: 'start', at: T0 + 1 }, 'not_allowed'],
    ['next while a question is open', firstQuestionOpen(['Ann']), { type: 'next', at: T0 + 1 }, 'not_allowed'],
    ['reveal in the lobby', lobbyWith(['Ann']), { type: 'reveal', at: T0 + 1 }, 'not_allowed'],
    ['skip in the lobby', lobbyWith(['Ann']), { type: 'skip', at: T0 + 1 }, 'not_allowed'],
    ['start with no questions', initialState([], { streakBonus: true }), { type: 'start', at: T0 }, 'invalid'],
  ] as const)('refuses %s (error)', (_, state, event, code) => {
    expect(refusal(state, event)).toBe(code);
  });

  it('ends mid-question without scoring it, and refuses everything that would move the game after', () => {
    const { state, effects } = run(firstQuestionOpen(['Ann', 'Ben']), answerEvent('Ann', ['b'], T0 + 1_000), {
      type: 'end',
      at: T0 + 2_000,
    });
    expect(effects[1]).toEqual([{ kind: 'cancel-deadline' }, { kind: 'game-ended' }]);
    expect(state).toMatchObject({ phase: 'ended', endedAt: T0 + 2_000, skipped: [0] });
    expect(state.players['p-ann']).toMatchObject({ score: 0 });
    expect(state.players['p-ann']?.answers).toEqual({});
    for (const type of ['start', 'next', 'skip', 'reveal', 'pause', 'resume', 'end'] as const) {
      expect(refusal(state, { type, at: T0 + 3_000 })).toBe('ended');
    }
    expect(refusal(state, { type: 'set-streak-bonus', enabled: false })).toBe('ended');
  });

  it('ends a paused game as over, not paused', () => {
    const { state, effects } = run(
      firstQuestionOpen(['Ann']),
      { type: 'pause', at: T0 + 1_000 },
      { type: 'end', at: T0 + 2_000 },
    );
    expect(effects[1]).toEqual([{ kind: 'cancel-deadline' }, { kind: 'game-ended' }]);
    expect(state).toMatchObject({ phase: 'ended', paused: false, deadline: null, remainingMs: null });
  });

  it('never changes the state it is given, even when refusing', () => {
    const state = firstQuestionOpen(['Ann']);
    const snapshot = structuredClone(state);
    reduce(state, answerEvent('Ann', ['b'], T0 + 1));
    reduce(state, { type: 'kick', playerId: 'p-ann', at: T0 + 2 });
    reduce(state, { type: 'end', at: T0 + 3 });
    reduce(state, answerEvent('Ann', ['zzz'], T0 + 4));
    expect(state).toEqual(snapshot);
  });
});
