/**
 * An ExerciseSandbox on QuickJS compiled to WebAssembly (quickjs-emscripten): a separate
 * JavaScript engine inside our own, with no access to anything of the host's, so learners'
 * code can run in the Worker or a Durable Object, and the same engine checks authored
 * content in `npm run content:check`.
 *
 * Limits, as LEARNING-SCIENCE.md sets them for code exercises:
 * - an instruction budget, not a wall clock: in production Workers the clock does not move
 *   during pure computation, so a `Date.now()` deadline would never fire. QuickJS calls the
 *   interrupt handler every few thousand bytecode operations; counting those calls is a
 *   budget in work done, the same on every machine;
 * - memory ≤ 32 MB and a bounded stack, enforced by the QuickJS runtime;
 * - output: at most 10 KB of console output is kept;
 * - a fresh runtime per submission: nothing one run does is seen by the next.
 */
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import {
  newQuickJSWASMModuleFromVariant,
  type QuickJSContext,
  type QuickJSRuntime,
  type QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import { ExerciseResultSchema, failedRun, type ExerciseResult } from './exercise-result';
import { describeProgramLine, type ExerciseProgram, type ExerciseSandbox } from './sandbox';

export const MEMORY_LIMIT_BYTES = 32 * 1024 * 1024;
export const STACK_LIMIT_BYTES = 512 * 1024;
export const OUTPUT_LIMIT_BYTES = 10 * 1024;
/**
 * Interrupt checks allowed per millisecond of the run's time limit. QuickJS calls the
 * handler after a fixed number of its internal ticks; measured here, a tight counting loop
 * makes 4.2 calls per millisecond of CPU, deep recursion 5.0 and an allocating loop 1.0.
 * At 4 per ms a 1-second limit stops a tight endless loop after about a second of work.
 */
export const INTERRUPTS_PER_MS = 4;
/** The host-time backstop, as a multiple of the run's limit. */
export const HOST_TIME_FACTOR = 3;

let engine: Promise<QuickJSWASMModule> | undefined;

/** The compiled engine, once per isolate; runtimes and contexts are fresh per run. */
function quickjs(): Promise<QuickJSWASMModule> {
  engine ??= newQuickJSWASMModuleFromVariant(releaseSync);
  return engine;
}

/** Keeps the logs within the output limit, saying so when it cut them. */
function capLogs(logs: string[]): string[] {
  let size = 0;
  const kept: string[] = [];
  for (const line of logs) {
    size += line.length + 1;
    if (size > OUTPUT_LIMIT_BYTES) {
      kept.push(`… output cut at ${OUTPUT_LIMIT_BYTES / 1024} KB`);
      break;
    }
    kept.push(line);
  }
  return kept;
}

function engineError(dumped: unknown, program: ExerciseProgram): string {
  const { name, message, lineNumber } = (dumped ?? {}) as { name?: unknown; message?: unknown; lineNumber?: unknown };
  const text = `${typeof name === 'string' ? name : 'Error'}: ${typeof message === 'string' ? message : String(dumped)}`;
  const where = typeof lineNumber === 'number' ? describeProgramLine(program, lineNumber) : undefined;
  return where ? `${text} (${where})` : text;
}

/**
 * Frees a run's engine state. Jobs still queued (a run stopped for its budget, or promises
 * chained past the end) hold objects that QuickJS refuses to free: they are run out first,
 * each interrupted at once. Should freeing fail anyway, the engine is dropped and the next
 * run compiles a new one, rather than every later run failing on a broken instance.
 */
function release(runtime: QuickJSRuntime, context: QuickJSContext, interruptAll: () => void): void {
  interruptAll();
  try {
    for (let rounds = 0; rounds < 10_000 && runtime.hasPendingJob(); rounds++) {
      const jobs = runtime.executePendingJobs();
      jobs.error?.dispose();
    }
    context.dispose();
    runtime.dispose();
  } catch {
    engine = undefined;
  }
}

export function createQuickJsSandbox(): ExerciseSandbox {
  return {
    async run(program, { timeoutMs }): Promise<ExerciseResult> {
      const runtime = (await quickjs()).newRuntime();
      runtime.setMemoryLimit(MEMORY_LIMIT_BYTES);
      runtime.setMaxStackSize(STACK_LIMIT_BYTES);
      const budget = Math.max(1, Math.round(timeoutMs * INTERRUPTS_PER_MS));
      let checks = 0;
      let outOfBudget = false;
      // A backstop in host time where the host clock moves (Node; not a Worker mid-compute):
      // code that fills the heap spends its time in QuickJS's garbage collector, which does
      // not tick the interrupt counter, so the budget alone would let it run for minutes.
      const hardDeadline = Date.now() + timeoutMs * HOST_TIME_FACTOR;
      runtime.setInterruptHandler(() => {
        checks += 1;
        outOfBudget ||= checks > budget || Date.now() > hardDeadline;
        return outOfBudget;
      });
      const context = runtime.newContext();
      const overBudget = () =>
        failedRun(`ran out of time (more than ${timeoutMs} ms of work): is there a loop that never ends?`);
      try {
        const evaluated = context.evalCode(program.source, 'exercise.js', { type: 'global' });
        if (evaluated.error) {
          const dumped: unknown = context.dump(evaluated.error);
          evaluated.error.dispose();
          return outOfBudget ? overBudget() : failedRun(engineError(dumped, program));
        }
        // The completion value is a promise; its jobs run only when we drain the queue.
        const promise = evaluated.value;
        while (!outOfBudget) {
          const jobs = runtime.executePendingJobs();
          if (jobs.error) {
            // A job that threw is the program's own affair: the harness reports what tests throw.
            jobs.error.dispose();
            continue;
          }
          if (jobs.value === 0) break;
        }
        if (outOfBudget) {
          promise.dispose();
          return overBudget();
        }
        const state = context.getPromiseState(promise);
        promise.dispose();
        // No timers exist in the sandbox: with the queue empty, a pending promise never settles.
        if (state.type === 'pending') return failedRun('a test is waiting for a promise that never settles');
        if (state.type === 'rejected') {
          const dumped: unknown = context.dump(state.error);
          state.error.dispose();
          return failedRun(engineError(dumped, program));
        }
        const raced = state;
        const json: unknown = context.dump(raced.value);
        raced.value.dispose();
        const parsed = ExerciseResultSchema.safeParse(typeof json === 'string' ? JSON.parse(json) : undefined);
        if (!parsed.success) return failedRun('the program did not report a result the harness would write');
        return { ...parsed.data, logs: capLogs(parsed.data.logs) };
      } catch (err) {
        // QuickJS itself failed: out of memory, most likely.
        const message = err instanceof Error ? err.message : String(err);
        return failedRun(
          /memory/i.test(message) ? 'ran out of memory (the limit is 32 MB)' : `the run failed: ${message}`,
        );
      } finally {
        release(runtime, context, () => (outOfBudget = true));
      }
    },
  };
}
