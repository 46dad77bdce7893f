import { describe, expect, it } from 'vitest';
import { ItemSchema } from '../curriculum/pack-schema';
import { failedRun, type ExerciseResult } from './exercise-result';
import type { ExerciseProgram, ExerciseSandbox } from './sandbox';
import { verifyExercise, type CodeExercise } from './verify-exercise';

const REFERENCE = 'export const marker = "reference";';
const WRONG = 'export const marker = "wrong";';

function exercise(changes: Partial<CodeExercise> = {}): CodeExercise {
  const item = ItemSchema.parse({
    id: 'count-nodes',
    concept: 'graphs',
    type: 'code-exercise',
    difficulty: 'easy',
    prompt: 'Count the nodes.',
    explanation: 'One key per node.',
    language: 'javascript',
    starter: 'export function countNodes(graph) {}',
    tests: "test('t', () => {});",
    solution: REFERENCE,
    wrongSolutions: [{ why: 'counts edges', code: WRONG }],
    ...changes,
  });
  if (item.type !== 'code-exercise') throw new Error('not a code exercise');
  return item;
}

const passing = (total: number): ExerciseResult => ({
  tests: Array.from({ length: total }, (_, index) => ({ name: `test ${index + 1}`, passed: true })),
  passed: total,
  total,
  logs: [],
});

function failing(failed: number, total: number): ExerciseResult {
  const result = passing(total);
  result.tests = result.tests.map((test, index) =>
    index < failed ? { ...test, passed: false, message: `expected ${index} to be ${index + 1}` } : test,
  );
  return { ...result, passed: total - failed };
}

/** A sandbox that answers each program with the result given for the code it holds. */
function sandboxAnswering(answers: Record<string, ExerciseResult>) {
  const runs: { program: ExerciseProgram; timeoutMs: number }[] = [];
  const sandbox: ExerciseSandbox = {
    async run(program, { timeoutMs }) {
      runs.push({ program, timeoutMs });
      const code = Object.keys(answers).find((candidate) => program.source.includes(candidate.slice(7)));
      return code === undefined ? failedRun('unexpected program') : (answers[code] as ExerciseResult);
    },
  };
  return { sandbox, runs };
}

describe('verifyExercise', () => {
  it('happy: a solution that passes and a wrong solution that fails make no problems', async () => {
    const { sandbox, runs } = sandboxAnswering({ [REFERENCE]: passing(2), [WRONG]: failing(1, 2) });
    expect(await verifyExercise(exercise(), sandbox)).toEqual([]);
    expect(runs.map((run) => run.timeoutMs)).toEqual([1000, 1000]);
  });

  it('error: a reference solution that fails names the failing tests', async () => {
    const { sandbox } = sandboxAnswering({ [REFERENCE]: failing(5, 6), [WRONG]: failing(6, 6) });
    expect(await verifyExercise(exercise(), sandbox)).toEqual([
      'the solution fails 5 of 6 tests: "test 1": expected 0 to be 1; "test 2": expected 1 to be 2; ' +
        '"test 3": expected 2 to be 3; and 2 more',
    ]);
  });

  it('error: a reference solution that does not run, or has no test to pass', async () => {
    const broken = sandboxAnswering({ [REFERENCE]: failedRun('timed out after 1000 ms'), [WRONG]: failing(1, 1) });
    expect(await verifyExercise(exercise(), broken.sandbox)).toEqual([
      'the solution does not run: timed out after 1000 ms',
    ]);
    const empty = sandboxAnswering({ [REFERENCE]: passing(0), [WRONG]: passing(0) });
    expect(await verifyExercise(exercise(), empty.sandbox)).toEqual([
      'the tests register no test(): the solution has nothing to pass',
    ]);
  });

  it('error: a wrong solution that passes every test is reported with its reason', async () => {
    const second = 'export const marker = "second";';
    const { sandbox } = sandboxAnswering({ [REFERENCE]: passing(2), [WRONG]: failing(1, 2), [second]: passing(2) });
    const item = exercise({
      wrongSolutions: [
        { why: 'counts edges', code: WRONG },
        { why: 'forgets isolated nodes', code: second },
      ],
    });
    expect(await verifyExercise(item, sandbox)).toEqual([
      'wrong solution 2 (forgets isolated nodes) passes every test: add a test that it fails',
    ]);
  });

  it('a wrong solution that loops forever is caught; one with a typo is reported, since it proves nothing', async () => {
    const loops = sandboxAnswering({ [REFERENCE]: passing(1), [WRONG]: failedRun('timed out after 1000 ms: …') });
    expect(await verifyExercise(exercise(), loops.sandbox)).toEqual([]);
    const typo = sandboxAnswering({ [REFERENCE]: passing(1), [WRONG]: failedRun("SyntaxError: Unexpected token ')'") });
    expect(await verifyExercise(exercise(), typo.sandbox)).toEqual([
      "wrong solution 1 (counts edges) does not even parse (SyntaxError: Unexpected token ')'): it should run and fail a test",
    ]);
  });

  it('error: a language that cannot be run is reported without running anything', async () => {
    const { sandbox, runs } = sandboxAnswering({});
    expect(await verifyExercise(exercise({ language: 'jac' }), sandbox)).toEqual([
      'language "jac" cannot be run: code exercises are graded in javascript',
    ]);
    expect(runs).toEqual([]);
  });
});
