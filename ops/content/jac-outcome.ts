/**
 * Judges a finished `jac run`: did the program fail, and did it print what the course says
 * it prints. Pure, so the rules are tested without a Jac runtime.
 *
 * `jac run` (jaclang 0.8) exits 0 even when the program does not compile or raises: the
 * only sign is what it logs to stderr ("ERROR - file:line:col Syntax Error", "ERROR -
 * Error: name 'x' is not defined" with a code frame and "at <module> file:line"). Only
 * stderr is read for that, never stdout: a lesson on exceptions may well print "Error: …".
 */
import type { JacProgram } from './jac-programs.ts';

export interface JacRun {
  /** The file jac ran, as it appears in jac's messages. */
  programPath: string;
  stdout: string;
  stderr: string;
  /** null when the process was ended by a signal. */
  exitCode: number | null;
  timedOut: boolean;
  timeoutMs: number;
  /** Why jac could not be run at all, or its output not read (too much of it). */
  notRun?: string;
}

export interface JacFailure {
  /** One line, e.g. "Syntax Error", "name 'Node' is not defined". */
  message: string;
  /** Where in the program jac says it went wrong, 1-based, when it says so. */
  line?: number;
  column?: number;
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes are control characters by definition.
const ANSI = /\u001b\[[0-9;]*m/g;
const ERROR_LINE = /^ERROR - (.*)$/;
const TRACEBACK = 'Traceback (most recent call last)';
/** Words that mark an error in a line jac printed without its "ERROR - " prefix. */
const ERROR_WORD = /\b(?:\w*Error|Exception)\b/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** jac's own log line with a position: "ERROR - /tmp/x/program.jac:2:14 Syntax Error". */
function positionedError(lines: string[], path: string): JacFailure | undefined {
  const pattern = new RegExp(`^ERROR - ${escapeRegExp(path)}:(\\d+):(\\d+) (.*)$`);
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match) return { message: match[3] ?? 'error', line: Number(match[1]), column: Number(match[2]) };
  }
  return undefined;
}

/** A runtime error: its message, and the innermost frame in the program ("at go() file:4"). */
function runtimeError(lines: string[], path: string): JacFailure | undefined {
  const logged = lines.flatMap((line) => ERROR_LINE.exec(line)?.[1] ?? []);
  const message = logged.find((text) => text.startsWith('Error: '))?.slice('Error: '.length) ?? logged[0];
  if (message === undefined) return undefined;
  const frame = new RegExp(`^\\s+at \\S+ ${escapeRegExp(path)}:(\\d+)$`);
  const line = lines.map((text) => frame.exec(text)?.[1]).find((found) => found !== undefined);
  return line === undefined ? { message } : { message, line: Number(line) };
}

/** A Python traceback, should jac let one through: its last line names the exception. */
function traceback(lines: string[], path: string): JacFailure | undefined {
  const start = lines.findIndex((line) => line.startsWith(TRACEBACK));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const message = rest.findLast((line) => line.trim() !== '' && !/^\s/.test(line)) ?? 'Python traceback';
  const frame = new RegExp(`^\\s+File "${escapeRegExp(path)}", line (\\d+)`);
  const line = rest.map((text) => frame.exec(text)?.[1]).findLast((found) => found !== undefined);
  return line === undefined ? { message } : { message, line: Number(line) };
}

/** Why the run failed, or undefined when it ran cleanly. */
export function jacFailure(run: JacRun): JacFailure | undefined {
  if (run.notRun !== undefined) return { message: `could not be run: ${run.notRun}` };
  if (run.timedOut) return { message: `did not finish within ${run.timeoutMs / 1000} s` };
  const lines = run.stderr.replace(ANSI, '').split(/\r?\n/);
  const failure =
    traceback(lines, run.programPath) ??
    positionedError(lines, run.programPath) ??
    runtimeError(lines, run.programPath);
  if (failure) return failure;
  // jac's warnings ("WARNING - …") are advice, not failure, whatever words they use.
  const marked = lines.find(
    (line) => !line.startsWith('WARNING') && (line.includes('Syntax Error') || ERROR_WORD.test(line)),
  );
  if (marked) return { message: marked.trim() };
  if (run.exitCode !== 0) {
    return { message: run.exitCode === null ? 'was killed by a signal' : `exited with code ${run.exitCode}` };
  }
  return undefined;
}

/** Output as compared: line by line, trailing whitespace and trailing blank lines forgiven. */
export function outputLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd());
  while (lines.length && lines.at(-1) === '') lines.pop();
  return lines;
}

export interface OutputDifference {
  /** 1-based line of the first difference. */
  line: number;
  /** Undefined when that line is missing from that side. */
  expected?: string;
  actual?: string;
}

export function outputDifference(expected: string, actual: string): OutputDifference | undefined {
  const want = outputLines(expected);
  const got = outputLines(actual);
  for (let index = 0; index < Math.max(want.length, got.length); index += 1) {
    if (want[index] !== got[index]) return { line: index + 1, expected: want[index], actual: got[index] };
  }
  return undefined;
}

function quote(line: string | undefined): string {
  return line === undefined ? 'nothing' : JSON.stringify(line);
}

function where(program: JacProgram, failure: JacFailure): string {
  if (failure.line === undefined) return '';
  const column = failure.column === undefined ? '' : `, column ${failure.column}`;
  const fileLine = program.sourceLine === undefined ? '' : ` (file line ${program.sourceLine + failure.line - 1})`;
  return ` at line ${failure.line}${column} of the program${fileLine}`;
}

/** The problem to report for a program after its run, or undefined when all is as written. */
export function judge(program: JacProgram, run: JacRun): string | undefined {
  const failure = jacFailure(run);
  if (failure) return `${program.name} fails: ${failure.message}${where(program, failure)}`;
  if (!program.expected) return undefined;
  const difference = outputDifference(program.expected.output, run.stdout);
  if (!difference) return undefined;
  const { expected } = program;
  const fileLine = expected.line === undefined ? '' : ` (file line ${expected.line + difference.line - 1})`;
  return (
    `${program.name} prints other than ${expected.name}: at its line ${difference.line}${fileLine} ` +
    `expected ${quote(difference.expected)}, got ${quote(difference.actual)}`
  );
}
