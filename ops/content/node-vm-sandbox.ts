/**
 * An ExerciseSandbox on node:vm, for `npm run content:check`: it runs the reference and wrong
 * solutions that authors wrote, to prove the hidden tests tell them apart.
 *
 * node:vm is NOT a security boundary. Code in a context can exhaust memory, and a determined
 * script can reach the host. That is acceptable here only because everything it runs is
 * authored content in this repository; learners' code is run by the code evaluator in a
 * real sandbox on Cloudflare, never by this module.
 *
 * Time: vm's `timeout` covers synchronous evaluation only. With the default microtask mode,
 * work after an `await` would run later on the host's queue, outside the limit, so a test
 * that loops after `await` would hang content:check. The context is therefore created with
 * `microtaskMode: 'afterEvaluate'`: its promise jobs drain before `runInContext` returns and
 * count against the timeout. The context has no timers or I/O, so once that queue is empty
 * nothing can ever settle a promise that is still pending; such a run is reported as timed
 * out at once. Both evaluations share one deadline, the run's overall limit.
 */
import { randomUUID } from 'node:crypto';
import vm from 'node:vm';
import { ExerciseResultSchema, failedRun, type ExerciseResult } from '../../worker/evaluation/exercise-result.ts';
import { describeProgramLine, type ExerciseProgram, type ExerciseSandbox } from '../../worker/evaluation/sandbox.ts';

const PROGRAM_FILE = 'exercise.js';

function timedOut(timeoutMs: number, detail: string): ExerciseResult {
  return failedRun(`timed out after ${timeoutMs} ms: ${detail}`);
}

function isTimeout(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** "SyntaxError: Unexpected token '}' (line 3 of the code)", from V8's `exercise.js:12` stack line. */
function syntaxError(err: unknown, program: ExerciseProgram): string {
  const { name, message, stack } = err as { name?: unknown; message?: unknown; stack?: unknown };
  const text = `${typeof name === 'string' ? name : 'SyntaxError'}: ${String(message)}`;
  const line = typeof stack === 'string' ? new RegExp(`${PROGRAM_FILE}:(\\d+)`).exec(stack)?.[1] : undefined;
  const where = line === undefined ? undefined : describeProgramLine(program, Number(line));
  return where ? `${text} (${where})` : text;
}

/** A property the context wrote as plain data; never a getter that could run its code here. */
function ownData(context: object, key: string): unknown {
  const property = Object.getOwnPropertyDescriptor(context, key);
  return property && 'value' in property ? property.value : undefined;
}

export function createNodeVmSandbox(): ExerciseSandbox {
  return {
    async run(program, { timeoutMs }) {
      const deadline = Date.now() + timeoutMs;
      let script: vm.Script;
      try {
        script = new vm.Script(program.source, { filename: PROGRAM_FILE });
      } catch (err) {
        return failedRun(syntaxError(err, program));
      }
      // A fresh global per run: nothing one solution does can be seen by the next. No eval,
      // like a Worker; no require, process or timers, since the context holds only built-ins.
      const context = vm.createContext(
        {},
        { microtaskMode: 'afterEvaluate', codeGeneration: { strings: false, wasm: false } },
      );
      // Keys the program cannot guess, so it cannot have planted setters on them.
      const promiseKey = `__result_${randomUUID().replaceAll('-', '')}`;
      const outputKey = `${promiseKey}_json`;
      try {
        const completion: unknown = script.runInContext(context, { timeout: timeoutMs });
        Object.defineProperty(context, promiseKey, { value: completion });
        const remaining = Math.max(1, deadline - Date.now());
        vm.runInContext(
          `Promise.resolve(globalThis.${promiseKey}).then((json) => { globalThis.${outputKey} = json; });`,
          context,
          { timeout: remaining },
        );
      } catch (err) {
        if (isTimeout(err)) return timedOut(timeoutMs, 'is there a loop that never ends?');
        // The harness catches what the code throws; reaching here means the program itself broke.
        return failedRun(`the program did not run: ${err instanceof Error ? err.message : String(err)}`);
      }
      const output = ownData(context, outputKey);
      if (output === undefined) return timedOut(timeoutMs, 'a test is waiting for a promise that never settles');
      try {
        const parsed = ExerciseResultSchema.safeParse(JSON.parse(String(output)));
        if (parsed.success) return parsed.data;
      } catch {
        // Not JSON: reported below like any other malformed result.
      }
      return failedRun('the program did not report a result the harness would write');
    },
  };
}
