/**
 * `npm run content:verify-jac [-- [--require-runtime] [--jobs N] <pack dir>…]`
 *
 * Runs the Jac code of course packs (default: every pack under content/) with a real Jac
 * runtime and reports, as `file:line: message` like content:check, each program that fails
 * or prints something other than the course says. Which code counts as a program is the
 * authors' convention, spelled out in jac-programs.ts.
 *
 * The runtime is env JAC (a path to jaclang's `jac`) or `jac` on PATH. Without one the
 * command says how to set it and exits 0, so CI without Jac stays green; with
 * --require-runtime that is a failure. Exit codes: 0 all as written (or nothing checked),
 * 1 some problem, 2 bad usage (unknown option, no such directory, JAC set to no executable).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isEntryPoint } from '../entry-point.ts';
import { byFileThenLine, formatProblem, packDirs, plural } from './check.ts';
import { judge } from './jac-outcome.ts';
import { itemPrograms, lessonPrograms, type ProgramsFound } from './jac-programs.ts';
import { DEFAULT_TIMEOUT_MS, findJacRuntime, mapWithLimit, runJacProgram } from './jac-runtime.ts';
import { readPackSources, type FileProblem } from './read-pack.ts';

const USAGE = `Usage: npm run content:verify-jac [-- [--require-runtime] [--jobs N] <pack dir>…]

Runs the Jac code in each course pack (default: every folder under content/ with a
course.yaml): \`\`\`jac blocks in lessons (with the \`\`\`text block after one as its output),
predict-output, fill-blanks and parsons items. The runtime is env JAC, else jac on PATH.

  --require-runtime  fail (exit 1) when no Jac runtime is found, instead of skipping
  --jobs N           programs run at once (default: the number of CPUs)`;

const HOW_TO_SET_JAC = `Point JAC at jaclang's jac command to check the Jac code, e.g.
  JAC=/path/to/venv/bin/jac npm run content:verify-jac
(pip install jaclang==0.8.* in a virtualenv gives one).`;

interface Options {
  dirs: string[];
  requireRuntime: boolean;
  jobs: number;
}

function parseOptions(args: string[]): Options | { usage: string; exitCode: number } {
  try {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        'require-runtime': { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
      },
    });
    if (values.help) return { usage: USAGE, exitCode: 0 };
    const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs takes a whole number above 0, not ${values.jobs}`);
    return { dirs: positionals, requireRuntime: values['require-runtime'] === true, jobs };
  } catch (err) {
    return { usage: `${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`, exitCode: 2 };
  }
}

/** Every program in the packs, plus problems that keep code from being checked at all. */
async function collectPrograms(dirs: string[]): Promise<ProgramsFound & { unreadable: number }> {
  const all: ProgramsFound & { unreadable: number } = { programs: [], fragments: 0, problems: [], unreadable: 0 };
  for (const dir of dirs) {
    const sources = await readPackSources(dir);
    // Items carry no language of their own: their code is Jac when the course teaches Jac.
    const jacCourse = sources.course?.language.toLowerCase() === 'jac';
    const found = [...sources.lessonFiles.map(lessonPrograms), itemPrograms(jacCourse ? sources.items : [])];
    for (const part of found) {
      all.programs.push(...part.programs);
      all.fragments += part.fragments;
      all.problems.push(...part.problems);
    }
    all.unreadable += sources.problems.length;
  }
  return all;
}

export async function main(args: string[]): Promise<number> {
  const options = parseOptions(args);
  if ('usage' in options) {
    (options.exitCode ? console.error : console.log)(options.usage);
    return options.exitCode;
  }
  const packs = await packDirs(options.dirs);
  if ('missing' in packs) {
    console.error(`${packs.missing.map((dir) => `${dir}: no such directory`).join('\n')}\n\n${USAGE}`);
    return 2;
  }

  const { programs, fragments, problems: unbuildable, unreadable } = await collectPrograms(packs.dirs);
  const runtime = await findJacRuntime();
  if (!runtime.found) {
    console.error(`${runtime.reason}: ${plural(programs.length, 'Jac program')} not checked.\n${HOW_TO_SET_JAC}`);
    if (runtime.misconfigured) return 2;
    return options.requireRuntime ? 1 : 0;
  }
  console.log(`running ${plural(programs.length, 'Jac program')} with ${runtime.jac} (${runtime.from})`);

  const verdicts = await mapWithLimit(programs, options.jobs, async (program) =>
    judge(program, await runJacProgram(runtime.jac, program.source, DEFAULT_TIMEOUT_MS)),
  );
  const failures: FileProblem[] = programs.flatMap((program, index) => {
    const message = verdicts[index];
    return message === undefined ? [] : [{ file: program.file, line: program.line, message }];
  });
  const problems = [...unbuildable, ...failures].sort(byFileThenLine);
  for (const problem of problems) console.log(formatProblem(problem));

  const notRun = [
    fragments ? `${plural(fragments, 'fragment')} not run` : '',
    unbuildable.length ? `${plural(unbuildable.length, 'program')} that could not be built` : '',
  ].filter(Boolean);
  const withOutput = programs.filter((program) => program.expected).length;
  console.log(
    `ran ${plural(programs.length, 'Jac program')} (${withOutput} with their output compared): ` +
      `${programs.length - failures.length} passed, ${failures.length} failed` +
      (notRun.length ? `; ${notRun.join(', ')}` : ''),
  );
  if (unreadable) {
    console.log(
      `${plural(unreadable, 'problem')} reading the packs kept some code from being checked: see npm run content:check`,
    );
  }
  return problems.length ? 1 : 0;
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
