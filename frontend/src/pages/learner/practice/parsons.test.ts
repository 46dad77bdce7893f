import { describe, expect, it } from 'vitest';
import {
  initialParsons,
  leaveOut,
  moveLine,
  parsonsAnswer,
  positionOf,
  putBack,
  shiftLine,
  type ParsonsState,
} from './parsons';

const lines = ['}', 'let total = 0;', 'function count(graph) {', '}', '  return total;'];

describe('Parsons state', () => {
  it('starts with every line in the program, in the order served', () => {
    expect(initialParsons(3)).toEqual({ program: [0, 1, 2], unused: [] });
    expect(parsonsAnswer(lines, initialParsons(lines.length))).toEqual(lines);
  });

  it('moves a line up and down, and not past either end', () => {
    const start = initialParsons(4);
    expect(shiftLine(start, 2, -1).program).toEqual([0, 2, 1, 3]);
    expect(shiftLine(start, 2, 1).program).toEqual([0, 1, 3, 2]);
    expect(shiftLine(start, 0, -1)).toBe(start);
    expect(shiftLine(start, 3, 1)).toBe(start);
    expect(shiftLine(start, 9, 1)).toBe(start);
  });

  it('moving within a list puts the line at the target index (drag and drop onto a line)', () => {
    const start = initialParsons(5);
    // Dragged down onto the line at index 3: it lands there, the others shift up.
    expect(moveLine(start, { list: 'program', index: 0 }, { list: 'program', index: 3 }).program).toEqual([
      1, 2, 3, 0, 4,
    ]);
    // Dragged up onto the first line.
    expect(moveLine(start, { list: 'program', index: 4 }, { list: 'program', index: 0 }).program).toEqual([
      4, 0, 1, 2, 3,
    ]);
  });

  it('leaves lines out and puts them back at the end of the program', () => {
    let state: ParsonsState = initialParsons(4);
    state = leaveOut(state, 1);
    state = leaveOut(state, 0);
    expect(state).toEqual({ program: [2, 3], unused: [1, 0] });
    state = putBack(state, 1);
    expect(state).toEqual({ program: [2, 3, 0], unused: [1] });
    expect(positionOf(state, 1)).toEqual({ list: 'unused', index: 0 });
    expect(positionOf(state, 0)).toEqual({ list: 'program', index: 2 });
    expect(positionOf(state, 7)).toBeNull();
  });

  it('drops into the other list before the target line, or at its end', () => {
    const state: ParsonsState = { program: [0, 1], unused: [2, 3] };
    expect(moveLine(state, { list: 'unused', index: 1 }, { list: 'program', index: 0 })).toEqual({
      program: [3, 0, 1],
      unused: [2],
    });
    expect(moveLine(state, { list: 'program', index: 0 }, { list: 'unused', index: 99 })).toEqual({
      program: [1],
      unused: [2, 3, 0],
    });
  });

  it('tells identical lines apart: the answer follows positions, not text', () => {
    // Lines 0 and 3 are both "}"; moving one must not move the other.
    const state = moveLine(initialParsons(5), { list: 'program', index: 0 }, { list: 'program', index: 4 });
    expect(state.program).toEqual([1, 2, 3, 4, 0]);
    expect(parsonsAnswer(lines, state)).toEqual([
      'let total = 0;',
      'function count(graph) {',
      '}',
      '  return total;',
      '}',
    ]);
  });

  it('does not change the state it was given', () => {
    const state = initialParsons(3);
    leaveOut(state, 0);
    shiftLine(state, 1, -1);
    expect(state).toEqual({ program: [0, 1, 2], unused: [] });
  });
});
