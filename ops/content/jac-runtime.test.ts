import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jacFailure } from './jac-outcome.ts';
import { findJacRuntime, mapWithLimit, runJacProgram } from './jac-runtime.ts';

let dir: string;

/** A stand-in for `jac` (a shell script), so the shell is tested on machines without Jac. */
async function fakeJac(name: string, script: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${script}\n`);
  await chmod(path, 0o755);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jac-runtime-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('findJacRuntime', () => {
  it('happy: JAC names the runtime, and wins over PATH', async () => {
    const jac = await fakeJac('my-jac', 'exit 0');
    await fakeJac('jac', 'exit 0');
    expect(await findJacRuntime({ JAC: jac, PATH: dir })).toEqual({ found: true, jac, from: 'JAC' });
  });

  it('happy: without JAC, jac on PATH is used', async () => {
    await fakeJac('jac', 'exit 0');
    expect(await findJacRuntime({ PATH: `/no/such/dir:${dir}` })).toEqual({
      found: true,
      jac: join(dir, 'jac'),
      from: 'PATH',
    });
  });

  it('error: JAC naming no executable is a misconfiguration, not a missing runtime', async () => {
    const notExecutable = join(dir, 'notes.txt');
    await writeFile(notExecutable, 'jac');
    expect(await findJacRuntime({ JAC: notExecutable, PATH: dir })).toMatchObject({
      found: false,
      misconfigured: true,
    });
  });

  it('edge: no JAC and no jac on PATH is simply no runtime', async () => {
    expect(await findJacRuntime({ PATH: '/no/such/dir' })).toMatchObject({ found: false, misconfigured: false });
  });
});

describe('runJacProgram (with a stand-in jac)', () => {
  it('happy: runs `jac run <file>` on the source in a fresh directory, removed afterwards', async () => {
    // Prints the file it was given and the directory it runs in.
    const jac = await fakeJac('echo-jac', 'cat "$2"; echo; pwd; ls -A');
    const result = await runJacProgram(jac, 'with entry { print(1); }');
    const [source, , cwd, listing] = result.stdout.split('\n');
    expect(source).toBe('with entry { print(1); }');
    expect(result.programPath).toBe(join(cwd ?? '', 'program.jac'));
    expect(listing).toBe('program.jac');
    expect(result).toMatchObject({ stderr: '', exitCode: 0, timedOut: false });
    await expect(rm(cwd ?? '', { recursive: true })).rejects.toThrow(/ENOENT/);
  });

  it('error: a program still running at the timeout is stopped and marked timed out', async () => {
    const jac = await fakeJac('slow-jac', 'exec sleep 10');
    const started = Date.now();
    const result = await runJacProgram(jac, 'with entry {}', 300);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.timedOut).toBe(true);
    expect(jacFailure(result)?.message).toBe('did not finish within 0.3 s');
  });

  it('error: a runtime that cannot be started is reported, not thrown', async () => {
    const result = await runJacProgram(join(dir, 'missing-jac'), 'with entry {}');
    expect(jacFailure(result)?.message).toMatch(/^could not be run: .*ENOENT/);
  });
});

describe('mapWithLimit', () => {
  it('happy: keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapWithLimit([30, 5, 20, 1, 10], 2, async (ms, index) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running -= 1;
      return `${index}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10']);
    expect(most).toBe(2);
  });

  it('edge: no inputs, no work', async () => {
    expect(await mapWithLimit([], 4, async () => 1)).toEqual([]);
  });
});

// The real thing, where a Jac runtime is installed (JAC or jac on PATH); CI has none.
const runtime = await findJacRuntime();

describe.skipIf(!runtime.found)('runJacProgram (with the real jac)', () => {
  const jac = runtime.found ? runtime.jac : '';

  it('happy: a program prints its output and does not fail', async () => {
    const result = await runJacProgram(jac, 'with entry {\n    print("hello");\n}');
    expect(jacFailure(result)).toBeUndefined();
    expect(result.stdout).toBe('hello\n');
  });

  it('error: a syntax error, which jac exits 0 on, is found with its line', async () => {
    const result = await runJacProgram(jac, 'with entry {\n    print("a")\n    print("b");\n}');
    expect(result.exitCode).toBe(0);
    expect(jacFailure(result)).toMatchObject({ message: 'Syntax Error', line: 3 });
  });

  it('error: a runtime error in a walker is found at its line', async () => {
    const source =
      'walker W {\n    can go with `root entry {\n        print([1][5]);\n    }\n}\nwith entry { root spawn W(); }';
    expect(jacFailure(await runJacProgram(jac, source))).toEqual({ message: 'list index out of range', line: 3 });
  });
});
