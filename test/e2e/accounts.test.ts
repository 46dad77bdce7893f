/**
 * Accounts in a browser, through the real forms: the start page, sign-up, sign-out and
 * sign-in (wrong password, `?next=`, keyboard only), a forgotten password reset with the
 * emailed link, settings that persist, signing out everywhere, and deleting the account.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, signUp, uniqueEmail } from '../support/accounts.ts';
import { hasChromium, PHONE, screenshot } from '../support/browser.ts';
import { seedCourses, signInContext, useWebApp } from '../support/e2e.ts';
import { api } from '../support/http.ts';
import { nextEmailTo, resetTokenFrom } from '../support/outbox.ts';

const NEW_PASSWORD = 'lantern orbit meadow quartz';

async function apiLogin(email: string, password: string): Promise<number> {
  const response = await api('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return response.status;
}

async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** True when nothing is wider than the viewport (no sideways scrolling on a phone). */
function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe.skipIf(!hasChromium)('accounts in the browser', () => {
  const app = useWebApp();
  beforeAll(() => seedCourses(), 60_000);

  it('happy: the start page says what Jeseci is, lists the real courses and offers the ways in', async () => {
    const { page, context, consoleErrors } = await app.person();
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/right difficulty/);
    await page.getByRole('heading', { name: 'Object-Spatial Programming with Jac' }).waitFor();
    const main = page.getByRole('main');
    for (const name of ['Sign up, it’s free', 'Sign in', 'Join a live quiz']) {
      await expect(main.getByRole('link', { name, exact: true }).first().isVisible()).resolves.toBe(true);
    }
    await expect(
      main.getByRole('link', { name: 'Graphs and walkers in JavaScript' }).getAttribute('href'),
    ).resolves.toBe('/signup?next=%2Fcourses%2Fjs-graphs');
    await screenshot(page, 'landing');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(background()).resolves.toBe('rgb(13, 17, 23)');
    await screenshot(page, 'landing-dark');
    // The theme switch wins over the system's scheme, either way.
    const themeSwitch = page.getByRole('combobox', { name: 'Theme' });
    await themeSwitch.selectOption('light');
    await expect(background()).resolves.toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'light' });
    await themeSwitch.selectOption('dark');
    await expect(background()).resolves.toBe('rgb(13, 17, 23)');
    // Charts draw on a canvas with colours read from script: they come resolved, not as light-dark().
    await expect(
      page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent')),
    ).resolves.toBe('rgb(68, 147, 248)');
    await themeSwitch.selectOption('system');
    await expect(background()).resolves.toBe('rgb(255, 255, 255)');
    expect(consoleErrors).toEqual([]);

    // Signed in, the way in is the dashboard.
    await signInContext(context, app.url, await signUp({ displayName: 'Returning Learner' }));
    await page.goto('/');
    await page.getByRole('link', { name: 'Go to your dashboard' }).waitFor();
    await expect(page.getByText('Welcome back, Returning Learner.').isVisible()).resolves.toBe(true);
    await context.close();
  }, 60_000);

  it('happy: sign up through the form (with the API’s password rules), sign out, and sign in again', async () => {
    const { page, context, consoleErrors } = await app.person();
    const email = uniqueEmail('signup');
    await page.goto('/signup');
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    await expect(page.getByLabel('Time zone', { exact: true }).inputValue()).resolves.toBe(browserZone);
    await screenshot(page, 'signup');

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Display name').fill('Form Learner');
    const password = page.getByLabel('Password', { exact: true });
    // The browser's own check, with the API's sentence, before any request.
    await password.fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Use at least 8 characters (this one has 5).').waitFor();
    await expect(password.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    // Only the server knows the common-password list: its 400 lands on the password field.
    await password.fill('password123');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('This password is one of the most commonly used ones').waitFor();
    await expect(password.getAttribute('aria-invalid')).resolves.toBe('true');

    await page.getByLabel('Time zone', { exact: true }).selectOption('Asia/Tokyo');
    await password.fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/dashboard$/);
    expect(await apiLogin(email, GOOD_PASSWORD)).toBe(200);

    // The same email again is refused with the API's sentence.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${app.url}/`);
    await page.goto('/signup');
    await page.getByLabel('Email').fill(email.toUpperCase());
    await page.getByLabel('Display name').fill('Someone Else');
    await page.getByLabel('Password', { exact: true }).fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').getByText('An account with this email already exists. Sign in instead.').waitFor();

    await page.goto('/signin');
    await screenshot(page, 'signin');
    await fillSignIn(page, email, 'not the password at all');
    await page.getByRole('alert').getByText('The email or password is incorrect.').waitFor();
    await fillSignIn(page, email, GOOD_PASSWORD);
    await page.waitForURL(/\/dashboard$/);
    expect(consoleErrors.filter((error) => !/status of 40[019]/.test(error))).toEqual([]);
    await context.close();
  }, 60_000);

  it('sign-in honours ?next= on this site, and shows the lockout after repeated failures', async () => {
    const account = await signUp();
    const { page, context } = await app.person();
    await page.goto('/signin?next=%2Fsettings');
    await fillSignIn(page, account.email, account.password);
    await page.waitForURL(/\/settings$/);
    await context.close();

    const locked = await signUp();
    for (let attempt = 0; attempt < 10; attempt++) expect(await apiLogin(locked.email, 'wrong password')).toBe(401);
    const second = await app.person();
    await second.page.goto('/signin');
    await fillSignIn(second.page, locked.email, locked.password);
    await second.page
      .getByRole('alert')
      .getByText(/Too many failed sign-ins for this account. Try again in \d+ min\./)
      .waitFor();
    await second.context.close();
  }, 60_000);

  it('security: a ?next= pointing off the site is ignored (sign-in completed with the keyboard only)', async () => {
    const account = await signUp();
    const { page, context } = await app.person();
    await page.goto('/signin?next=%2F%2Fevil.example%2Fphish');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // Tab through the page until the email field has focus: it must be reachable without a mouse.
    let reached = false;
    for (let step = 0; step < 25 && !reached; step++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'email');
    }
    expect(reached).toBe(true);
    await page.keyboard.type(account.email);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('password');
    await page.keyboard.type(account.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard$/);
    expect(new URL(page.url()).host).toBe(new URL(app.url).host);
    await context.close();
  }, 60_000);

  it('happy: a forgotten password is reset with the emailed link, once', async () => {
    const account = await signUp();
    const { page, context, consoleErrors } = await app.person();
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    await page.getByLabel('Email').fill(account.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    const neutral = 'If an account exists for this email, we have sent it a link to choose a new password.';
    await page.getByRole('status').getByText(neutral).waitFor();

    const resetUrl = `/reset-password?token=${resetTokenFrom(await nextEmailTo(account.email))}`;
    await page.goto(resetUrl);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('New password, again').fill(`${NEW_PASSWORD}!`);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('The two passwords are not the same.').waitFor();
    await page.getByLabel('New password, again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('status').getByText('Your password has been changed').waitFor();
    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await page.waitForURL(/\/signin$/);
    await fillSignIn(page, account.email, NEW_PASSWORD);
    await page.waitForURL(/\/dashboard$/);
    expect(await apiLogin(account.email, account.password)).toBe(401);

    // The link works once.
    await page.goto(resetUrl);
    await page.getByLabel('New password', { exact: true }).fill('another fine passphrase');
    await page.getByLabel('New password, again').fill('another fine passphrase');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('alert').getByText('This link has expired or was already used. Ask for a new one.').waitFor();
    await expect(page.getByRole('link', { name: 'Ask for a new link' }).isVisible()).resolves.toBe(true);
    expect(consoleErrors.filter((error) => !/status of 40[01]/.test(error))).toEqual([]);

    // The request answers the same for an address without an account.
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill(uniqueEmail('nobody'));
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').getByText(neutral).waitFor();
    await page.goto('/reset-password');
    await page
      .getByRole('alert')
      .getByText(/This link is incomplete or damaged/)
      .waitFor();
    await context.close();
  }, 60_000);

  it('happy: settings change the display name, time zone and daily goal, and they persist', async () => {
    const account = await signUp({ displayName: 'Settings Learner', timeZone: 'Europe/Paris' });
    const { page, context, consoleErrors } = await app.signedIn(account);
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    const name = page.getByLabel('Display name');
    await expect(name.inputValue()).resolves.toBe('Settings Learner');
    await expect(page.getByLabel('Time zone', { exact: true }).inputValue()).resolves.toBe('Europe/Paris');
    await screenshot(page, 'settings');

    await name.fill('   ');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Enter a display name.').waitFor();
    await name.fill('Renamed Learner');
    await page.getByLabel('Filter the list').fill('tokyo');
    await page.getByText('1 time zone matches.').waitFor();
    await page.getByLabel('Time zone', { exact: true }).selectOption('Asia/Tokyo');
    await page.getByLabel('Daily goal (XP)').fill('50');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').getByText('Profile saved.').waitFor();

    await page.reload();
    await expect(page.getByLabel('Display name').inputValue()).resolves.toBe('Renamed Learner');
    await expect(page.getByLabel('Time zone', { exact: true }).inputValue()).resolves.toBe('Asia/Tokyo');
    await expect(page.getByLabel('Daily goal (XP)').inputValue()).resolves.toBe('50');

    // Preferences save on their own.
    await page.getByLabel('Offer hints on practice items').uncheck();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByRole('status').getByText('Preferences saved.').waitFor();

    // Changing the password: a wrong current one is refused on its field.
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The password is incorrect.').waitFor();
    await page.getByLabel('Current password').fill(account.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .getByRole('status')
      .getByText(/^Password changed\./)
      .waitFor();
    expect(await apiLogin(account.email, NEW_PASSWORD)).toBe(200);

    const me = await (await api('/api/me', { headers: { authorization: `Bearer ${account.token}` } })).json();
    // The session that changed the password stays; the API-made one (another "device") ended.
    expect(me).toMatchObject({ error: { code: 'unauthorized' } });
    expect(consoleErrors.filter((error) => !/status of 400/.test(error))).toEqual([]);
    await context.close();
  }, 60_000);

  it('signs out everywhere, this browser included', async () => {
    const account = await signUp();
    const { page, context } = await app.signedIn(account);
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL(/\/signin$/);
    await page
      .getByRole('status')
      .getByText(/^Signed out everywhere: 2 sessions ended\.$/)
      .waitFor();
    const me = await api('/api/me', { headers: { authorization: `Bearer ${account.token}` } });
    expect(me.status).toBe(401);
    await page.goto('/settings');
    await page.waitForURL(/\/signin\?next=%2Fsettings$/);
    await context.close();
  }, 60_000);

  it('deletes the account after a warning and the password, then returns to the start page', async () => {
    const account = await signUp();
    const { page, context, consoleErrors } = await app.signedIn(account);
    await page.goto('/settings');
    await page.getByText('It cannot be undone.').waitFor();
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const confirm = page.getByLabel('Your password, to confirm');
    await expect(confirm.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await confirm.fill('wrong password');
    await page.getByRole('button', { name: 'Delete my account permanently' }).click();
    await page.getByText('The password is incorrect.').waitFor();
    await confirm.fill(account.password);
    await page.getByRole('button', { name: 'Delete my account permanently' }).click();
    await page.waitForURL(`${app.url}/`);
    await page.getByRole('status').getByText('Your account and everything in it have been deleted.').waitFor();
    await expect(page.getByRole('link', { name: 'Sign in' }).first().isVisible()).resolves.toBe(true);
    expect(await apiLogin(account.email, account.password)).toBe(401);
    expect(consoleErrors.filter((error) => !/status of 40[01]/.test(error))).toEqual([]);
    await context.close();
  }, 60_000);

  it('fits a 360 px phone: start page, sign-up, sign-in and settings', async () => {
    const { page, context, consoleErrors } = await app.person(PHONE);
    for (const [path, name, heading] of [
      ['/', 'landing', /right difficulty/],
      ['/signup', 'signup', /Create your account/],
      ['/signin', 'signin', /Sign in/],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      if (name === 'landing')
        await page.getByRole('heading', { name: 'Object-Spatial Programming with Jac' }).waitFor();
      await expect(fitsWidth(page)).resolves.toBe(true);
      await screenshot(page, name);
    }
    await signInContext(context, app.url, await signUp());
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await expect(fitsWidth(page)).resolves.toBe(true);
    await screenshot(page, 'settings');
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
