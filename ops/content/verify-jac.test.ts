import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJacRuntime } from './jac-runtime.ts';
import { REPO_ROOT } from './read-pack.ts';

const COURSE = `slug: demo
title: Demo
summary: Jac in a nutshell.
language: jac
languageVersion: "0.8"
concepts:
  - id: basics
    title: Basics
    summary: Printing.
`;

// Line numbers matter: the expectations below point into this file.
const LESSON = `---
id: hello
concept: basics
title: Hello
minutes: 3
---

# Hello

\`\`\`jac
with entry {
    print("hello");
}
\`\`\`

It prints:

\`\`\`text
hello
\`\`\`

A fragment is not run:

\`\`\`jac fragment
visit [-->];
\`\`\`

\`\`\`jac
with entry {
    print("a")
    print("b");
}
\`\`\`

\`\`\`jac
with entry { print("one"); }
\`\`\`

\`\`\`text
two
\`\`\`
`;

const ITEMS = `- id: prints-two
  concept: basics
  type: predict-output
  difficulty: easy
  prompt: What does it print?
  explanation: Two prints, two lines.
  code: |
    with entry { print(1); print(2); }
  output: |
    1
    2
- id: spawn-blank
  concept: basics
  type: fill-blanks
  difficulty: easy
  prompt: Fill the blank.
  explanation: Undefined names fail.
  code: 'with entry { print({{name}}); }'
  blanks:
    - { id: name, accepted: [nobody, '"x"'] }
`;

let root: string;
let pack: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'verify-jac-'));
  pack = join(root, 'demo');
  const files = { 'course.yaml': COURSE, 'lessons/hello.md': LESSON, 'items/basics.yaml': ITEMS };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(pack, name)), { recursive: true });
    await writeFile(join(pack, name), text);
  }
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const run = promisify(execFile);
const tsx = fileURLToPath(import.meta.resolve('tsx/cli'));
const command = fileURLToPath(new URL('./verify-jac.ts', import.meta.url));

async function verifyJac(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsx, command, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run content:verify-jac without a runtime', () => {
  const none = { JAC: '', PATH: '/no/such/dir' };

  it('happy: says how to point JAC at a runtime and exits 0, so CI without Jac stays green', async () => {
    const { code, stderr } = await verifyJac(none, pack);
    expect(code).toBe(0);
    expect(stderr).toContain('5 Jac programs not checked');
    expect(stderr).toContain('JAC=/path/to/');
  });

  it('error: --require-runtime makes a missing runtime a failure (exit 1)', async () => {
    expect((await verifyJac(none, '--require-runtime', pack)).code).toBe(1);
  });

  it('error: JAC naming no executable is bad usage (exit 2)', async () => {
    expect((await verifyJac({ JAC: join(root, 'nothing-here') }, pack)).code).toBe(2);
  });
});

const runtime = await findJacRuntime();

describe.skipIf(!runtime.found)('npm run content:verify-jac with a Jac runtime', () => {
  it(
    'error: reports each failing program at its fence or item, then a summary (exit 1)',
    { timeout: 120_000 },
    async () => {
      const { code, stdout } = await verifyJac({}, pack);
      const lesson = relative(REPO_ROOT, join(pack, 'lessons/hello.md'));
      const items = relative(REPO_ROOT, join(pack, 'items/basics.yaml'));
      expect(stdout.trimEnd().split('\n').slice(1)).toEqual([
        `${items}:12: item spawn-blank (fill-blanks) fails: name 'nobody' is not defined at line 1 of the program`,
        `${lesson}:28: \`\`\`jac block fails: Syntax Error at line 3, column 5 of the program (file line 31)`,
        `${lesson}:35: \`\`\`jac block prints other than the \`\`\`text block after it: at its line 1 (file line 40) expected "two", got "one"`,
        'ran 5 Jac programs (3 with their output compared): 2 passed, 3 failed; 1 fragment not run',
      ]);
      expect(code).toBe(1);
    },
  );
});
