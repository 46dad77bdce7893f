/**
 * Proves that a code exercise can be graded: its reference solution passes every test, and
 * each wrong solution fails at least one, so the hidden tests both accept the right answer
 * and catch the mistakes the author foresaw. It runs on any ExerciseSandbox, so
 * content:check and, later, authoring on the worker reach the same verdicts in QuickJS.
 */
import type { Item } from '../curriculum/pack-schema';
import { buildProgram, RUNNABLE_LANGUAGES } from './build-program';
import { passedEveryTest, type ExerciseResult } from './exercise-result';
import { DEFAULT_TIME_LIMIT_MS, type ExerciseSandbox } from './sandbox';

export type CodeExercise = Extract<Item, { type: 'code-exercise' }>;

/** Failing tests named in one message; the author fixes these first and reruns. */
const FAILURES_SHOWN = 3;

function failures(result: ExerciseResult): string {
  const failed = result.tests.filter((test) => !test.passed);
  const shown = failed.slice(0, FAILURES_SHOWN).map((test) => `"${test.name}": ${test.message ?? 'failed'}`);
  const more = failed.length > FAILURES_SHOWN ? `; and ${failed.length - FAILURES_SHOWN} more` : '';
  return `${shown.join('; ')}${more}`;
}

/** What is wrong with the exercise, one message per problem; empty when it can be graded. */
export async function verifyExercise(
  exercise: CodeExercise,
  sandbox: ExerciseSandbox,
  timeoutMs = DEFAULT_TIME_LIMIT_MS,
): Promise<string[]> {
  const { language, tests } = exercise;
  if (!RUNNABLE_LANGUAGES.includes(language)) {
    return [`language "${language}" cannot be run: code exercises are graded in ${RUNNABLE_LANGUAGES.join(', ')}`];
  }
  const run = (code: string) => sandbox.run(buildProgram({ language, code, tests }), { timeoutMs });
  const problems: string[] = [];

  const reference = await run(exercise.solution);
  if (reference.error !== undefined) problems.push(`the solution does not run: ${reference.error}`);
  else if (reference.total === 0) problems.push('the tests register no test(): the solution has nothing to pass');
  else if (reference.passed < reference.total) {
    problems.push(
      `the solution fails ${reference.total - reference.passed} of ${reference.total} tests: ${failures(reference)}`,
    );
  }

  for (const [index, wrong] of exercise.wrongSolutions.entries()) {
    const name = `wrong solution ${index + 1} (${wrong.why})`;
    const result = await run(wrong.code);
    if (passedEveryTest(result)) problems.push(`${name} passes every test: add a test that it fails`);
    // A typo fails every test without showing that the tests catch the mistake it stands for.
    else if (result.error?.startsWith('SyntaxError')) {
      problems.push(`${name} does not even parse (${result.error}): it should run and fail a test`);
    }
  }
  return problems;
}
