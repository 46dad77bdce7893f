/**
 * The code-exercise sandbox as the Worker runs it. Workers refuse to compile WebAssembly at
 * run time, so QuickJS's .wasm is imported statically: wrangler bundles it as a separate
 * CompiledWasm module next to the script, and emscripten instantiates that module instead
 * of fetching and compiling the file (the package's `workerd` build of its loader).
 *
 * Import this only from the Worker's graph: Node (tests, content:check) cannot import a
 * .wasm file and uses createQuickJsSandbox() without a module.
 */
// The package's exports map names it "./wasm"; wrangler's module rules match the path's
// extension, so the file is imported by its path in dist.
import quickJsWasm from '@jitl/quickjs-wasmfile-release-sync/dist/emscripten-module.wasm';
import { createQuickJsSandbox } from './quickjs-sandbox';
import type { ExerciseSandbox } from './sandbox';

/**
 * One per isolate (a documented per-isolate cache): the engine is instantiated on the first
 * submission and kept; every run still gets a fresh QuickJS runtime.
 */
export const workerSandbox: ExerciseSandbox = createQuickJsSandbox({ wasmModule: quickJsWasm });
