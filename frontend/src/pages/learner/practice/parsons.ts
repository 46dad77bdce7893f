/**
 * A Parsons problem's state: which lines are in the learner's program, in what order, and
 * which are left out (some served lines are distractors). Lines are referred to by their
 * index in the served list, never by text: two lines may read the same (`}` twice). Every
 * operation returns a new state, so drag and drop, the Move buttons and tests share one
 * set of rules. Pure.
 */
export interface ParsonsState {
  /** Indices into the served lines, in program order. */
  program: number[];
  /** Indices of the lines the learner left out. */
  unused: number[];
}

export type ParsonsList = keyof ParsonsState;

export interface LinePosition {
  list: ParsonsList;
  index: number;
}

/** Every line in the program, in the order served. */
export function initialParsons(lineCount: number): ParsonsState {
  return { program: Array.from({ length: lineCount }, (_, i) => i), unused: [] };
}

/** The program as text lines: the answer POST /api/attempts expects. */
export function parsonsAnswer(lines: readonly string[], state: ParsonsState): string[] {
  return state.program.map((i) => lines[i] ?? '');
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * Moves the line at `from` to `to`. Within one list the line ends up at index `to` (the
 * others shift); into the other list it is inserted before the line at `to` (`to` equal to
 * that list's length appends). Out-of-range positions change nothing.
 */
export function moveLine(state: ParsonsState, from: LinePosition, to: LinePosition): ParsonsState {
  const source = state[from.list];
  const line = source[from.index];
  if (line === undefined) return state;
  const next: ParsonsState = { program: [...state.program], unused: [...state.unused] };
  next[from.list].splice(from.index, 1);
  const target = next[to.list];
  target.splice(clamp(to.index, 0, target.length), 0, line);
  return next;
}

/** One place up (`-1`) or down (`+1`) in the program; at either end nothing changes. */
export function shiftLine(state: ParsonsState, index: number, by: -1 | 1): ParsonsState {
  const to = index + by;
  if (index < 0 || index >= state.program.length || to < 0 || to >= state.program.length) return state;
  return moveLine(state, { list: 'program', index }, { list: 'program', index: to });
}

/** Takes a line out of the program (to the end of the left-out lines). */
export function leaveOut(state: ParsonsState, index: number): ParsonsState {
  return moveLine(state, { list: 'program', index }, { list: 'unused', index: state.unused.length });
}

/** Puts a left-out line back, at the end of the program. */
export function putBack(state: ParsonsState, index: number): ParsonsState {
  return moveLine(state, { list: 'unused', index }, { list: 'program', index: state.program.length });
}

/** Where line number `line` (an index into the served lines) is now. */
export function positionOf(state: ParsonsState, line: number): LinePosition | null {
  for (const list of ['program', 'unused'] as const) {
    const index = state[list].indexOf(line);
    if (index >= 0) return { list, index };
  }
  return null;
}
