/**
 * `npm run content:check [dir…]`
 *
 * Checks course packs (default: every pack under content/) against the pack format and the
 * publishing rules, and prints each problem as `file:line: message`, sorted, so editors and
 * CI logs can link straight to it. Exit codes: 0 every pack OK (or no packs yet), 1 some
 * problem, 2 bad usage (a directory that does not exist).
 */
import { realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { listPacks, readPack, REPO_ROOT, type FileProblem, type PublishingRules } from './read-pack.ts';

const USAGE = `Usage: npm run content:check [-- <pack dir>…]

Checks each course pack (default: every folder under content/ with a course.yaml).`;

/** What a course must meet before learners see it. */
export const PUBLISHING_RULES: PublishingRules = { minItemsPerConcept: 8, lessonPerConcept: true };

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function formatProblem(problem: FileProblem): string {
  return `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}`;
}

function byFileThenLine(a: FileProblem, b: FileProblem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0);
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

export async function main(args: string[]): Promise<number> {
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

  const missing: string[] = [];
  for (const dir of positionals) if (!(await isDirectory(dir))) missing.push(dir);
  if (missing.length) {
    console.error(`${missing.map((dir) => `${dir}: no such directory`).join('\n')}\n\n${USAGE}`);
    return 2;
  }
  let dirs = positionals.map((dir) => resolve(dir));
  if (!dirs.length) {
    const contentRoot = join(REPO_ROOT, 'content');
    dirs = (await isDirectory(contentRoot)) ? await listPacks(contentRoot) : [];
    if (!dirs.length) {
      console.log('no course packs under content/');
      return 0;
    }
  }

  const problems: FileProblem[] = [];
  let failing = 0;
  for (const dir of dirs) {
    const result = await readPack(dir, PUBLISHING_RULES);
    if (result.problems.length) failing += 1;
    problems.push(...result.problems);
  }
  for (const problem of problems.sort(byFileThenLine)) console.log(formatProblem(problem));
  console.log(
    problems.length
      ? `${plural(problems.length, 'problem')} in ${plural(failing, 'pack')}`
      : `${plural(dirs.length, 'pack')} OK`,
  );
  return problems.length ? 1 : 0;
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  try {
    return entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
