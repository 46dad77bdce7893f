/**
 * A code exercise's result as learners and clients see it: the shape of Exercism's test
 * runners (LEARNING-SCIENCE.md, "Code exercises"), mapped from the sandbox's ExerciseResult.
 * Pure.
 *
 * - `status`: `pass` when every test passed, `fail` when one did not, `error` when the tests
 *   could not run to a verdict (the code did not load, or a limit stopped the run); `message`
 *   then says why.
 * - each test: `pass`, `fail` (an expectation did not hold) or `error` (the test threw), its
 *   `message` when it did not pass, and the console `output` it wrote, if any.
 * - `limit`, beyond Exercism's shape: which limit stopped the run, for a specific hint.
 */
import { z } from 'zod';
import { RunLimitSchema, type ExerciseResult } from './exercise-result';

export const TestStatusSchema = z.enum(['pass', 'fail', 'error']);

export const EvaluationSchema = z.object({
  status: TestStatusSchema,
  message: z.string().optional(),
  limit: RunLimitSchema.optional(),
  tests: z.array(
    z.object({
      name: z.string(),
      status: TestStatusSchema,
      message: z.string().optional(),
      output: z.string().optional(),
    }),
  ),
});

export type Evaluation = z.infer<typeof EvaluationSchema>;
export type EvaluatedTest = Evaluation['tests'][number];

/** Said when a run loaded but registered no test: nothing could be passed. */
export const NO_TESTS_MESSAGE = 'no test ran';

export function toEvaluation(result: ExerciseResult): Evaluation {
  const tests = result.tests.map((test): EvaluatedTest => {
    const output = test.logRange ? result.logs.slice(test.logRange[0], test.logRange[1]).join('\n') : '';
    return {
      name: test.name,
      status: test.passed ? 'pass' : test.errored ? 'error' : 'fail',
      ...(!test.passed && test.message !== undefined ? { message: test.message } : {}),
      ...(output ? { output } : {}),
    };
  });
  if (result.error !== undefined) {
    return { status: 'error', message: result.error, ...(result.limit ? { limit: result.limit } : {}), tests };
  }
  if (tests.length === 0) return { status: 'error', message: NO_TESTS_MESSAGE, tests };
  return { status: tests.every((test) => test.status === 'pass') ? 'pass' : 'fail', tests };
}
