/**
 * What browser suites share: the built app and a browser for the suite, the real course
 * packs in the test database, accounts of any role, and signing a browser context in with
 * a session made through the API (so each test does not have to type a password; the
 * sign-in screen has its own test).
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadContent } from '../../ops/content/load-content.ts';
import { accountWithRole as accountOf, type Role, type TestAccount } from './accounts.ts';
import { DESKTOP, launchBrowser, newPerson } from './browser.ts';
import { startWebApp, type WebApp } from './web-app.ts';

let seeded: Promise<unknown> | undefined;

/** Loads every pack under content/ (idempotent; once per test process). */
export function seedCourses(): Promise<unknown> {
  seeded ??= loadContent(inject('stack').databaseUrl);
  return seeded;
}

/** A new account of `role` with this display name. */
export function accountWithRole(role: Role, displayName = `E2E ${role}`): Promise<TestAccount> {
  return accountOf(role, { displayName });
}

/**
 * Signs the browser context in through the API (its request client shares the context's
 * cookie jar), so the context holds the real HttpOnly `__Host-` session cookie.
 */
export async function signInContext(context: BrowserContext, baseURL: string, account: TestAccount): Promise<void> {
  const response = await context.request.post(new URL('/api/auth/login', baseURL).toString(), {
    data: { email: account.email, password: account.password },
  });
  if (response.status() !== 200) throw new Error(`sign-in for ${account.email} answered ${response.status()}`);
}

export type Person = Awaited<ReturnType<typeof newPerson>>;

/** The app and the browser of one suite (see useWebApp); read them inside tests and hooks. */
export interface WebAppInBrowser {
  /** The app's address, e.g. http://localhost:4173. */
  readonly url: string;
  readonly browser: Browser;
  /** A new person on the app: own cookies, own client IP, console errors collected. */
  person(viewport?: typeof DESKTOP): Promise<Person>;
  /** A new person already signed in as `account`. */
  signedIn(account: TestAccount, viewport?: typeof DESKTOP): Promise<Person>;
}

/**
 * Serves the built app and launches a browser before the suite's tests, and closes both
 * after them: call it at the top of a `describe`. The suite's own beforeAll (seeding,
 * accounts) can come before or after it.
 */
export function useWebApp(): WebAppInBrowser {
  let web: WebApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(inject('stack').workerUrl), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  const started = () => {
    if (!web || !browser) throw new Error('useWebApp: the app is not started yet (read it inside a test or hook)');
    return { web, browser };
  };
  const app: WebAppInBrowser = {
    get url() {
      return started().web.url;
    },
    get browser() {
      return started().browser;
    },
    person: (viewport = DESKTOP) => newPerson(app.browser, app.url, viewport),
    async signedIn(account, viewport) {
      const person = await app.person(viewport);
      await signInContext(person.context, app.url, account);
      return person;
    },
  };
  return app;
}
