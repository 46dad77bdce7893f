import { describe, expect, it } from 'vitest';
import { failedRun, passedEveryTest, type ExerciseResult } from './exercise-result';
import { NO_TESTS_MESSAGE, toEvaluation } from './evaluation';

const result = (changes: Partial<ExerciseResult>): ExerciseResult => ({
  tests: [],
  passed: 0,
  total: 0,
  logs: [],
  ...changes,
});

describe('toEvaluation (the Exercism-style result)', () => {
  it('happy: every test passed is a pass, with no messages', () => {
    const run = result({
      tests: [
        { name: 'one edge', passed: true },
        { name: 'empty', passed: true },
      ],
      passed: 2,
      total: 2,
    });
    expect(toEvaluation(run)).toEqual({
      status: 'pass',
      tests: [
        { name: 'one edge', status: 'pass' },
        { name: 'empty', status: 'pass' },
      ],
    });
  });

  it('a failed expectation is fail, a throw is error, and the run is a fail', () => {
    const run = result({
      tests: [
        { name: 'keys', passed: false, message: 'expected [] to equal ["a"]' },
        { name: 'throws', passed: false, message: 'TypeError: x is undefined', errored: true },
        { name: 'fine', passed: true },
      ],
      passed: 1,
      total: 3,
    });
    expect(toEvaluation(run)).toEqual({
      status: 'fail',
      tests: [
        { name: 'keys', status: 'fail', message: 'expected [] to equal ["a"]' },
        { name: 'throws', status: 'error', message: 'TypeError: x is undefined' },
        { name: 'fine', status: 'pass' },
      ],
    });
  });

  it('each test gets the console output it wrote, and only that', () => {
    const run = result({
      tests: [
        { name: 'a', passed: false, message: 'expected 1 to be 2', logRange: [1, 3] },
        { name: 'b', passed: true, logRange: [3, 4] },
        { name: 'c', passed: true },
      ],
      passed: 2,
      total: 3,
      logs: ['loading', 'x is 1', 'y is 2', 'in b'],
    });
    expect(toEvaluation(run).tests).toEqual([
      { name: 'a', status: 'fail', message: 'expected 1 to be 2', output: 'x is 1\ny is 2' },
      { name: 'b', status: 'pass', output: 'in b' },
      { name: 'c', status: 'pass' },
    ]);
  });

  it('error: code that did not load is an error with the reason, and no tests', () => {
    expect(toEvaluation(failedRun('SyntaxError: unexpected token (line 2 of the code)'))).toEqual({
      status: 'error',
      message: 'SyntaxError: unexpected token (line 2 of the code)',
      tests: [],
    });
  });

  it('error: a limit is named, and the outcomes reached before it are kept', () => {
    const run = result({
      tests: [{ name: 'deep', passed: false, message: 'InternalError: stack overflow', errored: true }],
      total: 1,
      error: 'the stack overflowed',
      limit: 'stack',
    });
    expect(toEvaluation(run)).toEqual({
      status: 'error',
      message: 'the stack overflowed',
      limit: 'stack',
      tests: [{ name: 'deep', status: 'error', message: 'InternalError: stack overflow' }],
    });
    expect(toEvaluation(failedRun('out of budget', [], 'time'))).toMatchObject({ status: 'error', limit: 'time' });
  });

  it('error: tests that register nothing cannot be passed', () => {
    expect(toEvaluation(result({}))).toEqual({ status: 'error', message: NO_TESTS_MESSAGE, tests: [] });
  });

  it('says pass exactly when the run passed every test', () => {
    const runs = [
      result({ tests: [{ name: 't', passed: true }], passed: 1, total: 1 }),
      result({ tests: [{ name: 't', passed: false }], total: 1 }),
      result({ tests: [{ name: 't', passed: true }], passed: 1, total: 1, error: 'late', limit: 'time' }),
      result({}),
    ];
    for (const run of runs) expect(toEvaluation(run).status === 'pass').toBe(passedEveryTest(run));
  });
});
