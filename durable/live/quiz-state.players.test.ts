import { describe, expect, it } from 'vitest';
import { QUESTIONS, T0, answerEvent, firstQuestionOpen, joinEvent, lobbyWith, refusal, run, step } from './fixtures';
import { MAX_PLAYERS, initialState } from './quiz-state';
import { leaderboard, podium } from './scoring';

// The reducer's rules about who is in the room: joining, reclaiming a seat, being kicked.
describe('joining', () => {
  it('normalises the nickname and seats a late joiner with 0 points who may answer (happy)', () => {
    const open = firstQuestionOpen(['Ann']);
    const joined = step(open, { ...joinEvent('x', T0 + 1_000), nickname: '  Ｌａｔｅ \t  Comer ' });
    expect(joined.effects).toEqual([{ kind: 'player-joined', playerId: 'p-x' }]);
    expect(joined.state.players['p-x']).toMatchObject({ nickname: 'Late Comer', score: 0, streak: 0, connected: true });
    expect(step(joined.state, answerEvent('x', ['b'], T0 + 2_000)).state.players['p-x']?.answers[0]?.points).toBe(950);
  });

  it.each([
    ['the same name in another case', 'ANN', 'nickname_taken'],
    ['the same name in full-width letters', 'ａｎｎ', 'nickname_taken'],
    ['a right-to-left override', 'A\u202Enn', 'invalid'],
    ['a control character', 'Ann\u0007', 'invalid'],
    ['21 characters', 'x'.repeat(21), 'invalid'],
    ['only spaces', '   ', 'invalid'],
  ])('refuses %s (error)', (_, nickname, code) => {
    expect(refusal(lobbyWith(['Ann']), { ...joinEvent('Zed'), nickname })).toBe(code);
  });

  it('refuses a second seat for the same player or token, and any join once the game is over', () => {
    const lobby = lobbyWith(['Ann']);
    expect(refusal(lobby, { ...joinEvent('Other'), playerId: 'p-ann' })).toBe('duplicate');
    expect(refusal(lobby, { ...joinEvent('Other'), tokenHash: 'hash-ann' })).toBe('duplicate');
    const ended = step(lobby, { type: 'end', at: T0 + 1 }).state;
    expect(refusal(ended, joinEvent('Zed'))).toBe('ended');
  });

  it('seats at most MAX_PLAYERS, and a kick frees a seat (security)', () => {
    const full = lobbyWith(Array.from({ length: MAX_PLAYERS }, (_, i) => `Player ${i}`));
    expect(Object.keys(full.players)).toHaveLength(MAX_PLAYERS);
    expect(refusal(full, joinEvent('One more'))).toBe('full');
    const kicked = step(full, { type: 'kick', playerId: 'p-player 7', at: T0 + 1 }).state;
    expect(step(kicked, joinEvent('One more')).effects).toEqual([{ kind: 'player-joined', playerId: 'p-one more' }]);
  });

  it('lets a dropped player reclaim the same seat and score with their token (happy)', () => {
    const { state } = run(
      firstQuestionOpen(['Ann', 'Ben']),
      answerEvent('Ann', ['b'], T0 + 2_000),
      { type: 'disconnect', playerId: 'p-ann', at: T0 + 3_000 },
      { type: 'deadline', at: T0 + 20_000 },
    );
    expect(state.players['p-ann']).toMatchObject({ connected: false, score: 950 });
    const back = step(state, { type: 'reconnect', playerId: 'p-ann', at: T0 + 25_000 });
    expect(back.effects).toEqual([{ kind: 'player-joined', playerId: 'p-ann' }]);
    expect(back.state.players['p-ann']).toMatchObject({ connected: true, score: 950, streak: 1 });
  });
});

describe('kicking (security)', () => {
  const kicked = () => step(lobbyWith(['Ann', 'Ben'], {}), { type: 'kick', playerId: 'p-ben', at: T0 + 1_000 });

  it('removes the player, and neither their token, their account nor their seat gets back in', () => {
    const withAccount = run(initialState(QUESTIONS, { streakBonus: true }), joinEvent('Ben', T0, 'user-ben'), {
      type: 'kick',
      playerId: 'p-ben',
      at: T0 + 1,
    });
    expect(withAccount.effects[1]).toEqual([{ kind: 'player-kicked', playerId: 'p-ben' }]);
    const state = withAccount.state;
    expect(refusal(state, { ...joinEvent('Benny'), playerId: 'p-new', tokenHash: 'hash-ben' })).toBe('kicked');
    expect(refusal(state, { ...joinEvent('Benny', T0, 'user-ben'), tokenHash: 'fresh' })).toBe('kicked');
    expect(refusal(state, { type: 'reconnect', playerId: 'p-ben', at: T0 + 2 })).toBe('kicked');
    const started = step(state, { type: 'start', at: T0 + 3 }).state;
    expect(refusal(started, answerEvent('Ben', ['b'], T0 + 4))).toBe('kicked');
  });

  it('frees the nickname and takes the player off the leaderboard', () => {
    const { state } = kicked();
    expect(state.players['p-ben']).toMatchObject({ kicked: true, connected: false });
    const rejoined = step(state, { ...joinEvent('Ben'), playerId: 'p-ben2', tokenHash: 'new-device' });
    expect(rejoined.state.players['p-ben2']?.nickname).toBe('Ben');
    expect(leaderboard(state).map((e) => e.playerId)).toEqual(['p-ann']);
  });

  it('closes the question when the only player still thinking is kicked, scoring nothing for the kicked', () => {
    const { state, effects } = run(
      firstQuestionOpen(['Ann', 'Ben', 'Cat']),
      answerEvent('Ann', ['b'], T0 + 2_000),
      answerEvent('Cat', ['b'], T0 + 2_000),
      { type: 'kick', playerId: 'p-cat', at: T0 + 2_500 },
      { type: 'kick', playerId: 'p-ben', at: T0 + 3_000 },
    );
    expect(effects[2]).toEqual([{ kind: 'player-kicked', playerId: 'p-cat' }]);
    expect(effects[3]).toEqual([
      { kind: 'player-kicked', playerId: 'p-ben' },
      { kind: 'cancel-deadline' },
      { kind: 'question-closed', index: 0 },
    ]);
    expect(state.players['p-ann']?.score).toBe(950);
    expect(state.players['p-cat']).toMatchObject({ score: 0, streak: 0 });
  });

  it('still works once the game is over, to take a name off the podium', () => {
    const { state } = run(
      firstQuestionOpen(['Ann', 'Ben']),
      answerEvent('Ann', ['b'], T0 + 1_000),
      answerEvent('Ben', ['b'], T0 + 2_000),
      { type: 'end', at: T0 + 5_000 },
      { type: 'kick', playerId: 'p-ann', at: T0 + 6_000 },
    );
    expect(podium(state).map((e) => [e.nickname, e.rank])).toEqual([['Ben', 1]]);
  });
});
