/**
 * Chromium for end-to-end tests: Debian's package driven by playwright-core (browsers
 * cannot be downloaded here). `.ci/run` installs it; on a machine without it the browser
 * suites skip with a note rather than fail, so `npm test` stays green on a bare laptop.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../../ops/stack/worker-runtime.ts';
import { freshClientIp } from './http.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn(`[e2e] ${CHROMIUM_PATH} not found: browser tests skip (apt-get install -y chromium)`);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

/**
 * A browser context as one person on one device: its own cookies and its own client IP
 * (the rate limiter keys on `cf-connecting-ip`, which Cloudflare sets in production).
 * Console errors and failed page loads are collected so a test can assert there were none
 * (a CSP violation shows up there); a rate-limited request the app sent again successfully
 * does not count.
 */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; consoleErrors: string[]; settled: () => Promise<void> }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    extraHTTPHeaders: { 'cf-connecting-ip': freshClientIp() },
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  // Requests the rate limiter refused, by URL, with the console error each left. The app
  // waits out a short refusal and sends the request again (frontend/src/api/client.ts), so
  // a refusal followed by the same request succeeding is the app working, and its error is
  // withdrawn; one never recovered from stays and fails the test.
  const refused = new Map<string, string[]>();
  page.on('console', (message) => {
    const text = message.text();
    // A signed-out visitor's session check answers 401 by design; the browser logs it.
    if (message.type() !== 'error' || text.includes('status of 401')) return;
    const url = message.location().url;
    if (!text.includes('status of 429') || !url) return void consoleErrors.push(text);
    // Named with its URL, so a refusal never recovered from says which request it was.
    const entry = `${text} (${url})`;
    consoleErrors.push(entry);
    refused.set(url, [...(refused.get(url) ?? []), entry]);
  });
  // Any answer but another 429 withdraws every refusal of that request (the request got
  // past the limiter; a 4xx it then got is an error of its own). The client may have been
  // refused more than once first, a retry landing before the bucket refilled.
  page.on('response', (response) => {
    const waiting = refused.get(response.url());
    if (!waiting?.length || response.status() === 429) return;
    for (const entry of waiting.splice(0)) {
      const at = consoleErrors.indexOf(entry);
      if (at >= 0) consoleErrors.splice(at, 1);
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  // Before asserting on the console: refusals still being waited out (the client waits up
  // to 10 s in all) get their chance to go through.
  const settled = async () => {
    const deadline = Date.now() + 12_000;
    while ([...refused.values()].some((waiting) => waiting.length > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { context, page, consoleErrors, settled };
}

/**
 * `npm run screenshots` (UPDATE_SCREENSHOTS=1) refreshes the README's pictures in
 * docs/screenshots; an ordinary test run writes to .build/screenshots, so `npm test` leaves
 * the working tree as it found it (names, dates and streaks differ on every run).
 */
const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : join(ROOT, '.build', 'screenshots');

/** Saves `<name>-<desktop|phone>.png` of the page as it is now (see SCREENSHOTS for where). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? DESKTOP.width;
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}-${width <= PHONE.width ? 'phone' : 'desktop'}.png`),
    fullPage: true,
  });
}
