import { defineConfig } from 'vitest/config';

// Every suite runs in Node. Worker integration suites drive the real Worker inside
// workerd (Miniflare) over HTTP; the local stack they need is started once by
// test/global-setup.ts and torn down after the run.
export default defineConfig({
  test: {
    include: ['{worker,durable,ops,test,frontend/src}/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // One file at a time: the rate-limit suites measure 1-second windows, and workerd
    // instances booting in parallel on a 2-core machine would stretch a burst past one.
    fileParallelism: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
