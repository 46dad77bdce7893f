/**
 * The Worker on workerd without `wrangler dev`: wrangler bundles it exactly as for a deploy
 * (`deploy --dry-run --outdir`), and Miniflare serves that bundle with the bindings the
 * wrangler.toml declares. Tests and benchmarks use this because `wrangler dev`'s proxy
 * layer drops requests under load; `npm run dev` uses `wrangler dev` for live reload.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  Log,
  LogLevel,
  Miniflare,
  convertV4MiniflareOptions,
  type V4ModuleDefinition,
  type V4ModuleRuleType,
  type V4WorkerOptions,
} from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');

/** Bundles the Worker into `outDir` and returns the path of the bundle's entry module. */
export async function bundleWorker(outDir: string): Promise<string> {
  await promisify(execFile)(WRANGLER, ['deploy', '--dry-run', '--outdir', outDir], {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  return join(outDir, 'index.js');
}

/**
 * How a deploy bundle's files load, by extension: wrangler's default module rules, which
 * decided how each import was written (`import wasm from "./….wasm"` is a CompiledWasm).
 */
const MODULE_TYPES: Record<string, V4ModuleRuleType> = {
  '.js': 'ESModule',
  '.mjs': 'ESModule',
  '.cjs': 'CommonJS',
  '.wasm': 'CompiledWasm',
  '.txt': 'Text',
  '.html': 'Text',
  '.sql': 'Text',
  '.bin': 'Data',
};

/**
 * The bundle's modules, the entry first: wrangler writes imported WebAssembly (QuickJS, for
 * code exercises) and other non-JavaScript imports as files next to the script.
 */
export function bundleModules(bundlePath: string): V4ModuleDefinition[] {
  const dir = dirname(bundlePath);
  const others = readdirSync(dir)
    .filter((file) => file !== basename(bundlePath) && MODULE_TYPES[extname(file)] !== undefined)
    .sort();
  return [bundlePath, ...others.map((file) => join(dir, file))].map((path) => ({
    type: MODULE_TYPES[extname(path)] ?? 'ESModule',
    path,
  }));
}

export interface WorkerRuntimeOptions {
  bundlePath: string;
  port?: number;
  /** Values for secrets and overrides of `[vars]`, e.g. DATABASE_URL, NEON_WS_PROXY. */
  bindings: Record<string, string>;
  /** Where Durable Object storage lives; in memory when unset. */
  persistDir?: string;
  verbose?: boolean;
}

export interface WorkerRuntime {
  url: URL;
  miniflare: Miniflare;
  close(): Promise<void>;
}

export async function startWorkerRuntime(options: WorkerRuntimeOptions): Promise<WorkerRuntime> {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(join(ROOT, 'wrangler.toml'));
  // The bundle's modules are listed one by one (bundleModules), so wrangler's rules for
  // importing other file types are not needed here (and Miniflare 5 cannot convert them).
  const { modulesRules: _rules, rootPath: _root, ...declared } = workerOptions;
  // wrangler still describes workers in Miniflare 4's option shape; Miniflare converts it.
  const worker = {
    ...declared,
    name: 'jeseci-api',
    modules: bundleModules(options.bundlePath),
    modulesRoot: dirname(options.bundlePath),
    bindings: { ...(declared.bindings as Record<string, unknown> | undefined), ...options.bindings },
  } as V4WorkerOptions;
  // wrangler still describes workers in Miniflare 4's option shape; Miniflare converts it.
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      workers: [worker],
      host: '127.0.0.1',
      port: options.port ?? 0,
      // Miniflare would otherwise download a sample `request.cf` object; nothing here may
      // reach the internet, and no code of ours depends on those fields being real.
      cf: false,
      ...(options.persistDir ? { resourcePersistencePath: options.persistDir } : {}),
      log: new Log(options.verbose ? LogLevel.INFO : LogLevel.WARN),
      // The Worker's own console lines (one per request) only when asked for: test and
      // benchmark output stays readable, and TEST_VERBOSE=1 brings them back.
      ...(options.verbose ? {} : { handleStructuredLogs: () => {} }),
    }),
  );
  const url = await miniflare.ready;
  return { url, miniflare, close: () => miniflare.dispose() };
}
