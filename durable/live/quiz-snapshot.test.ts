import { describe, expect, it } from 'vitest';
import { T0, answerEvent, firstQuestionOpen, run, step } from './fixtures';
import { parseState, serializeState } from './quiz-snapshot';
import type { QuizState } from './quiz-state';
import { leaderboard } from './scoring';

/** Mid-game: question 2 open, one answer in, paused and resumed, one player dropped, one kicked. */
function midQuestion(): QuizState {
  return run(
    firstQuestionOpen(['Ann', 'Ben', 'Cat', 'Dan'], { streakBonus: true }),
    answerEvent('Ann', ['b'], T0 + 2_000),
    answerEvent('Ben', ['a'], T0 + 3_000),
    { type: 'kick', playerId: 'p-dan', at: T0 + 4_000 },
    { type: 'deadline', at: T0 + 20_000 },
    { type: 'next', at: T0 + 30_000 },
    { type: 'pause', at: T0 + 31_000 },
    { type: 'resume', at: T0 + 41_000 },
    answerEvent('Ann', ['a', 'c'], T0 + 42_000),
    { type: 'disconnect', playerId: 'p-cat', at: T0 + 43_000 },
  ).state;
}

function parsed(text: string): QuizState {
  const result = parseState(text);
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

describe('serializeState / parseState', () => {
  it('round-trips a game in the middle of a question (happy)', () => {
    const state = midQuestion();
    expect(state).toMatchObject({ phase: 'question', index: 1, pausedMs: 10_000, deadline: T0 + 50_000 });
    expect(parsed(serializeState(state))).toEqual(state);
  });

  it('lets the rebuilt room carry on exactly as the one that was evicted', () => {
    const state = midQuestion();
    const rest = [answerEvent('Ben', ['a', 'c'], T0 + 45_000), { type: 'next' as const, at: T0 + 60_000 }];
    const original = run(state, ...rest);
    const rebuilt = run(parsed(serializeState(state)), ...rest);
    expect(rebuilt).toEqual(original);
    expect(rebuilt.state.players['p-ben']?.answers[1]).toMatchObject({ responseMs: 5_000, points: 750 });
    expect(leaderboard(rebuilt.state)).toEqual(leaderboard(original.state));
  });

  it('keeps a pause across eviction', () => {
    const paused = step(midQuestion(), { type: 'pause', at: T0 + 44_000 }).state;
    const back = parsed(serializeState(paused));
    expect(back).toMatchObject({ paused: true, pausedAt: T0 + 44_000, remainingMs: 6_000, deadline: null });
    expect(step(back, { type: 'resume', at: T0 + 50_000 }).effects).toContainEqual({
      kind: 'schedule-deadline',
      at: T0 + 56_000,
    });
  });

  it.each<[string, (state: Record<string, unknown>) => unknown]>([
    ['an unknown phase', (state) => ({ ...state, phase: 'halftime' })],
    ['a missing player list', ({ players: _players, ...state }) => state],
    ['a negative score', (state) => withPlayer(state, { score: -5 })],
    [
      'a non-numeric question index in answers',
      (state) => {
        const answers = (state.players as Record<string, { answers: Record<string, unknown> }>)['p-ann']?.answers;
        return withPlayer(state, { answers: { first: answers?.['0'] } });
      },
    ],
    ['a player filed under another id', (state) => withPlayer(state, { id: 'p-someone-else' })],
  ])('refuses a stored state with %s (error)', (_, damage) => {
    const state = JSON.parse(JSON.stringify(midQuestion())) as Record<string, unknown>;
    const result = parseState(JSON.stringify({ version: 1, state: damage(state) }));
    expect(result.ok).toBe(false);
  });

  it('refuses text that is not a snapshot, or a snapshot of another version (error)', () => {
    expect(parseState('{not json').ok).toBe(false);
    expect(parseState('null').ok).toBe(false);
    const text = serializeState(midQuestion());
    expect(parseState(text.replace('"version":1', '"version":2')).ok).toBe(false);
  });
});

function withPlayer(state: Record<string, unknown>, change: Record<string, unknown>): Record<string, unknown> {
  const players = state.players as Record<string, Record<string, unknown>>;
  return { ...state, players: { ...players, 'p-ann': { ...players['p-ann'], ...change } } };
}
