/**
 * An ExerciseSandbox on QuickJS compiled to WebAssembly (quickjs-emscripten): a separate
 * JavaScript engine inside our own, with no access to anything of the host's, so learners'
 * code runs in the Worker (worker-sandbox.ts hands it the bundled WebAssembly), and the same
 * engine checks authored content in `npm run content:check` under Node.
 *
 * Limits, as LEARNING-SCIENCE.md sets them for code exercises:
 * - an instruction budget, not a wall clock: in production Workers the clock does not move
 *   during pure computation, so a `Date.now()` deadline would never fire. QuickJS calls the
 *   interrupt handler every few thousand bytecode operations; counting those calls is a
 *   budget in work done, the same on every machine;
 * - memory ≤ 32 MB and a bounded stack, enforced by the QuickJS runtime, with the engine's
 *   WebAssembly memory capped as well (see ENGINE_MEMORY_BYTES);
 * - output: at most 10 KB of console output is kept;
 * - a fresh runtime per submission: nothing one run does is seen by the next.
 */
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSContext,
  type QuickJSRuntime,
  type QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import {
  ExerciseResultSchema,
  failedRun,
  type ExerciseResult,
  type RunLimit,
  type TestOutcome,
} from './exercise-result';
import { describeProgramLine, type ExerciseProgram, type ExerciseSandbox } from './sandbox';

export const MEMORY_LIMIT_BYTES = 32 * 1024 * 1024;
/**
 * The engine's whole WebAssembly memory: its own data and stack, plus the run's heap.
 * QuickJS does not count every allocation against MEMORY_LIMIT_BYTES (measured: 20,000
 * arrays of 1,000 numbers took 160 MB under a 32 MB limit, their elements escaping the
 * count), so the memory itself has a maximum: past it an allocation fails inside QuickJS,
 * which throws "out of memory". It also keeps a Worker isolate (128 MB) safe from one run.
 */
export const ENGINE_MEMORY_BYTES = 48 * 1024 * 1024;
/** What emscripten would start the engine's memory with (its INITIAL_MEMORY). */
const ENGINE_MEMORY_INITIAL_BYTES = 16 * 1024 * 1024;
const WASM_PAGE_BYTES = 64 * 1024;
/**
 * QuickJS's own stack limit must trip before the host's: each JavaScript call in QuickJS
 * also takes a native frame of the host's (V8's) stack. At 512 KB, Node's stack ran out
 * first at about 2,100 nested calls, and a host stack overflow leaves the engine unusable;
 * at 256 KB QuickJS throws its catchable "stack overflow" after about 1,350.
 */
export const STACK_LIMIT_BYTES = 256 * 1024;
export const OUTPUT_LIMIT_BYTES = 10 * 1024;
/**
 * Interrupt checks allowed per millisecond of the run's time limit. QuickJS calls the
 * handler after a fixed number of its internal ticks; where this was calibrated, a tight
 * counting loop made 4.2 calls per millisecond of CPU, deep recursion 5.0 and an allocating
 * loop 1.0. Machines differ: in workerd on the benchmark box (docs/benchmarks.md) the 4,000
 * checks of a 1-second limit took about 0.2 s. It is a budget of work, not of time.
 */
export const INTERRUPTS_PER_MS = 4;
/** The host-time backstop, as a multiple of the run's limit. */
export const HOST_TIME_FACTOR = 3;

export interface QuickJsSandboxOptions {
  /**
   * The engine's WebAssembly, already compiled. Workers may not compile WebAssembly at run
   * time, so the Worker passes the module wrangler bundled; without it (Node) emscripten
   * reads and compiles the package's .wasm file itself.
   */
  wasmModule?: WebAssembly.Module;
}

/** A new engine instance: its own WebAssembly memory, capped at ENGINE_MEMORY_BYTES. */
function loadEngine({ wasmModule }: QuickJsSandboxOptions): Promise<QuickJSWASMModule> {
  const wasmMemory = new WebAssembly.Memory({
    initial: ENGINE_MEMORY_INITIAL_BYTES / WASM_PAGE_BYTES,
    maximum: ENGINE_MEMORY_BYTES / WASM_PAGE_BYTES,
  });
  return newQuickJSWASMModuleFromVariant(
    newVariant(releaseSync, { wasmMemory, ...(wasmModule ? { wasmModule } : {}) }),
  );
}

const MESSAGES: Record<RunLimit, string> = {
  time: 'ran past its instruction budget: is there a loop that never ends?',
  memory: `ran out of memory (the limit is ${MEMORY_LIMIT_BYTES / (1024 * 1024)} MB)`,
  stack: 'the stack overflowed: is there a recursion that never reaches its base case?',
};

/**
 * What QuickJS throws when a limit of its own stops the code, as the harness reports it
 * (alone, or after "the code threw before any test ran: ").
 */
const ENGINE_LIMITS: [RegExp, RunLimit][] = [
  [/(?:^|: )InternalError: out of memory$/, 'memory'],
  [/(?:^|: )InternalError: stack overflow$/, 'stack'],
  // The host's own stack, should it overflow first after all.
  [/(?:^|: )Maximum call stack size exceeded$/, 'stack'],
];

function limitIn(message: string | undefined): RunLimit | undefined {
  if (message === undefined) return undefined;
  return ENGINE_LIMITS.find(([pattern]) => pattern.test(message))?.[1];
}

/**
 * A limit hit while loading the code, or in any test, makes the run an error, as an endless
 * loop's is; the outcomes of the tests are kept.
 */
function withLimitHit(result: ExerciseResult): ExerciseResult {
  const hit =
    limitIn(result.error) ??
    result.tests.map((test: TestOutcome) => limitIn(test.message)).find((limit) => limit !== undefined);
  return hit ? { ...result, error: MESSAGES[hit], limit: hit } : result;
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
 * Frees a run's engine state; false when that failed. Jobs still queued (a run stopped for
 * its budget, or promises chained past the end) hold objects that QuickJS refuses to free:
 * they are run out first, each interrupted at once.
 */
function release(runtime: QuickJSRuntime, context: QuickJSContext, interruptAll: () => void): boolean {
  interruptAll();
  try {
    for (let rounds = 0; rounds < 10_000 && runtime.hasPendingJob(); rounds++) {
      const jobs = runtime.executePendingJobs();
      jobs.error?.dispose();
    }
    context.dispose();
    runtime.dispose();
    return true;
  } catch {
    return false;
  }
}

/** One run of `program` in a fresh runtime and context; the caller frees them. */
function runProgram(
  runtime: QuickJSRuntime,
  context: QuickJSContext,
  program: ExerciseProgram,
  isOutOfBudget: () => boolean,
): ExerciseResult {
  const stopped = (limit: RunLimit) => failedRun(MESSAGES[limit], [], limit);
  const engineFailure = (dumped: unknown) => {
    const message = engineError(dumped, program);
    const limit = limitIn(message.replace(/ \(line \d+ of the (code|tests)\)$/, ''));
    return limit ? stopped(limit) : failedRun(message);
  };
  try {
    const evaluated = context.evalCode(program.source, 'exercise.js', { type: 'global' });
    if (evaluated.error) {
      const dumped: unknown = context.dump(evaluated.error);
      evaluated.error.dispose();
      return isOutOfBudget() ? stopped('time') : engineFailure(dumped);
    }
    // The completion value is a promise; its jobs run only when we drain the queue.
    const promise = evaluated.value;
    while (!isOutOfBudget()) {
      const jobs = runtime.executePendingJobs();
      if (jobs.error) {
        // A job that threw is the program's own affair: the harness reports what tests throw.
        jobs.error.dispose();
        continue;
      }
      if (jobs.value === 0) break;
    }
    if (isOutOfBudget()) {
      promise.dispose();
      return stopped('time');
    }
    const state = context.getPromiseState(promise);
    promise.dispose();
    // No timers exist in the sandbox: with the queue empty, a pending promise never settles.
    if (state.type === 'pending') return failedRun('a test is waiting for a promise that never settles');
    if (state.type === 'rejected') {
      const dumped: unknown = context.dump(state.error);
      state.error.dispose();
      return engineFailure(dumped);
    }
    const json: unknown = context.dump(state.value);
    state.value.dispose();
    // Only the sandbox says which limit stopped a run; the program's JSON may not.
    const parsed = ExerciseResultSchema.omit({ limit: true }).safeParse(
      typeof json === 'string' ? JSON.parse(json) : undefined,
    );
    if (!parsed.success) return failedRun('the program did not report a result the harness would write');
    return withLimitHit({ ...parsed.data, logs: capLogs(parsed.data.logs) });
  } catch (err) {
    // QuickJS itself failed: out of memory or the host's stack, most likely.
    const message = err instanceof Error ? err.message : String(err);
    if (/memory/i.test(message)) return stopped('memory');
    if (limitIn(message)) return stopped('stack');
    return failedRun(`the run failed: ${message}`);
  }
}

/**
 * The engine is compiled and instantiated once per sandbox (in the Worker: once per isolate,
 * see worker-sandbox.ts); each run gets a fresh runtime and context in it. An engine a run
 * left broken (freeing failed, or the host's stack overflowed inside it) or full (out of
 * memory; WebAssembly memory never shrinks) is dropped, and the next run starts a new one.
 */
export function createQuickJsSandbox(options: QuickJsSandboxOptions = {}): ExerciseSandbox {
  let engine: Promise<QuickJSWASMModule> | undefined;

  return {
    async run(program, { timeoutMs }): Promise<ExerciseResult> {
      // A failed start is not kept: the next run tries again.
      engine ??= loadEngine(options).catch((error: unknown) => {
        engine = undefined;
        throw error;
      });
      const quickjs = await engine;
      const runtime = quickjs.newRuntime();
      runtime.setMemoryLimit(MEMORY_LIMIT_BYTES);
      runtime.setMaxStackSize(STACK_LIMIT_BYTES);
      const budget = Math.max(1, Math.round(timeoutMs * INTERRUPTS_PER_MS));
      let checks = 0;
      let outOfBudget = false;
      // A backstop in host time where the host clock moves (Node; not a Worker mid-compute):
      // built-ins doing much work per call (filling a huge array, say) tick the interrupt
      // counter rarely, so the budget alone can let such code run for long.
      const hardDeadline = Date.now() + timeoutMs * HOST_TIME_FACTOR;
      runtime.setInterruptHandler(() => {
        checks += 1;
        outOfBudget ||= checks > budget || Date.now() > hardDeadline;
        return outOfBudget;
      });
      const context = runtime.newContext();
      const result = runProgram(runtime, context, program, () => outOfBudget);
      // Code that took the engine's memory to its cap ran out of memory, however it ended
      // (QuickJS, unable to allocate even an error, throws null).
      const exhausted = quickjs.getWasmMemory().buffer.byteLength >= ENGINE_MEMORY_BYTES;
      // After running out of memory QuickJS cannot free the runtime (it asserts and aborts):
      // the engine is dropped instead, and its memory goes back to the host with it.
      const discard = exhausted || result.limit === 'memory' || !release(runtime, context, () => (outOfBudget = true));
      if (discard) engine = undefined;
      return exhausted ? { ...result, error: MESSAGES.memory, limit: 'memory' } : result;
    },
  };
}
