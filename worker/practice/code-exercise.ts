/**
 * Running a learner's answer to a code exercise: the response is `{ code }` (at most
 * 100 KB), its hidden tests run against it in the sandbox, in a fresh QuickJS runtime, and
 * the result comes back in the Exercism-style shape. Called before the attempt's
 * transaction opens, so no transaction is ever held while learner code runs.
 */
import { z } from 'zod';
import { validationFailed } from '../api/app';
import { buildProgram } from '../evaluation/build-program';
import { toEvaluation, type Evaluation } from '../evaluation/evaluation';
import { DEFAULT_TIME_LIMIT_MS, type ExerciseSandbox } from '../evaluation/sandbox';
import type { GradableItem } from './item-view';

/** LEARNING-SCIENCE.md: code ≤ 100 KB, counted in UTF-8 bytes. */
export const MAX_CODE_BYTES = 100 * 1024;

const encoder = new TextEncoder();

export const CodeResponseSchema = z.object({
  code: z
    .string({ error: 'The answer to a code exercise is { "code": "…" }, the code as a string.' })
    .refine((code) => encoder.encode(code).byteLength <= MAX_CODE_BYTES, {
      message: `Code is limited to ${MAX_CODE_BYTES / 1024} KB.`,
    }),
});

export type CodeResponse = z.infer<typeof CodeResponseSchema>;

/** The response as a code exercise's answer, or the standard 400 saying what is wrong with it. */
export function parseCodeResponse(response: unknown): CodeResponse {
  const parsed = CodeResponseSchema.safeParse(response);
  if (!parsed.success) throw validationFailed(parsed.error.issues, ['response']);
  return parsed.data;
}

/** Runs the item's hidden tests against `code`; never throws for anything the code does. */
export async function evaluateCode(
  sandbox: ExerciseSandbox,
  item: Pick<GradableItem, 'id' | 'content' | 'answer'>,
  { code }: CodeResponse,
): Promise<Evaluation> {
  const { language } = item.content;
  const { tests } = item.answer;
  if (typeof language !== 'string' || typeof tests !== 'string') {
    throw new Error(`code exercise ${item.id} has no language or tests stored`);
  }
  const result = await sandbox.run(buildProgram({ language, code, tests }), { timeoutMs: DEFAULT_TIME_LIMIT_MS });
  return toEvaluation(result);
}
