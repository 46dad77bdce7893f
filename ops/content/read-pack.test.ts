import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPacks, readPack, readPackSources, REPO_ROOT, type FileProblem } from './read-pack.ts';

const COURSE = `slug: graphs
title: Graphs
summary: Nodes, edges and walkers.
language: jac
languageVersion: "0.8"
concepts:
  - id: nodes
    title: Nodes
    summary: What a node holds.
  - id: edges
    title: Edges
    summary: How nodes connect.
    prerequisites: [nodes]
  - id: walkers
    title: Walkers
    summary: Code that moves along edges.
    prerequisites: [nodes, edges]
`;

const LESSON = `---
id: intro
concept: nodes
title: Meet the node
minutes: 5
---

# Nodes

A node holds data; see [edges](concept:edges), [the next lesson](lesson:intro),
[below](#more), [the docs](https://example.test/docs) and [a picture](./node.svg).

\`\`\`jac
handlers[0](event)
\`\`\`

## More

Call \`f[1](x)\` inline.
`;

const ITEMS = `- id: node-holds
  concept: nodes
  type: multiple-choice
  difficulty: easy
  prompt: What does a node hold?
  explanation: Nodes hold data; edges connect them.
  options:
    - { id: data, text: Data, correct: true }
    - { id: code, text: Code }
- id: edge-direction
  concept: edges
  type: true-false
  difficulty: medium
  prompt: Edges have a direction.
  explanation: Jac edges point from one node to another.
  answer: true
- id: walker-spawn
  concept: walkers
  type: short-answer
  difficulty: hard
  prompt: Which keyword starts a walker on a node?
  explanation: A walker is spawned on a node.
  accepted: [spawn]
`;

const validPack: Record<string, string> = {
  'course.yaml': COURSE,
  'lessons/intro.md': LESSON,
  'lessons/node.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'items/basics.yaml': ITEMS,
};

let root: string;
let packCount = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'read-pack-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes the valid pack with `changes` applied (undefined deletes a file); returns its dir. */
async function writePack(changes: Record<string, string | undefined> = {}): Promise<string> {
  packCount += 1;
  const dir = join(root, `pack-${packCount}`);
  const files = { ...validPack, ...changes };
  for (const [name, text] of Object.entries(files)) {
    if (text === undefined) continue;
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

/** The path readPack reports for `name` in pack `dir`. */
function shown(dir: string, name: string): string {
  return relative(REPO_ROOT, join(dir, name));
}

async function onlyProblem(
  changes: Record<string, string | undefined>,
): Promise<{ dir: string; problem: FileProblem }> {
  const dir = await writePack(changes);
  const result = await readPack(dir);
  expect(result.pack).toBeUndefined();
  expect(result.problems).toHaveLength(1);
  return { dir, problem: result.problems[0] as FileProblem };
}

describe('readPack', () => {
  it('happy: a valid pack reads into a CoursePack with no problems', async () => {
    const dir = await writePack();
    const result = await readPack(dir);
    expect(result.problems).toEqual([]);
    expect(result.pack?.course.concepts.map((concept) => concept.id)).toEqual(['nodes', 'edges', 'walkers']);
    expect(result.pack?.course.concepts[0]?.prerequisites).toEqual([]);
    expect(result.pack?.lessons).toEqual([
      expect.objectContaining({ id: 'intro', concept: 'nodes', minutes: 5, body: expect.stringMatching(/^# Nodes/) }),
    ]);
    expect(result.pack?.items.map((item) => item.type)).toEqual(['multiple-choice', 'true-false', 'short-answer']);
  });

  it('error: a YAML syntax error is reported at its line', async () => {
    const broken = ITEMS.replace('prompt: Edges have a direction.', 'prompt: Edges: have a direction.');
    const { dir, problem } = await onlyProblem({ 'items/basics.yaml': broken });
    expect(problem).toMatchObject({ file: shown(dir, 'items/basics.yaml'), line: 14 });
    expect(problem.message).toContain('YAML: Nested mappings are not allowed');
  });

  it('error: an unknown item type is reported at the type line, with the allowed types', async () => {
    const broken = ITEMS.replace('type: true-false', 'type: essay');
    const { dir, problem } = await onlyProblem({ 'items/basics.yaml': broken });
    expect(problem).toMatchObject({ file: shown(dir, 'items/basics.yaml'), line: 12 });
    expect(problem.message).toContain('1.type: unknown type');
    expect(problem.message).toContain('multiple-choice');
  });

  it('error: a missing explanation is reported at the item, with its path', async () => {
    const broken = ITEMS.replace('  explanation: A walker is spawned on a node.\n', '');
    const { dir, problem } = await onlyProblem({ 'items/basics.yaml': broken });
    expect(problem).toEqual({ file: shown(dir, 'items/basics.yaml'), line: 17, message: '2.explanation: is required' });
  });

  it('error: an unknown key is reported at that key', async () => {
    const broken = COURSE.replace(
      '    summary: How nodes connect.',
      '    summary: How nodes connect.\n    sumary: typo',
    );
    const { dir, problem } = await onlyProblem({ 'course.yaml': broken });
    expect(problem).toMatchObject({ file: shown(dir, 'course.yaml'), line: 13 });
    expect(problem.message).toContain('concepts.1.sumary: unknown key "sumary"');
  });

  it('error: a duplicate item id points at the second definition and names the first', async () => {
    const extra = `- id: node-holds
  concept: edges
  type: true-false
  difficulty: easy
  prompt: Edges join nodes.
  explanation: That is what edges do.
  answer: true
`;
    const { dir, problem } = await onlyProblem({ 'items/more.yaml': extra });
    expect(problem).toMatchObject({ file: shown(dir, 'items/more.yaml'), line: 1 });
    expect(problem.message).toContain('item node-holds: this id is used twice');
    expect(problem.message).toContain(`first at ${shown(dir, 'items/basics.yaml')}:1`);
  });

  it('error: a prerequisite cycle is spelled out at the concept that starts it', async () => {
    const cycle = `slug: cycle
title: Cycle
summary: Two concepts that need each other.
language: jac
languageVersion: "0.8"
concepts:
  - id: a
    title: A
    summary: Needs b.
    prerequisites: [b]
  - id: b
    title: B
    summary: Needs a.
    prerequisites: [a]
`;
    const { dir, problem } = await onlyProblem({
      'course.yaml': cycle,
      'lessons/intro.md': LESSON.replace('concept: nodes', 'concept: a').replace('(concept:edges)', '(concept:b)'),
      'items/basics.yaml': ITEMS.replace(/concept: \w+/g, 'concept: a'),
    });
    expect(problem).toMatchObject({ file: shown(dir, 'course.yaml'), line: 7 });
    expect(problem.message).toContain('a → b → a');
  });

  it('error: a multiple-choice item with two correct options is reported at the item', async () => {
    const broken = ITEMS.replace('{ id: code, text: Code }', '{ id: code, text: Code, correct: true }');
    const { dir, problem } = await onlyProblem({ 'items/basics.yaml': broken });
    expect(problem).toMatchObject({ file: shown(dir, 'items/basics.yaml'), line: 1 });
    expect(problem.message).toContain('exactly one correct option, it has 2');
  });

  it('error: a lesson on an unknown concept is reported at its id line', async () => {
    const broken = LESSON.replace('concept: nodes', 'concept: vertices');
    const { dir, problem } = await onlyProblem({ 'lessons/intro.md': broken });
    expect(problem).toMatchObject({ file: shown(dir, 'lessons/intro.md'), line: 2 });
    expect(problem.message).toContain('concept "vertices" is not in this course');
  });

  it('error: Markdown links to missing files, lessons and concepts link to nothing', async () => {
    const broken = `${LESSON}\nSee [setup](./setup.md), [later](lesson:later) and [trees](concept:trees).\n`;
    const dir = await writePack({ 'lessons/intro.md': broken });
    const result = await readPack(dir);
    const file = shown(dir, 'lessons/intro.md');
    expect(result.pack).toBeUndefined();
    expect(result.problems).toEqual([
      { file, line: 21, message: '(./setup.md) links to nothing: no such file' },
      { file, line: 21, message: '(lesson:later) links to nothing: no lesson "later" in this pack' },
      { file, line: 21, message: '(concept:trees) links to nothing: no concept "trees" in this pack' },
    ]);
  });

  it('error: a lesson without front matter says what is missing', async () => {
    const { dir, problem } = await onlyProblem({ 'lessons/intro.md': '# Nodes\n\nNo front matter here.\n' });
    expect(problem).toMatchObject({ file: shown(dir, 'lessons/intro.md'), line: 1 });
    expect(problem.message).toContain('no front matter');
  });

  it('error: publishing rules report concepts with too few items', async () => {
    const dir = await writePack();
    const result = await readPack(dir, { minItemsPerConcept: 8, lessonPerConcept: true });
    expect(result.pack).toBeUndefined();
    expect(result.problems).toContainEqual({
      file: shown(dir, 'course.yaml'),
      line: 7,
      message: 'concept nodes: has 1 items; a published concept needs at least 8',
    });
    expect(result.problems).toContainEqual({
      file: shown(dir, 'course.yaml'),
      line: 10,
      message: 'concept edges: has no lesson',
    });
  });
});

describe('readPackSources', () => {
  it('happy: keeps what it can read of a pack with problems, each part with its lines', async () => {
    const broken = ITEMS.replace('type: true-false', 'type: essay');
    const dir = await writePack({ 'items/basics.yaml': broken, 'course.yaml': COURSE.replace('title: Graphs\n', '') });
    const sources = await readPackSources(dir);
    expect(sources.course).toBeUndefined();
    expect(sources.lessonFiles).toEqual([
      expect.objectContaining({
        file: shown(dir, 'lessons/intro.md'),
        bodyLine: 8,
        body: expect.stringMatching(/^# Nodes/),
      }),
    ]);
    const file = shown(dir, 'items/basics.yaml');
    expect(sources.items.map(({ item, ...at }) => ({ id: item.id, ...at }))).toEqual([
      { id: 'node-holds', file, line: 1 },
      { id: 'walker-spawn', file, line: 17 },
    ]);
    expect(sources.problems.map((problem) => problem.message)).toEqual([
      'title: is required',
      expect.stringContaining('1.type: unknown type'),
    ]);
  });
});

describe('listPacks', () => {
  it('lists the folders that hold a course.yaml', async () => {
    const contentRoot = await mkdtemp(join(tmpdir(), 'content-'));
    try {
      await mkdir(join(contentRoot, 'b-course'));
      await writeFile(join(contentRoot, 'b-course', 'course.yaml'), COURSE);
      await mkdir(join(contentRoot, 'a-course'));
      await writeFile(join(contentRoot, 'a-course', 'course.yaml'), COURSE);
      await mkdir(join(contentRoot, 'drafts'));
      await writeFile(join(contentRoot, 'README.md'), 'not a pack');
      expect(await listPacks(contentRoot)).toEqual([join(contentRoot, 'a-course'), join(contentRoot, 'b-course')]);
    } finally {
      await rm(contentRoot, { recursive: true, force: true });
    }
  });
});

describe('npm run content:check', () => {
  const run = promisify(execFile);
  const tsx = fileURLToPath(import.meta.resolve('tsx/cli'));
  const check = fileURLToPath(new URL('./check.ts', import.meta.url));

  async function runCheck(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [tsx, check, ...args], { cwd: REPO_ROOT });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const failed = err as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  it('error: a valid pack still fails the publishing rules with too few items (exit 1)', async () => {
    const dir = await writePack();
    const { code, stdout } = await runCheck(dir);
    expect(code).toBe(1);
    const course = shown(dir, 'course.yaml');
    expect(stdout).toContain(`${course}:7: concept nodes: has 1 items; a published concept needs at least 8\n`);
    expect(stdout).toContain(`${course}:10: concept edges: has no lesson\n`);
    // The lesson of the minimal pack is far below the 300 words a published lesson needs.
    expect(stdout).toMatch(/lesson \S+: is too short: \d+ words/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('6 problems in 1 pack');
  });

  it('error: a directory that does not exist is bad usage (exit 2)', async () => {
    const { code, stderr } = await runCheck(join(root, 'no-such-pack'));
    expect(code).toBe(2);
    expect(stderr).toContain('no such directory');
  });
});
