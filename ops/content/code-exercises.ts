/**
 * content:check's look at code exercises: each one's reference solution and wrong solutions
 * run against its tests in the sandbox it is given (verify-exercise.ts says what must hold),
 * and what is wrong is reported at the item's id line, as `file:line: item <id>: …`.
 */
import type { ExerciseSandbox } from '../../worker/evaluation/sandbox.ts';
import { verifyExercise } from '../../worker/evaluation/verify-exercise.ts';
import type { FileProblem, LocatedItem } from './read-pack.ts';

export async function codeExerciseProblems(
  items: readonly LocatedItem[],
  sandbox: ExerciseSandbox,
): Promise<FileProblem[]> {
  const problems: FileProblem[] = [];
  for (const { item, file, line } of items) {
    if (item.type !== 'code-exercise') continue;
    for (const message of await verifyExercise(item, sandbox)) {
      problems.push({ file, line, message: `item ${item.id}: ${message}` });
    }
  }
  return problems;
}
