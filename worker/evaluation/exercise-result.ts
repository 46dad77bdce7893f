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
  /** The test threw something other than a failed expectation (a TypeError, say). */
  errored: z.literal(true).optional(),
  /** The run's `logs` written while this test ran, as [first, end) indices. */
  logRange: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
});

/** Which of the run's limits stopped it, when one did: a machine-readable `error`. */
export const RunLimitSchema = z.enum(['time', 'memory', 'stack']);

export const ExerciseResultSchema = z.strictObject({
  tests: z.array(TestOutcomeSchema),
  passed: z.number().int().min(0),
  total: z.number().int().min(0),
  /** `console.log` output, one entry per call. */
  logs: z.array(z.string()),
  /** The code did not load (a syntax error, a throw at the top level) or a limit stopped the run. */
  error: z.string().optional(),
  /** Set by the sandbox (never by the program) when `error` is one of its limits. */
  limit: RunLimitSchema.optional(),
});

export type TestOutcome = z.infer<typeof TestOutcomeSchema>;
export type ExerciseResult = z.infer<typeof ExerciseResultSchema>;
export type RunLimit = z.infer<typeof RunLimitSchema>;

/** A run that produced no test outcomes, for the reason given. */
export function failedRun(error: string, logs: string[] = [], limit?: RunLimit): ExerciseResult {
  return { tests: [], passed: 0, total: 0, logs, error, ...(limit ? { limit } : {}) };
}

/** Whether the run counts as solving the exercise: it loaded, had tests, and passed them all. */
export function passedEveryTest(result: ExerciseResult): boolean {
  return result.error === undefined && result.total > 0 && result.passed === result.total;
}
