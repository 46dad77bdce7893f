import { describe, expect, it } from 'vitest';
import type { JacProgram } from './jac-programs.ts';
import { jacFailure, judge, outputDifference, outputLines, type JacRun } from './jac-outcome.ts';

const PATH = '/tmp/jeseci-jac-abc/program.jac';

function run(changes: Partial<JacRun> = {}): JacRun {
  return { programPath: PATH, stdout: '', stderr: '', exitCode: 0, timedOut: false, timeoutMs: 20_000, ...changes };
}

// What jaclang 0.8.3 writes to stderr, copied from real runs (it exits 0 in every case).
const SYNTAX_ERROR = `ERROR - ${PATH}:4:3 Syntax Error\n`;
const NAME_ERROR = `ERROR - name 'Node' is not defined
ERROR - Error: name 'Node' is not defined
    1 | walker W { can go with \`root entry { visit [-->]; } }
    2 | with entry { root ++> Node(); root spawn W(); }
      |                       ^^^^
    3 |
  at <module> ${PATH}:2
name 'Node' is not defined
`;
const ERROR_IN_WALKER = `ERROR - list index out of range
ERROR - Error: list index out of range
    4 |         x = [1][5];
      |             ^^^^^^
  at go() ${PATH}:4
  at spawn_call() /opt/jac/jaclang/runtimelib/machine.py:512
  at <module> ${PATH}:8
list index out of range
`;

describe('jacFailure', () => {
  it('happy: a clean run is no failure, whatever the program prints', () => {
    expect(jacFailure(run({ stdout: 'Error: this is fine\nTraceback is a word\n' }))).toBeUndefined();
  });

  it('error: a syntax error (logged, exit code 0) gives its message, line and column', () => {
    expect(jacFailure(run({ stderr: SYNTAX_ERROR }))).toEqual({ message: 'Syntax Error', line: 4, column: 3 });
  });

  it('error: a compile error with a message of its own keeps that message', () => {
    const stderr = `ERROR - ${PATH}:1:9 Ability has no body. Perhaps an impl must be imported.\n`;
    expect(jacFailure(run({ stdout: 'None\n', stderr }))).toEqual({
      message: 'Ability has no body. Perhaps an impl must be imported.',
      line: 1,
      column: 9,
    });
  });

  it('error: a runtime error gives its message and the line jac points at', () => {
    expect(jacFailure(run({ stderr: NAME_ERROR }))).toEqual({ message: "name 'Node' is not defined", line: 2 });
  });

  it('error: an error inside an ability points at the innermost line of the program, not jac internals', () => {
    expect(jacFailure(run({ stderr: ERROR_IN_WALKER }))).toEqual({ message: 'list index out of range', line: 4 });
  });

  it('error: a Python traceback gives the exception and the last program line in it', () => {
    const stderr = `Traceback (most recent call last):
  File "/opt/jac/jaclang/cli/cli.py", line 10, in run
  File "${PATH}", line 3, in <module>
ZeroDivisionError: division by zero
`;
    expect(jacFailure(run({ stderr }))).toEqual({ message: 'ZeroDivisionError: division by zero', line: 3 });
  });

  it('error: an error in another file, or an unprefixed error line, still fails', () => {
    expect(jacFailure(run({ stderr: 'ERROR - /elsewhere/mod.jac:1:2 Syntax Error\n' }))).toEqual({
      message: '/elsewhere/mod.jac:1:2 Syntax Error',
    });
    expect(jacFailure(run({ stderr: 'ModuleNotFoundError: No module named x\n' }))).toEqual({
      message: 'ModuleNotFoundError: No module named x',
    });
  });

  it('edge: warnings and colour codes are not failures', () => {
    expect(jacFailure(run({ stderr: '\u001b[33mWARNING - Error handling is deprecated here\u001b[0m\n' }))).toBe(
      undefined,
    );
  });

  it('error: a timeout, a non-zero exit, a kill or a failed launch fail', () => {
    expect(jacFailure(run({ timedOut: true, exitCode: null }))?.message).toBe('did not finish within 20 s');
    expect(jacFailure(run({ exitCode: 3 }))?.message).toBe('exited with code 3');
    expect(jacFailure(run({ exitCode: null }))?.message).toBe('was killed by a signal');
    expect(jacFailure(run({ notRun: 'spawn jac ENOENT', exitCode: null }))?.message).toBe(
      'could not be run: spawn jac ENOENT',
    );
  });
});

describe('output comparison', () => {
  it('happy: trailing spaces on a line and trailing blank lines are forgiven', () => {
    expect(outputLines('a  \nb\t\n\n\n')).toEqual(['a', 'b']);
    expect(outputDifference('a\nb\n', 'a   \r\nb\n\n')).toBeUndefined();
  });

  it('error: leading spaces, blank lines in between and case all count', () => {
    expect(outputDifference('a\nb', ' a\nb')).toEqual({ line: 1, expected: 'a', actual: ' a' });
    expect(outputDifference('a\nb', 'a\n\nb')).toEqual({ line: 2, expected: 'b', actual: '' });
    expect(outputDifference('Hi', 'hi')).toEqual({ line: 1, expected: 'Hi', actual: 'hi' });
  });

  it('error: a missing or an extra line is a difference at that line', () => {
    expect(outputDifference('a\nb', 'a')).toEqual({ line: 2, expected: 'b', actual: undefined });
    expect(outputDifference('a', 'a\nb')).toEqual({ line: 2, expected: undefined, actual: 'b' });
    expect(outputDifference('', '')).toBeUndefined();
  });
});

describe('judge', () => {
  const lessonProgram: JacProgram = {
    file: 'lessons/x.md',
    line: 10,
    name: '```jac block',
    source: 'with entry { print("a"); }',
    sourceLine: 11,
    expected: { output: 'a\nb\n', name: 'the ```text block after it', line: 20 },
  };

  it('happy: a clean run printing the expected output is no problem', () => {
    expect(judge(lessonProgram, run({ stdout: 'a\nb\n' }))).toBeUndefined();
  });

  it('error: a failure names the program line and the file line it is written on', () => {
    expect(judge(lessonProgram, run({ stderr: SYNTAX_ERROR }))).toBe(
      '```jac block fails: Syntax Error at line 4, column 3 of the program (file line 14)',
    );
  });

  it('error: a failure is reported before any output difference', () => {
    expect(judge(lessonProgram, run({ stdout: 'a\n', stderr: NAME_ERROR }))).toContain("fails: name 'Node'");
  });

  it('error: different output names the first differing line, in the output and in the file', () => {
    expect(judge(lessonProgram, run({ stdout: 'a\nc\n' }))).toBe(
      '```jac block prints other than the ```text block after it: at its line 2 (file line 21) expected "b", got "c"',
    );
  });

  it('error: an item program, not written verbatim in a file, gives only program lines', () => {
    const item: JacProgram = {
      file: 'items/x.yaml',
      line: 1,
      name: 'item x (predict-output)',
      source: '',
      expected: { output: 'a', name: 'its output' },
    };
    expect(judge(item, run({ stderr: NAME_ERROR }))).toBe(
      "item x (predict-output) fails: name 'Node' is not defined at line 2 of the program",
    );
    expect(judge(item, run({ stdout: '' }))).toBe(
      'item x (predict-output) prints other than its output: at its line 1 expected "a", got nothing',
    );
  });
});
