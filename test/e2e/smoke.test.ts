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
