import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

// Two projects. "node": every suite that runs in Node — unit tests, and the Worker
// integration and browser (e2e) suites that drive the real Worker inside workerd
// (Miniflare) over HTTP; the local stack they need is started once by
// test/global-setup.ts and torn down after the run. "components": the frontend's widget
// tests (`*.test.tsx`), compiled by Solid's plugin and rendered in jsdom.
export default defineConfig({
  test: {
    // One file at a time: the rate-limit suites measure 1-second windows, and workerd
    // instances booting in parallel on a 2-core machine would stretch a burst past one.
    fileParallelism: false,
    projects: [
      {
        test: {
          name: 'node',
          include: ['{worker,durable,ops,test,frontend/src,frontend/build}/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [solid()],
        resolve: { conditions: ['development', 'browser'] },
        test: {
          name: 'components',
          include: ['frontend/src/**/*.test.tsx'],
          environment: 'jsdom',
          fileParallelism: false,
          testTimeout: 20_000,
        },
      },
    ],
  },
});
