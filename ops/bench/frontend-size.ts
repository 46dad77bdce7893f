/**
 * `npm run bench:frontend`: builds the app and records each screen's initial JavaScript
 * (gzip; entry + the screen's chunk + their static imports) in docs/benchmarks.md, against
 * the 60 KB budget of the landing page and the dashboard. The build itself fails over budget.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ScreenSize } from '../../frontend/build/size-report.ts';
import { ROOT } from '../stack/worker-runtime.ts';
import { writeSection } from './report.ts';

await promisify(execFile)(
  join(ROOT, 'node_modules', '.bin', 'vite'),
  ['build', '--config', 'frontend/vite.config.ts'],
  {
    cwd: ROOT,
  },
);
const sizes = JSON.parse(await readFile(join(ROOT, '.build', 'frontend-sizes.json'), 'utf8')) as ScreenSize[];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = sizes.map(
  (size) =>
    `| ${size.screen} | ${kb(size.gzipBytes)} | ${size.budgetBytes === undefined ? '' : `${kb(size.budgetBytes)} ${size.gzipBytes <= size.budgetBytes ? '✓' : '✗ over'}`} | ${size.chunks.length} |`,
);
const body = [
  `## Frontend bundle sizes (\`npm run bench:frontend\`, ${new Date().toISOString().slice(0, 10)})`,
  '',
  'Initial JavaScript a first visit to each screen downloads before it can draw: the entry chunk,',
  'the screen’s lazy chunk and every chunk either imports statically, gzipped (level 9). Chunks',
  'loaded later by the screen itself (CodeMirror, uPlot, the Markdown renderer) are not counted.',
  '',
  '| screen | initial JS (gzip) | budget | chunks |',
  '|---|---:|---|---:|',
  ...rows,
  '',
].join('\n');
const file = await writeSection(join(ROOT, 'docs', 'benchmarks.md'), 'frontend', body);
console.log(`wrote ${file}`);
