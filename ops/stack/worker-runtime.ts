/**
 * The Worker on workerd without `wrangler dev`: wrangler bundles it exactly as for a deploy
 * (`deploy --dry-run --outdir`), and Miniflare serves that bundle with the bindings the
 * wrangler.toml declares. Tests and benchmarks use this because `wrangler dev`'s proxy
 * layer drops requests under load; `npm run dev` uses `wrangler dev` for live reload.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Log, LogLevel, Miniflare, convertV4MiniflareOptions, type V4WorkerOptions } from 'miniflare';
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
  // The bundle is one self-contained module, so wrangler's rules for importing other file
  // types do not apply (and Miniflare 5 cannot convert them).
  const { modulesRules: _rules, rootPath: _root, ...declared } = workerOptions;
  // wrangler still describes workers in Miniflare 4's option shape; Miniflare converts it.
  const worker = {
    ...declared,
    name: 'jeseci-api',
    modules: true,
    scriptPath: options.bundlePath,
    modulesRoot: join(options.bundlePath, '..'),
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
