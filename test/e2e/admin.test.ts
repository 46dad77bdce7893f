/**
 * The admin screens in a browser: an admin opens every section, changes a learner's role
 * and disables an account after confirming (and sees the API's refusal for their own), the
 * system health's numbers move after traffic, and a learner is turned away at /admin.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import type { TestAccount } from '../support/accounts.ts';
import { DESKTOP, hasChromium, PHONE, screenshot } from '../support/browser.ts';
import { accountWithRole, seedCourses, useWebApp } from '../support/e2e.ts';
import { api } from '../support/http.ts';

async function roleAndStatus(userId: string): Promise<{ role: string; disabled: boolean }> {
  const client = new pg.Client({ connectionString: inject('stack').databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; disabled: boolean }>(
      'select role, disabled_at is not null as disabled from users where id = $1',
      [userId],
    );
    const row = rows[0];
    if (!row) throw new Error(`no user ${userId}`);
    return row;
  } finally {
    await client.end();
  }
}

/** The whole number at the start of a figure's note ("1,234 requests in the last hour"). */
async function figureNote(page: Page, label: string): Promise<number> {
  const note = await page.locator('.figure', { hasText: label }).locator('.hint').textContent();
  return Number((note ?? '').replace(/,/g, '').match(/\d+/)?.[0] ?? NaN);
}

describe.skipIf(!hasChromium)('the admin screens', () => {
  const app = useWebApp();
  let admin: TestAccount;
  beforeAll(async () => {
    await seedCourses();
    admin = await accountWithRole('admin', `Admin ${randomUUID().slice(0, 6)}`);
  }, 60_000);

  it('lets an admin open every section from its tabs, without console errors', async () => {
    const { page, context, consoleErrors } = await app.signedIn(admin);
    await page.goto('/admin');
    await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
    await page.getByRole('heading', { name: 'Platform statistics' }).waitFor();
    await page.locator('.stat', { hasText: 'Accounts' }).waitFor();
    await page
      .getByRole('table', { name: 'Course completion' })
      .getByText('Object-Spatial Programming with Jac')
      .waitFor();
    await page
      .getByRole('img', { name: /^Users by role: Learners \d+/ })
      .locator('canvas')
      .waitFor();
    await expect(page.title()).resolves.toBe('Admin · Stats · Jeseci');

    const tabs = page.getByRole('navigation', { name: 'Admin sections' });
    await tabs.getByRole('link', { name: 'Activity' }).click();
    await page.waitForURL(/\/admin\/activity$/);
    await page.getByRole('heading', { name: 'Activity log' }).waitFor();
    await page.locator('.activity-list li').first().waitFor();
    // Filtering by kind asks the API for that kind only.
    await page.getByLabel('Show').selectOption('registered');
    await expect
      .poll(() => page.locator('.activity-list li .badge').allTextContents(), { timeout: 10_000 })
      .toSatisfy((kinds: string[]) => kinds.length > 0 && kinds.every((kind) => kind === 'Sign-ups'));

    await tabs.getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByRole('table', { name: 'Accounts' }).waitFor();
    expect(await tabs.getByRole('link', { name: 'Users' }).getAttribute('aria-current')).toBe('page');

    await tabs.getByRole('link', { name: 'Agents' }).click();
    await page
      .getByRole('table', { name: 'Tutor agents’ status' })
      .getByRole('rowheader', { name: 'Orchestrator' })
      .waitFor();

    await tabs.getByRole('link', { name: 'System health' }).click();
    await page.getByText('All systems ready.').waitFor();
    await page.locator('[data-dependency="postgres"]', { hasText: 'up' }).waitFor();

    await page.goto('/admin/nothing-here');
    await page.getByRole('heading', { name: 'No such section' }).waitFor();
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('changes a learner’s role and disables an account after confirming, and shows the API’s refusal for their own', async () => {
    const name = `Target ${randomUUID().slice(0, 8)}`;
    const learner = await accountWithRole('learner', name);
    const { page, context, consoleErrors } = await app.signedIn(admin);
    await page.goto('/admin/users');
    await page.getByLabel('Name or email').fill(name);
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await row.waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^1 account$/ })
      .waitFor();

    // Changing the select only asks; cancelling leaves the role as it was.
    await page.getByLabel(`Role of ${name}`).selectOption('instructor');
    const dialog = page.getByRole('dialog', { name: `Make ${name} an instructor?` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.getByLabel(`Role of ${name}`).inputValue()).resolves.toBe('learner');
    await expect(roleAndStatus(learner.userId)).resolves.toMatchObject({ role: 'learner' });

    await page.getByLabel(`Role of ${name}`).selectOption('instructor');
    await dialog.getByRole('button', { name: 'Make an instructor' }).click();
    await page.getByText(`${name} is now an instructor.`).waitFor();
    await expect(roleAndStatus(learner.userId)).resolves.toMatchObject({ role: 'instructor' });
    await expect(page.getByLabel(`Role of ${name}`).inputValue()).resolves.toBe('instructor');

    // Disabling: Escape backs out; confirming ends the account's sessions.
    await row.getByRole('button', { name: `Disable ${name}` }).click();
    const disable = page.getByRole('dialog', { name: `Disable ${name}’s account?` });
    await disable.waitFor();
    await page.keyboard.press('Escape');
    await disable.waitFor({ state: 'hidden' });
    await expect(roleAndStatus(learner.userId)).resolves.toMatchObject({ disabled: false });
    await row.getByRole('button', { name: `Disable ${name}` }).click();
    await disable.getByRole('button', { name: 'Disable account' }).click();
    await row.getByText('Disabled').waitFor();
    await expect(roleAndStatus(learner.userId)).resolves.toMatchObject({ disabled: true });
    const me = await api('/api/me', { headers: { authorization: `Bearer ${learner.token}` } });
    expect(me.status).toBe(401);

    // Their own account: the API refuses, and its sentence is what the admin reads.
    await page.getByLabel('Name or email').fill(admin.email);
    await page.getByRole('button', { name: 'Search' }).click();
    const own = page.getByRole('row', { name: /you/ }).filter({ hasText: admin.email });
    await own.waitFor();
    await own.getByRole('button', { name: /^Disable/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable account' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'You cannot change your own role or disable your own account.' })
      .waitFor();
    await expect(roleAndStatus(admin.userId)).resolves.toMatchObject({ role: 'admin', disabled: false });
    // The browser logs the refused request itself; nothing else went wrong.
    expect(consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    await context.close();
  });

  it('shows system health whose numbers move after requests, and can pause its refresh', async () => {
    const { page, context, consoleErrors } = await app.signedIn(admin);
    await page.goto('/admin/system');
    await page.getByText('All systems ready.').waitFor();
    const requestsBefore = await figureNote(page, 'Request rate');
    const errorsBefore = await figureNote(page, 'Error rate');
    expect(requestsBefore).toBeGreaterThan(0);

    for (let i = 0; i < 10; i++) expect((await api('/api/version')).status).toBe(200);
    expect((await api('/api/_test/bug')).status).toBe(500);

    // Metrics are written just after each response: refresh until they show.
    let requestsAfter = requestsBefore;
    let errorsAfter = errorsBefore;
    for (
      let tries = 0;
      tries < 20 && (requestsAfter < requestsBefore + 11 || errorsAfter < errorsBefore + 1);
      tries++
    ) {
      await page.getByRole('button', { name: 'Refresh now' }).click();
      await page.getByRole('button', { name: 'Refresh now' }).waitFor();
      requestsAfter = await figureNote(page, 'Request rate');
      errorsAfter = await figureNote(page, 'Error rate');
    }
    expect(requestsAfter).toBeGreaterThanOrEqual(requestsBefore + 11);
    expect(errorsAfter).toBeGreaterThanOrEqual(errorsBefore + 1);
    await expect(page.locator('.figure', { hasText: 'Error rate' }).locator('.value').textContent()).resolves.not.toBe(
      '0%',
    );
    await page
      .getByRole('img', { name: /^Requests per minute over the last hour/ })
      .locator('canvas')
      .waitFor();
    await page.getByRole('button', { name: 'Pause auto-refresh' }).click();
    await page.getByText(/Auto-refresh is paused\./).waitFor();
    await expect(page.getByText(/Auto-refresh is paused\./).getAttribute('aria-live')).resolves.toBe('polite');
    await page.getByRole('button', { name: 'Resume auto-refresh' }).click();
    await page.getByText(/Refreshes every 30 s\./).waitFor();
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('saves the stats, users and system health on a desktop and a phone', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, context, consoleErrors } = await app.signedIn(admin, viewport);
      await page.goto('/admin');
      await page
        .getByRole('img', { name: /^Share of learners who finished each course/ })
        .locator('canvas')
        .waitFor();
      await screenshot(page, 'admin-stats');
      await page.goto('/admin/users');
      await page.getByRole('table', { name: 'Accounts' }).waitFor();
      await screenshot(page, 'admin-users');
      await page.goto('/admin/system');
      await page
        .getByRole('img', { name: /^95th percentile latency/ })
        .locator('canvas')
        .waitFor();
      await screenshot(page, 'admin-system');
      expect(consoleErrors).toEqual([]);
      await context.close();
    }
  });

  it('turns a learner away at /admin with the “not for this account” page', async () => {
    const learner = await accountWithRole('learner');
    const { page, context } = await app.signedIn(learner);
    await page.goto('/admin/users');
    await page.getByRole('heading', { name: 'Not for this account' }).waitFor();
    await expect(page.getByText('This page is for admin accounts.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('navigation', { name: 'Admin sections' }).count()).resolves.toBe(0);
    // And the API agrees.
    const res = await api('/api/admin/users', { headers: { authorization: `Bearer ${learner.token}` } });
    expect(res.status).toBe(403);
    await context.close();
  });
});
