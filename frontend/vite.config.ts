// The Solid app's dev server and build. In development it passes /api/* (WebSocket
// upgrades included) to the Worker, so the browser sees one origin as it does in
// production, where Pages and the Worker share a zone. The build prints each screen's
// initial JavaScript and fails when the landing page or the dashboard is over budget.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { sizeReport } from './build/size-report.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const reportDir = fileURLToPath(new URL('../.build/', import.meta.url));

export default defineConfig({
  root,
  plugins: [
    solid(),
    sizeReport({
      // For `npm run bench:frontend`, which records the figures in docs/benchmarks.md.
      onReport: async (sizes) => {
        await mkdir(reportDir, { recursive: true });
        await writeFile(`${reportDir}frontend-sizes.json`, JSON.stringify(sizes, null, 2));
      },
    }),
  ],
  server: {
    host: 'localhost',
    proxy: {
      '/api': { target: process.env.JESECI_API_URL ?? 'http://127.0.0.1:8787', ws: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
