/**
 * Turns a code exercise ({ language, code, tests }) into one self-contained JavaScript
 * program that any sandbox can run (see sandbox.ts): the harness, then the learner's module
 * as a function whose first act is to hand the harness getters for its exports, then the
 * tests as a function that sees only `test`, `expect`, `console` and those exports.
 *
 * The code and the tests are copied verbatim, each starting on a line of its own, so an
 * engine's error positions map back to them (ExerciseProgram.code / .tests). Code that
 * cannot be placed safely (an unclosed bracket or string, an import) becomes a program that
 * only reports why, so every exercise yields a program and every program a result. Pure.
 */
import { failedRun } from './exercise-result';
import { HARNESS_SOURCE } from './harness';
import { scan } from './js-scanner';
import { moduleAsScript } from './module-as-script';
import type { ExerciseProgram } from './sandbox';

export interface ExerciseCode {
  language: string;
  /** An ES module; its exports are what the tests use. */
  code: string;
  tests: string;
}

export const RUNNABLE_LANGUAGES: readonly string[] = ['javascript'];

/** The name the module calls to hand over its exports; the harness refuses a second call. */
const EXPORTS_HOOK = '__jeseciExports';

/** The line terminators JavaScript counts, so our line numbers are the engine's. */
const LINE_TERMINATOR = /\r\n|[\n\r\u2028\u2029]/;

function lineCount(text: string): number {
  return text.split(LINE_TERMINATOR).length;
}

function reportOnly(error: string): ExerciseProgram {
  const json = JSON.stringify(failedRun(error));
  return {
    source: `'use strict';\nPromise.resolve(${JSON.stringify(json)});\n`,
    code: { first: 0, count: 0 },
    tests: { first: 0, count: 0 },
  };
}

export function buildProgram({ language, code, tests }: ExerciseCode): ExerciseProgram {
  if (!RUNNABLE_LANGUAGES.includes(language)) {
    throw new Error(`cannot run ${language} code: exercises run in ${RUNNABLE_LANGUAGES.join(', ')}`);
  }
  const module = moduleAsScript(code);
  if (!module.ok) return reportOnly(`SyntaxError: ${module.message} (line ${module.line} of the code)`);
  const scannedTests = scan(tests);
  if (!scannedTests.ok) {
    return reportOnly(`SyntaxError: ${scannedTests.message} (line ${scannedTests.line} of the tests)`);
  }

  // [name, getter] pairs rather than an object literal, where "__proto__" would mean something else.
  const getters = module.exports.map(({ name, local }) => `[${JSON.stringify(name)}, () => ${local}]`).join(', ');
  const head = [
    `'use strict';`,
    `(${HARNESS_SOURCE})(`,
    `async (console, ${EXPORTS_HOOK}) => { ${EXPORTS_HOOK}([${getters}]);`,
  ].join('\n');
  const codeFirst = lineCount(head) + 1;
  const middle = `\n},\n(test, expect, console) => {\n`;
  const testsFirst = codeFirst + lineCount(module.body) - 1 + lineCount(middle) - 1;
  return {
    source: `${head}\n${module.body}${middle}${tests}\n});\n`,
    code: { first: codeFirst, count: lineCount(module.body) },
    tests: { first: testsFirst, count: lineCount(tests) },
  };
}
