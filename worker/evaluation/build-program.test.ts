import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './build-program';
import { failedRun } from './exercise-result';
import { HARNESS_SOURCE } from './harness';
import { describeProgramLine } from './sandbox';

const code = 'export function countNodes(graph) {\n  return Object.keys(graph).length;\n}';
const tests = "test('counts', () => {\n  expect(countNodes({ a: [] })).toBe(1);\n});";

describe('buildProgram', () => {
  it('happy: copies the code and the tests verbatim to the lines it reports', () => {
    const program = buildProgram({ language: 'javascript', code, tests });
    const lines = program.source.split('\n');
    expect(program.code.count).toBe(3);
    expect(lines.slice(program.code.first - 1, program.code.first - 1 + program.code.count)).toEqual([
      '       function countNodes(graph) {',
      '  return Object.keys(graph).length;',
      '}',
    ]);
    expect(lines.slice(program.tests.first - 1, program.tests.first - 1 + program.tests.count).join('\n')).toBe(tests);
    expect(describeProgramLine(program, program.code.first + 1)).toBe('line 2 of the code');
    expect(describeProgramLine(program, program.tests.first)).toBe('line 1 of the tests');
    expect(describeProgramLine(program, 1)).toBeUndefined();
  });

  it('the harness uses nothing a Worker or QuickJS lacks: no Node, no timers, no eval', () => {
    expect(HARNESS_SOURCE).not.toMatch(
      /\b(require|process|Buffer|setTimeout|setImmediate|queueMicrotask|eval|Function\(|import\()/,
    );
  });

  it('error: code that cannot be placed becomes a program that only reports why', async () => {
    const program = buildProgram({
      language: 'javascript',
      code: "import fs from 'node:fs';\nexport const a = 1;",
      tests,
    });
    expect(program.source).not.toContain('node:fs');
    const json = await (vm.runInNewContext(program.source) as Promise<string>);
    expect(JSON.parse(json)).toEqual(
      failedRun(
        'SyntaxError: import: an exercise is a single module with only JavaScript’s built-ins, so it cannot import (line 1 of the code)',
      ),
    );
  });

  it('error: tests that do not scan are reported as the tests’ problem', async () => {
    const program = buildProgram({ language: 'javascript', code, tests: "test('t', () => {\n" });
    const json = await (vm.runInNewContext(program.source) as Promise<string>);
    expect(JSON.parse(json).error).toBe('SyntaxError: a { is never closed: add its } (line 1 of the tests)');
  });

  it('error: a language no sandbox runs is refused', () => {
    expect(() => buildProgram({ language: 'jac', code, tests })).toThrow('cannot run jac code');
  });
});
