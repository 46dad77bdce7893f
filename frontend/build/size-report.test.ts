import { describe, expect, it } from 'vitest';
import { formatSizeTable, overBudget, screenSizes, staticClosure, type ChunkNode } from './size-report';

function chunk(fileName: string, imports: string[], gzipBytes: number, extra: Partial<ChunkNode> = {}): ChunkNode {
  return { fileName, imports, gzipBytes, facadeModuleId: null, isEntry: false, ...extra };
}

const bundle = new Map<string, ChunkNode>(
  [
    chunk('index.js', ['web.js'], 20_000, { isEntry: true, facadeModuleId: '/app/frontend/index.html' }),
    chunk('web.js', [], 5_000),
    chunk('Landing.js', ['web.js'], 3_000, { facadeModuleId: '/app/frontend/src/pages/public/Landing.tsx' }),
    chunk('Progress.js', ['uplot.js'], 4_000, { facadeModuleId: '/app/frontend/src/pages/learner/Progress.tsx' }),
    chunk('uplot.js', ['web.js'], 40_000),
    chunk('codemirror.js', [], 120_000),
  ].map((c) => [c.fileName, c]),
);

describe('size report', () => {
  it('follows static imports once each, not dynamic ones', () => {
    expect(staticClosure(bundle, ['index.js', 'Progress.js']).sort()).toEqual(
      ['index.js', 'web.js', 'Progress.js', 'uplot.js'].sort(),
    );
  });

  it('sums the entry, the page and what they import for each page', () => {
    const sizes = screenSizes(bundle, { Landing: 30_000, Progress: 60_000 });
    expect(sizes.map((s) => [s.screen, s.gzipBytes])).toEqual([
      ['Landing', 28_000],
      ['Progress', 69_000],
    ]);
    expect(overBudget(sizes).map((s) => s.screen)).toEqual(['Progress']);
    expect(formatSizeTable(sizes)).toContain('  Progress           67.4 KB (budget 58.6 KB)');
  });
});
