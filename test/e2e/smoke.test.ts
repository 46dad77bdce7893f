/** The built app loads under the production CSP, and unknown paths get the app's own 404 page. */
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { accountWithRole, signInContext, useWebApp } from '../support/e2e.ts';

describe.skipIf(!hasChromium)('the web app in a browser', () => {
  const app = useWebApp();

  it('renders a page under the Content-Security-Policy without console errors', async () => {
    const { page, consoleErrors, context } = await app.person();
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('counts a refused request as an error until that same request goes through, and any other error for good', async () => {
    // The browser tests' console check (test/support/browser.ts) forgives a 429 the app
    // waited out and sent again; it must forgive nothing else.
    const { page, consoleErrors, settled, context } = await app.person();
    // The page's own requests are done first: one refused mid-drain would be retried by
    // the app and come and go on its own.
    await page.goto('/', { waitUntil: 'networkidle' });
    // Spend the address's burst, each request at a URL of its own. On a busy machine a
    // burst may straddle a refill and all get through; then another.
    const refused: string[] = [];
    for (let round = 0; refused.length === 0 && round < 5; round++) {
      const urls = Array.from({ length: 26 }, (_, i) => `/api/version?round=${round}&n=${i}`);
      const statuses = await page.evaluate(
        (urls) => Promise.all(urls.map((url) => fetch(url).then((res) => res.status))),
        urls,
      );
      refused.push(...urls.filter((_, i) => statuses[i] === 429));
    }
    expect(refused.length).toBeGreaterThan(0);
    await expect.poll(() => consoleErrors.length).toBe(refused.length);
    for (const url of refused) expect(consoleErrors.some((error) => error.includes(url))).toBe(true);

    // Each refused request sent again until it goes through, as the app's client does
    // (waiting out Retry-After; one is sent again at once, so it is refused twice): each
    // success withdraws that request's errors, and only its own; a 404 stays.
    const [kept, ...retried] = refused;
    const send = (url: string) =>
      page.evaluate(
        (url) => fetch(url).then((res) => ({ status: res.status, retryAfter: Number(res.headers.get('retry-after')) })),
        url,
      );
    const sendUntilThrough = async (url: string) => {
      let answer = await send(url);
      for (let tries = 0; answer.status === 429 && tries < 5; tries++) {
        await new Promise((resolve) => setTimeout(resolve, (answer.retryAfter || 1) * 1000));
        answer = await send(url);
      }
      return answer.status;
    };
    if (retried[0]) await send(retried[0]);
    for (const url of retried) expect(await sendUntilThrough(url)).toBe(200);
    expect(await sendUntilThrough('/api/no-such-route')).toBe(404);
    await settled();
    await expect.poll(() => consoleErrors.some((error) => error.includes('status of 404'))).toBe(true);
    expect(consoleErrors).toHaveLength(2);
    expect(consoleErrors.filter((error) => error.includes(`${kept}`))).toHaveLength(1);
    await context.close();
  });

  it('answers an unknown path with the app’s not-found page', async () => {
    const { page, context } = await app.person();
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('sends a signed-out visitor to sign-in and back, and lets a signed-in one through', async () => {
    const { page, context } = await app.person();
    await page.goto('/progress');
    await page.waitForURL(/\/signin\?next=%2Fprogress$/);
    await signInContext(context, app.url, await accountWithRole('learner'));
    await page.goto('/progress');
    await page.waitForURL(/\/progress$/);
    await context.close();
  });
});
