/**
 * @upstash/ratelimit, unchanged, through the bridge on both backends. Its Lua scripts carry
 * the Upstash-only `allow-key-locking` shebang flag and it uses EVALSHA with a NOSCRIPT
 * fallback, so these tests cover the script handling of both backends end to end.
 */
import { Ratelimit } from '@upstash/ratelimit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VARIANTS, sleep, startFixture, suiteName, type Fixture } from './test-support.ts';

const WINDOW_MS = 1_000;

/** Waits until just after a window boundary so a burst of requests lands in one window. */
async function startOfWindow(): Promise<number> {
  await sleep(WINDOW_MS - (Date.now() % WINDOW_MS) + 20);
  return Date.now();
}

/**
 * Six requests from a fresh identifier, started just after a window boundary, answered
 * before the next one. On a busy machine six round trips through the stand-in can take
 * longer than a window; such a run says nothing about the algorithm and is made again,
 * with a new identifier (five tries, then a failure that says so).
 */
async function sixInOneWindow(limit: (id: string) => Promise<Awaited<ReturnType<Ratelimit['limit']>>>) {
  const took: number[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = `user-${attempt}-${Math.random().toString(36).slice(2)}`;
    const start = await startOfWindow();
    const windowEnd = (Math.floor(start / WINDOW_MS) + 1) * WINDOW_MS;
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await limit(id));
    if (Date.now() < windowEnd) return { id, results, windowEnd };
    took.push(Date.now() - start);
  }
  throw new Error(`six requests never fitted in one ${WINDOW_MS} ms window in 5 tries (${took.join(', ')} ms)`);
}

for (const variant of VARIANTS) {
  describe.skipIf(variant.skipReason !== undefined)(suiteName('@upstash/ratelimit', variant), () => {
    let f: Fixture;
    beforeAll(async () => {
      f = await startFixture(variant);
    });
    afterAll(async () => {
      await f?.close();
    });

    const limiter = (name: string, algorithm: ReturnType<typeof Ratelimit.slidingWindow>) =>
      new Ratelimit({
        redis: f.redis,
        limiter: algorithm,
        prefix: f.key(name),
        // No local shortcut and no timeout fallback: every decision must come from Redis.
        ephemeralCache: false,
        analytics: false,
        timeout: 0,
      });

    test('slidingWindow(5, "1 s") allows 5, denies the 6th, and weighs the previous window', async () => {
      const rl = limiter('sliding', Ratelimit.slidingWindow(5, '1 s'));
      const { id, results, windowEnd } = await sixInOneWindow((id) => rl.limit(id));
      expect(results.map((r) => r.success)).toEqual([true, true, true, true, true, false]);
      expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
      for (const r of results) {
        expect(r.limit).toBe(5);
        expect(r.reset).toBe(windowEnd);
      }
      expect((await rl.limit(`${id}-other`)).success).toBe(true);
      // Read back only if still in that window; the next check covers what follows it.
      if (Date.now() < windowEnd - 50) {
        expect(await rl.getRemaining(id)).toMatchObject({ remaining: 0, reset: windowEnd });
      }

      // Just after the boundary most of the previous window still counts against the new one.
      await sleep(windowEnd - Date.now() + 30);
      const next = await rl.limit(id);
      expect(next.success).toBe(true);
      expect(next.remaining).toBeLessThan(4);
    });

    test('fixedWindow(5, "1 s") allows 5, denies the 6th, and resets fully at the boundary', async () => {
      const rl = limiter('fixed', Ratelimit.fixedWindow(5, '1 s'));
      const { id, results, windowEnd } = await sixInOneWindow((id) => rl.limit(id));
      expect(results.map((r) => r.success)).toEqual([true, true, true, true, true, false]);
      expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
      expect(results[5]?.reset).toBe(windowEnd);
      if (Date.now() < windowEnd - 50) expect(await rl.getRemaining(id)).toMatchObject({ remaining: 0 });

      await sleep(windowEnd - Date.now() + 30);
      const next = await rl.limit(id);
      expect(next).toMatchObject({ success: true, remaining: 4 });
    });

    test('resetUsedTokens (SCAN + DEL inside Lua) clears an identifier', async () => {
      const rl = limiter('reset', Ratelimit.fixedWindow(2, '10 s'));
      await rl.limit('user-1');
      await rl.limit('user-1');
      expect((await rl.limit('user-1')).success).toBe(false);
      await rl.resetUsedTokens('user-1');
      expect(await rl.limit('user-1')).toMatchObject({ success: true, remaining: 1 });
    });

    test('a Redis outage surfaces as an error instead of a silent allow', async () => {
      const rl = limiter('outage', Ratelimit.slidingWindow(5, '1 s'));
      f.bridge.setUnavailable(true);
      try {
        await expect(rl.limit('user-1')).rejects.toThrow(/unavailable/);
      } finally {
        f.bridge.setUnavailable(false);
      }
      expect((await rl.limit('user-1')).success).toBe(true);
    });
  });
}
