/**
 * The seam between building an exercise program (pure, build-program.ts) and running it
 * somewhere safe: quickjs-sandbox.ts, the same engine for authored code in content:check and
 * for learners' code on Cloudflare. Another engine (a dynamic Worker, say) only has to
 * evaluate one script and read back the string its completion value resolves to.
 */
import type { ExerciseResult } from './exercise-result';

/** The contract's limit for a whole run (loading the code and every test). */
export const DEFAULT_TIME_LIMIT_MS = 1000;

/** Lines of the program's source (1-based) that hold one of its parts, as written. */
export interface LineRange {
  first: number;
  count: number;
}

export interface ExerciseProgram {
  /**
   * One self-contained script. Its completion value is a Promise that resolves to the
   * ExerciseResult as JSON; it uses nothing beyond standard JavaScript.
   */
  source: string;
  /** Where the exercise's code and its tests are in `source`, to map engine errors back. */
  code: LineRange;
  tests: LineRange;
}

export interface ExerciseSandbox {
  /**
   * Runs the program in a fresh environment, never throwing for anything the program does:
   * a syntax error, a throw or running past `timeoutMs` come back as a result with `error`.
   */
  run(program: ExerciseProgram, options: { timeoutMs: number }): Promise<ExerciseResult>;
}

/** "line 3 of the code" for a line of the program's source, to say where an engine error is. */
export function describeProgramLine(program: ExerciseProgram, line: number): string | undefined {
  for (const part of ['code', 'tests'] as const) {
    const { first, count } = program[part];
    if (line >= first && line < first + count) return `line ${line - first + 1} of the ${part}`;
  }
  return undefined;
}
