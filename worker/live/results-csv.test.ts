import { describe, expect, it } from 'vitest';
import { initialState, reduce, type QuizEvent, type QuizState } from '../../durable/live/quiz-state';
import { liveResultsCsv } from './results-csv';

function play(events: QuizEvent[]): QuizState {
  let state = initialState(
    [
      {
        itemId: 'i1',
        itemSlug: 'first',
        prompt: 'Q?',
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
        correct: ['a'],
        multiple: false,
        explanation: 'Because.',
        timeLimitMs: 10_000,
      },
    ],
    { streakBonus: true },
  );
  for (const event of events) {
    const result = reduce(state, event);
    if (!result.ok) throw new Error(result.error.message);
    state = result.state;
  }
  return state;
}

describe('liveResultsCsv', () => {
  it('lists players by rank with points per question, and defuses formula nicknames', () => {
    const state = play([
      { type: 'join', playerId: 'p1', nickname: 'Ada', userId: 'u1', tokenHash: 'h1', at: 0 },
      { type: 'join', playerId: 'p2', nickname: '=HYPERLINK("x")', userId: null, tokenHash: 'h2', at: 0 },
      { type: 'start', at: 1000 },
      { type: 'answer', playerId: 'p2', optionIds: ['b'], at: 2000 },
      { type: 'answer', playerId: 'p1', optionIds: ['a'], at: 3000 },
      { type: 'end', at: 4000 },
    ]);
    expect(liveResultsCsv(state).split('\r\n')).toEqual([
      'rank,nickname,score,correct,answered,signed in,Q1 first',
      '1,Ada,900,1,1,yes,900',
      `2,"'=HYPERLINK(""x"")",0,0,1,no,0`,
      '',
    ]);
  });
});
