/**
 * What running a code exercise gives back, as the contract for code exercises defines it:
 * one outcome per test, the counts, what the code logged and, when the code did not even
 * load or ran out of time, why. A sandbox's output is untrusted (the learner's code ran in
 * it), so it is parsed with this schema before anyone believes it.
 */
import { z } from 'zod';

export const TestOutcomeSchema = z.strictObject({
  name: z.string(),
  passed: z.boolean(),
  /** Why it failed: the assertion that did not hold, or what was thrown. */
  message: z.string().optional(),
});

export const ExerciseResultSchema = z.strictObject({
  tests: z.array(TestOutcomeSchema),
  passed: z.number().int().min(0),
  total: z.number().int().min(0),
  /** `console.log` output, one entry per call. */
  logs: z.array(z.string()),
  /** The code did not load (a syntax error, a throw at the top level) or the run timed out. */
  error: z.string().optional(),
});

export type TestOutcome = z.infer<typeof TestOutcomeSchema>;
export type ExerciseResult = z.infer<typeof ExerciseResultSchema>;

/** A run that produced no test outcomes, for the reason given. */
export function failedRun(error: string, logs: string[] = []): ExerciseResult {
  return { tests: [], passed: 0, total: 0, logs, error };
}

/** Whether the run counts as solving the exercise: it loaded, had tests, and passed them all. */
export function passedEveryTest(result: ExerciseResult): boolean {
  return result.error === undefined && result.total > 0 && result.passed === result.total;
}
