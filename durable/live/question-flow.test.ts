import { describe, expect, it } from 'vitest';
import { T0, answerEvent, firstQuestionOpen, lobbyWith, refusal, run, sameQuestion, step } from './fixtures';
import type { QuizEvent, QuizState } from './quiz-state';
import { answerCount } from './question-flow';
import { resultsFor } from './scoring';

describe('pause and resume', () => {
  it('freezes the remaining time, and a pause does not eat the players’ time (happy)', () => {
    const paused = step(firstQuestionOpen(['Ann', 'Ben']), { type: 'pause', at: T0 + 5_000 });
    expect(paused.effects).toEqual([{ kind: 'cancel-deadline' }, { kind: 'paused' }]);
    expect(paused.state).toMatchObject({ paused: true, deadline: null, remainingMs: 15_000 });

    // A minute later the host comes back: 15 s are left, counted from now.
    const resumed = step(paused.state, { type: 'resume', at: T0 + 65_000 });
    expect(resumed.effects).toEqual([{ kind: 'schedule-deadline', at: T0 + 80_000 }, { kind: 'resumed' }]);
    expect(resumed.state).toMatchObject({ paused: false, deadline: T0 + 80_000, remainingMs: null });

    // 7 s of question time have passed (5 before the pause, 2 after): 1000 − 500·7/20 = 825.
    const answered = step(resumed.state, answerEvent('Ann', ['b'], T0 + 67_000)).state;
    expect(answered.players['p-ann']?.answers[0]).toMatchObject({ responseMs: 7_000, points: 825 });
    expect(step(answered, answerEvent('Ben', ['b'], T0 + 79_999)).state.players['p-ben']?.answers[0]).toMatchObject({
      responseMs: 19_999,
      points: 500,
    });
    expect(refusal(answered, answerEvent('Ben', ['b'], T0 + 80_000))).toBe('late');
  });

  it('adds up several pauses in one question and starts afresh on the next', () => {
    const { state } = run(
      firstQuestionOpen(['Ann', 'Ben']),
      { type: 'pause', at: T0 + 2_000 },
      { type: 'resume', at: T0 + 12_000 }, // 10 s paused
      { type: 'pause', at: T0 + 14_000 },
      { type: 'resume', at: T0 + 19_000 }, // 5 s more
      answerEvent('Ann', ['b'], T0 + 20_000), // 5 s of question time
    );
    expect(state.deadline).toBe(T0 + 35_000);
    expect(state.players['p-ann']?.answers[0]?.responseMs).toBe(5_000);
    const next = run(state, { type: 'reveal', at: T0 + 21_000 }, { type: 'next', at: T0 + 30_000 });
    const second = step(next.state, answerEvent('Ann', ['a', 'c'], T0 + 31_000)).state;
    expect(second.players['p-ann']?.answers[1]?.responseMs).toBe(1_000);
  });

  it('treats a second pause or a stray resume as nothing, so the first pause holds', () => {
    const paused = step(firstQuestionOpen(['Ann']), { type: 'pause', at: T0 + 5_000 }).state;
    const again = step(paused, { type: 'pause', at: T0 + 9_000 });
    expect(again.effects).toEqual([]);
    expect(again.state.remainingMs).toBe(15_000);
    expect(step(firstQuestionOpen(['Ann']), { type: 'resume', at: T0 + 1 }).effects).toEqual([]);
  });

  it('pauses the lobby and the review without touching a deadline, and holds the game until resumed', () => {
    const review = step(firstQuestionOpen(['Ann']), { type: 'reveal', at: T0 + 1_000 }).state;
    for (const state of [lobbyWith(['Ann']), review]) {
      const paused = step(state, { type: 'pause', at: T0 + 2_000 });
      expect(paused.effects).toEqual([{ kind: 'paused' }]);
      expect(refusal(paused.state, { type: state.phase === 'lobby' ? 'start' : 'next', at: T0 + 3_000 })).toBe(
        'not_allowed',
      );
      expect(step(paused.state, { type: 'resume', at: T0 + 4_000 }).effects).toEqual([{ kind: 'resumed' }]);
    }
  });
});

describe('the deadline alarm', () => {
  it('closes the question and resets the streak of whoever did not answer', () => {
    const afterFirst = run(
      firstQuestionOpen(['Ann', 'Ben'], { questions: sameQuestion(2) }),
      answerEvent('Ann', ['b'], T0 + 1_000),
      answerEvent('Ben', ['b'], T0 + 1_000),
      { type: 'next', at: T0 + 10_000 },
      answerEvent('Ann', ['b'], T0 + 11_000),
    ).state;
    expect(afterFirst.players['p-ben']?.streak).toBe(1);
    const closed = step(afterFirst, { type: 'deadline', at: T0 + 30_000 });
    expect(closed.effects).toEqual([{ kind: 'question-closed', index: 1 }]);
    expect(closed.state.players['p-ben']).toMatchObject({ streak: 0, score: 975 });
    expect(closed.state.players['p-ann']).toMatchObject({ streak: 2, score: 975 + 975 + 100 });
  });

  it.each<[string, (open: QuizState) => QuizState, number]>([
    ['before the deadline', (open) => open, T0 + 19_999],
    ['while paused', (open) => step(open, { type: 'pause', at: T0 + 1_000 }).state, T0 + 20_000],
    ['after the host revealed', (open) => step(open, { type: 'reveal', at: T0 + 1_000 }).state, T0 + 20_000],
    [
      'for the deadline a pause moved',
      (open) => run(open, { type: 'pause', at: T0 + 1_000 }, { type: 'resume', at: T0 + 6_000 }).state,
      T0 + 20_000,
    ],
  ])('is ignored when stale: %s', (_, prepare, at) => {
    const state = prepare(firstQuestionOpen(['Ann']));
    const result = step(state, { type: 'deadline', at });
    expect(result.effects).toEqual([]);
    expect(result.state).toEqual(state);
  });
});

describe('closing early', () => {
  it('closes once every connected player has answered, not before', () => {
    const { state, effects } = run(
      firstQuestionOpen(['Ann', 'Ben', 'Cat']),
      { type: 'disconnect', playerId: 'p-cat', at: T0 + 500 },
      answerEvent('Ann', ['b'], T0 + 1_000),
      answerEvent('Ben', ['a'], T0 + 2_000),
    );
    expect(effects[0]).toEqual([{ kind: 'player-left', playerId: 'p-cat' }]);
    expect(effects[1]).toEqual([
      { kind: 'answer-accepted', playerId: 'p-ann', index: 0, answeredCount: 1, playerCount: 2 },
    ]);
    expect(effects[2]?.slice(1)).toEqual([{ kind: 'cancel-deadline' }, { kind: 'question-closed', index: 0 }]);
    expect(state.phase).toBe('review');
  });

  it('closes when the last player still thinking drops out, but not when everyone drops out', () => {
    const oneLeft = run(firstQuestionOpen(['Ann', 'Ben']), answerEvent('Ann', ['b'], T0 + 1_000)).state;
    expect(step(oneLeft, { type: 'disconnect', playerId: 'p-ben', at: T0 + 2_000 }).effects).toEqual([
      { kind: 'player-left', playerId: 'p-ben' },
      { kind: 'cancel-deadline' },
      { kind: 'question-closed', index: 0 },
    ]);
    const nobody = run(
      firstQuestionOpen(['Ann', 'Ben']),
      { type: 'disconnect', playerId: 'p-ann', at: T0 + 1_000 },
      { type: 'disconnect', playerId: 'p-ben', at: T0 + 1_000 },
    ).state;
    expect(nobody.phase).toBe('question');
  });
});

describe('skip', () => {
  it('closes the question without scoring anyone and opens the next', () => {
    const answered = run(firstQuestionOpen(['Ann', 'Ben']), answerEvent('Ann', ['b'], T0 + 1_000)).state;
    const skipped = step(answered, { type: 'skip', at: T0 + 3_000 });
    expect(skipped.effects).toEqual([
      { kind: 'cancel-deadline' },
      { kind: 'schedule-deadline', at: T0 + 13_000 },
      { kind: 'question-opened', index: 1 },
    ]);
    expect(skipped.state).toMatchObject({ phase: 'question', index: 1, skipped: [0] });
    expect(skipped.state.players['p-ann']).toMatchObject({ score: 0, streak: 0 });
    expect(skipped.state.players['p-ann']?.answers).toEqual({});
    expect(resultsFor(skipped.state, 0)?.skipped).toBe(true);
  });

  it('neither breaks nor extends a streak, and ends the game after the last question', () => {
    const events: QuizEvent[] = [
      answerEvent('Ann', ['b'], T0 + 1_000),
      { type: 'next', at: T0 + 10_000 },
      { type: 'skip', at: T0 + 11_000 },
      answerEvent('Ann', ['b'], T0 + 12_000), // 2nd correct in a row: 975 + 100
    ];
    const { state } = run(firstQuestionOpen(['Ann'], { questions: sameQuestion(3) }), ...events);
    expect(state.players['p-ann']).toMatchObject({ score: 975 + 1_075, streak: 2 });
    const reopened = run(firstQuestionOpen(['Ann'], { questions: sameQuestion(3) }), ...events.slice(0, 3)).state;
    expect(step(reopened, { type: 'skip', at: T0 + 13_000 }).effects).toEqual([
      { kind: 'cancel-deadline' },
      { kind: 'game-ended' },
    ]);
    expect(refusal(step(reopened, { type: 'reveal', at: T0 + 12_000 }).state, { type: 'skip', at: T0 + 1 })).toBe(
      'not_allowed',
    );
  });
});

describe('answer-streak bonus', () => {
  const allCorrect = (n: number, streakBonus: boolean) => {
    const events: QuizEvent[] = [];
    for (let i = 0; i < n; i++) {
      const opened = T0 + i * 60_000;
      if (i > 0) events.push({ type: 'next', at: opened });
      events.push(answerEvent('Ann', ['b'], opened)); // instant: 1000 before the bonus
    }
    return run(firstQuestionOpen(['Ann'], { questions: sameQuestion(n), streakBonus }), ...events).state;
  };
  const pointsOf = (state: QuizState) => Object.values(state.players['p-ann']?.answers ?? {}).map((a) => a.points);

  it('adds 100 per correct answer before this one in the run, capped at 500', () => {
    expect(pointsOf(allCorrect(8, true))).toEqual([1000, 1100, 1200, 1300, 1400, 1500, 1500, 1500]);
    expect(allCorrect(8, true).players['p-ann']).toMatchObject({ score: 10_500, streak: 8 });
  });

  it('is not added while the host has it off, though the streak is still counted for when it is back on', () => {
    const off = allCorrect(3, false);
    expect(pointsOf(off)).toEqual([1000, 1000, 1000]);
    expect(off.players['p-ann']?.streak).toBe(3);
    const { state } = run(
      firstQuestionOpen(['Ann'], { questions: sameQuestion(3), streakBonus: false }),
      answerEvent('Ann', ['b'], T0),
      { type: 'set-streak-bonus', enabled: true },
      { type: 'next', at: T0 + 60_000 },
      answerEvent('Ann', ['b'], T0 + 60_000),
    );
    expect(pointsOf(state)).toEqual([1000, 1100]);
    const switchedOff = run(
      state,
      { type: 'set-streak-bonus', enabled: false },
      { type: 'next', at: T0 + 120_000 },
      answerEvent('Ann', ['b'], T0 + 120_000),
    ).state;
    expect(switchedOff.settings.streakBonus).toBe(false);
    expect(pointsOf(switchedOff)).toEqual([1000, 1100, 1000]);
  });

  it('starts again after a wrong or a missing answer', () => {
    const { state } = run(
      firstQuestionOpen(['Ann'], { questions: sameQuestion(6) }),
      answerEvent('Ann', ['b'], T0),
      { type: 'next', at: T0 + 60_000 },
      answerEvent('Ann', ['b'], T0 + 60_000),
      { type: 'next', at: T0 + 120_000 },
      answerEvent('Ann', ['c'], T0 + 120_000), // wrong
      { type: 'next', at: T0 + 180_000 },
      answerEvent('Ann', ['b'], T0 + 180_000),
      { type: 'next', at: T0 + 240_000 },
      { type: 'deadline', at: T0 + 260_000 }, // no answer
      { type: 'next', at: T0 + 300_000 },
      answerEvent('Ann', ['b'], T0 + 300_000),
    );
    expect(pointsOf(state)).toEqual([1000, 1100, 0, 1000, 1000]);
  });
});

describe('answerCount (the host’s "N of M answered")', () => {
  it('counts answers of the current question among players present, keeping those who answered then left', () => {
    const { state } = run(
      firstQuestionOpen(['Ann', 'Ben', 'Cat', 'Dan']),
      answerEvent('Ann', ['b'], T0 + 1_000),
      answerEvent('Ben', ['a'], T0 + 2_000),
      { type: 'disconnect', playerId: 'p-ben', at: T0 + 3_000 }, // answered, then left: still counted
      { type: 'disconnect', playerId: 'p-cat', at: T0 + 3_000 }, // left without answering: not
      { type: 'kick', playerId: 'p-dan', at: T0 + 4_000 },
    );
    expect(answerCount(state)).toEqual({ answered: 2, players: 2 });
    expect(answerCount(firstQuestionOpen(['Ann', 'Ben']))).toEqual({ answered: 0, players: 2 });
  });
});
