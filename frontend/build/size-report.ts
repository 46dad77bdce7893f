/**
 * The build's size report: for each screen, the JavaScript a first visit downloads before
 * it can draw — the entry chunk, the screen's lazy chunk, and every chunk either imports
 * statically — gzipped. The landing page and the dashboard have a budget (the issue's
 * 60 KB); the build fails when one is over, so a heavy import cannot slip into them.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface ChunkNode {
  fileName: string;
  /** Source module the chunk stands for (a lazy page's file), when it has one. */
  facadeModuleId: string | null;
  isEntry: boolean;
  /** Static imports: loaded before the chunk runs. */
  imports: string[];
  gzipBytes: number;
}

export interface ScreenSize {
  screen: string;
  chunks: string[];
  gzipBytes: number;
  budgetBytes?: number;
}

/** Budgets in gzip bytes by screen name (the page module's base name). */
export const BUDGETS: Record<string, number> = { Landing: 60 * 1024, Dashboard: 60 * 1024 };

/** Every chunk reachable through static imports from `roots`, each once. */
export function staticClosure(chunks: ReadonlyMap<string, ChunkNode>, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const next of chunks.get(fileName)?.imports ?? []) visit(next);
  };
  roots.forEach(visit);
  return [...seen];
}

/** Initial JS per screen: every chunk whose source is a page under `pages/`. */
export function screenSizes(chunks: ReadonlyMap<string, ChunkNode>, budgets = BUDGETS): ScreenSize[] {
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('the bundle has no entry chunk');
  const sizes: ScreenSize[] = [];
  for (const chunk of chunks.values()) {
    const page = /\/pages\/(?:[^/]+\/)*([A-Za-z]+)\.tsx$/.exec(chunk.facadeModuleId ?? '')?.[1];
    if (!page || chunk.isEntry) continue;
    const files = staticClosure(chunks, [entry.fileName, chunk.fileName]);
    const gzipBytes = files.reduce((sum, file) => sum + (chunks.get(file)?.gzipBytes ?? 0), 0);
    sizes.push({ screen: page, chunks: files, gzipBytes, ...(budgets[page] ? { budgetBytes: budgets[page] } : {}) });
  }
  return sizes.sort((a, b) => a.screen.localeCompare(b.screen));
}

export function overBudget(sizes: readonly ScreenSize[]): ScreenSize[] {
  return sizes.filter((size) => size.budgetBytes !== undefined && size.gzipBytes > size.budgetBytes);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatSizeTable(sizes: readonly ScreenSize[]): string {
  const rows = sizes.map((size) => {
    const budget = size.budgetBytes === undefined ? '' : ` (budget ${kb(size.budgetBytes)})`;
    return `  ${size.screen.padEnd(16)} ${kb(size.gzipBytes).padStart(9)}${budget}`;
  });
  return ['Initial JavaScript per screen (gzip):', ...rows].join('\n');
}

/** Vite plugin: measures the written bundle, prints the table, fails the build over budget. */
export function sizeReport(options: { onReport?: (sizes: ScreenSize[]) => void | Promise<void> } = {}): Plugin {
  return {
    name: 'jeseci-size-report',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkNode>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks.set(output.fileName, {
          fileName: output.fileName,
          facadeModuleId: output.facadeModuleId,
          isEntry: output.isEntry,
          imports: output.imports,
          gzipBytes: gzipSync(output.code, { level: 9 }).length,
        });
      }
      const sizes = screenSizes(chunks);
      console.log(`\n${formatSizeTable(sizes)}\n`);
      await options.onReport?.(sizes);
      const over = overBudget(sizes);
      if (over.length > 0) {
        this.error(
          `over the size budget: ${over.map((s) => `${s.screen} ${kb(s.gzipBytes)} > ${kb(s.budgetBytes ?? 0)}`).join(', ')}`,
        );
      }
    },
  };
}
