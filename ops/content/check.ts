/**
 * `npm run content:check [dir…]`
 *
 * Checks course packs (default: every pack under content/) against the pack format and the
 * publishing rules, runs each code exercise's reference and wrong solutions against its
 * tests, and prints each problem as `file:line: message`, sorted, so editors and CI logs
 * can link straight to it. Exit codes: 0 every pack OK (or no packs yet), 1 some
 * problem, 2 bad usage (a directory that does not exist).
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ExerciseSandbox } from '../../worker/evaluation/sandbox.ts';
import { isEntryPoint } from '../entry-point.ts';
import { codeExerciseProblems } from './code-exercises.ts';
import { createQuickJsSandbox } from '../../worker/evaluation/quickjs-sandbox.ts';
import {
  listPacks,
  readPack,
  readPackSources,
  REPO_ROOT,
  type FileProblem,
  type PublishingRules,
} from './read-pack.ts';

const USAGE = `Usage: npm run content:check [-- <pack dir>…]

Checks each course pack (default: every folder under content/ with a course.yaml).`;

/** What a course must meet before learners see it. */
export const PUBLISHING_RULES: PublishingRules = {
  minItemsPerConcept: 8,
  lessonPerConcept: true,
  lessonWords: { min: 300, max: 1200 },
};

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function formatProblem(problem: FileProblem): string {
  return `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`;
}

export function byFileThenLine(a: FileProblem, b: FileProblem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/** The packs a content command works on: those named, else every pack under content/. */
export async function packDirs(named: string[]): Promise<{ dirs: string[] } | { missing: string[] }> {
  const missing: string[] = [];
  for (const dir of named) if (!(await isDirectory(dir))) missing.push(dir);
  if (missing.length) return { missing };
  if (named.length) return { dirs: named.map((dir) => resolve(dir)) };
  const contentRoot = join(REPO_ROOT, 'content');
  return { dirs: (await isDirectory(contentRoot)) ? await listPacks(contentRoot) : [] };
}

/** `sandbox` runs the code exercises' solutions: QuickJS, the engine learners' code runs in, or a test's own. */
export async function main(args: string[], sandbox: ExerciseSandbox = createQuickJsSandbox()): Promise<number> {
  let positionals: string[];
  let help: boolean | undefined;
  try {
    ({
      positionals,
      values: { help },
    } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (help) {
    console.log(USAGE);
    return 0;
  }

  const packs = await packDirs(positionals);
  if ('missing' in packs) {
    console.error(`${packs.missing.map((dir) => `${dir}: no such directory`).join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const { dirs } = packs;
  if (!dirs.length) {
    console.log('no course packs under content/');
    return 0;
  }

  const problems: FileProblem[] = [];
  let failing = 0;
  for (const dir of dirs) {
    const result = await readPack(dir, PUBLISHING_RULES);
    // Exercises are run even when the rest of the pack has problems: an author mid-way through
    // a course still learns whether the tests catch the wrong solutions.
    const exercises = await codeExerciseProblems((await readPackSources(dir)).items, sandbox);
    if (result.problems.length || exercises.length) failing += 1;
    problems.push(...result.problems, ...exercises);
  }
  for (const problem of problems.sort(byFileThenLine)) console.log(formatProblem(problem));
  console.log(
    problems.length
      ? `${plural(problems.length, 'problem')} in ${plural(failing, 'pack')}`
      : `${plural(dirs.length, 'pack')} OK`,
  );
  return problems.length ? 1 : 0;
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
