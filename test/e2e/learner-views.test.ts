/**
 * The learner's own screens in a browser, for a learner with real progress (answers given
 * through the API): the dashboard, the course map (states, a concept opened from the
 * keyboard), a lesson (highlighted code, marked as read), progress (charts and their
 * tables), achievements and leaderboards. No console errors; desktop and phone screenshots.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { getAs, sendAs, type TestAccount } from '../support/accounts.ts';
import { weekday } from '../../frontend/src/pages/learner/learner-format.ts';
import { streakEndedOn } from '../../worker/jobs/streak-bookkeeping.ts';
import { addDays } from '../../worker/learning/local-time.ts';
import { correctResponseFromKey } from '../support/item-keys.ts';
import { DESKTOP, hasChromium, PHONE, screenshot } from '../support/browser.ts';
import { accountWithRole, seedCourses, useWebApp } from '../support/e2e.ts';

const COURSE = 'osp-with-jac';
const NAME = `Ada Walker ${randomUUID().slice(0, 6)}`;

interface NextItem {
  item: { id: string; type: string; concept: string };
}

/** The right answer to an item, built from its key (read from the database as the grader does). */
function correctResponse(type: string, key: Record<string, unknown>): unknown {
  const response = correctResponseFromKey(type, key);
  if (response === undefined) throw new Error(`no scripted answer for a ${type} item`);
  return response;
}

/** Answers `count` items of a concept through the API, right or wrong as `correct` says. */
async function practise(learner: TestAccount, db: pg.Client, concept: string, count: number, correct = true) {
  for (let i = 0; i < count; i++) {
    const next = await getAs(learner, `/api/courses/${COURSE}/next-item?concept=${concept}`);
    expect(next.status).toBe(200);
    const { item } = (await next.json()) as NextItem;
    const { rows } = await db.query('select answer from items where id = $1', [item.id]);
    const response = correct ? correctResponse(item.type, rows[0].answer) : wrongResponse(item.type);
    const attempt = await sendAs(learner, 'POST', '/api/attempts', {
      itemId: item.id,
      attemptId: randomUUID(),
      response,
      elapsedMs: 9000,
    });
    expect(attempt.status).toBe(200);
  }
}

function wrongResponse(type: string): unknown {
  if (type === 'true-false') return null;
  if (type === 'multi-select' || type === 'parsons') return [];
  if (type === 'fill-blanks') return {};
  return 'not the answer';
}

async function conceptStatus(learner: TestAccount, concept: string): Promise<string | undefined> {
  const skills = (await (await getAs(learner, `/api/courses/${COURSE}/skills`)).json()) as {
    concepts: { slug: string; status: string }[];
  };
  return skills.concepts.find((entry) => entry.slug === concept)?.status;
}

describe.skipIf(!hasChromium)('the learner’s screens in the browser', () => {
  const app = useWebApp();
  let learner: TestAccount;

  beforeAll(async () => {
    await seedCourses();
    learner = await accountWithRole('learner', NAME);
    const db = new pg.Client({ connectionString: inject('stack').databaseUrl });
    await db.connect();
    try {
      // Master the first concept (right answers until it is), then start the next one.
      for (let round = 0; round < 6 && (await conceptStatus(learner, 'first-programs')) !== 'mastered'; round++) {
        await practise(learner, db, 'first-programs', 4);
      }
      await practise(learner, db, 'control-flow', 2);
      await practise(learner, db, 'control-flow', 1, false);
    } finally {
      await db.end();
    }
    // A lesson read already (the reader marks another one in its test).
    const read = await sendAs(learner, 'POST', `/api/courses/${COURSE}/lessons/values-and-types/complete`);
    expect(read.status).toBe(200);
  }, 240_000);

  async function signedIn(viewport = DESKTOP) {
    const person = await app.signedIn(learner, viewport);
    return person;
  }

  /** Each screen on a phone too: it loads without errors and fits 360 px. */
  async function onPhone(path: string, ready: (page: Page) => Promise<unknown>, name: string) {
    const { page, context, consoleErrors } = await signedIn(PHONE);
    await page.goto(path);
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, name);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }

  it('happy: the dashboard shows the goal, streak, tier, what to do next, reviews, achievements and courses', async () => {
    expect(await conceptStatus(learner, 'first-programs')).toBe('mastered');
    // A 5-day streak that ended this past week: the goal met on five days, then five missed,
    // more than the week's freezes bridge. The break is judged by the daily job's own rule.
    const { streak } = (await (await getAs(learner, '/api/me/progress')).json()) as {
      streak: { current: number; today: string };
    };
    const daysBefore = (n: number) => addDays(streak.today, -n);
    const metDays = [10, 9, 8, 7, 6].map(daysBefore);
    const ended = [5, 4, 3, 2, 1]
      .map((n) => streakEndedOn(new Set(metDays), daysBefore(n)))
      .find((found) => found !== null);
    expect(ended).toMatchObject({ lastDay: daysBefore(6), length: 5 });
    const db = new pg.Client({ connectionString: inject('stack').databaseUrl });
    await db.connect();
    try {
      for (const day of metDays) {
        await db.query('insert into daily_activity (user_id, day, xp) values ($1, $2, 100)', [learner.userId, day]);
      }
      await db.query('insert into streak_breaks (user_id, last_day, broken_on, length) values ($1, $2, $3, $4)', [
        learner.userId,
        ended?.lastDay,
        ended?.brokenOn,
        ended?.length,
      ]);
    } finally {
      await db.end();
    }

    const { page, context, consoleErrors } = await signedIn();
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1, name: `Hi, ${NAME}` }).waitFor();

    const today = page.getByRole('region', { name: 'Today' });
    await today.getByRole('progressbar', { name: 'Daily goal' }).waitFor();
    await expect(today.getByRole('list', { name: 'This week' }).getByRole('listitem').count()).resolves.toBe(7);
    await expect(today.textContent()).resolves.toMatch(/\d+ days?\s*streak/);
    await expect(today.textContent()).resolves.toMatch(/longest 5(?!\d)/);
    const toBeat = 5 - streak.current + 1;
    await today
      .getByText(
        streak.current > 0
          ? `Your 5-day streak ended on ${weekday(ended?.brokenOn ?? '', 'long')}. ${toBeat} more day${toBeat === 1 ? '' : 's'} to beat it.`
          : `Your 5-day streak ended on ${weekday(ended?.brokenOn ?? '', 'long')}. Meet today’s goal to start a new one.`,
      )
      .waitFor();

    const level = page.getByRole('region', { name: 'Level' });
    await level.getByRole('progressbar', { name: 'Progress to the next tier' }).waitFor();
    await expect(level.textContent()).resolves.toMatch(/Bronze|Silver|Gold|Platinum/);

    const next = page.getByRole('region', { name: 'What to do next' });
    const action = next.getByRole('link', { name: /Read the lesson|Practise|Start reviewing/ }).first();
    await action.waitFor();
    await expect(action.getAttribute('href')).resolves.toMatch(
      new RegExp(`^(/courses/${COURSE}/(lessons/[\\w-]+|practice(\\?concept=[\\w-]+)?)|/review)$`),
    );

    const reviews = page.getByRole('region', { name: 'Reviews' });
    await expect(reviews.getByText(/due now/).textContent()).resolves.toMatch(/today/);

    const achievements = page.getByRole('region', { name: 'Achievements' });
    await achievements.getByText('First Steps').waitFor();

    const courses = page.getByRole('region', { name: 'Your courses' });
    await courses.getByRole('link', { name: 'Object-Spatial Programming with Jac' }).waitFor();
    await expect(courses.textContent()).resolves.toMatch(/1 of 16 concepts mastered · 1 in progress/);

    await screenshot(page, 'dashboard');
    expect(consoleErrors).toEqual([]);
    await context.close();
    await onPhone(
      '/dashboard',
      (phone) => phone.getByRole('region', { name: 'Your courses' }).getByRole('link').first().waitFor(),
      'dashboard',
    );
  });

  it('happy: the catalogue lists the courses and search marks the matched words', async () => {
    const { page, context, consoleErrors } = await signedIn();
    await page.goto('/courses');
    const catalogue = page.getByRole('region', { name: 'All courses' });
    await catalogue.getByRole('link', { name: 'Object-Spatial Programming with Jac' }).waitFor();
    await catalogue.getByRole('link', { name: 'Graphs and walkers in JavaScript' }).waitFor();

    await page.getByRole('searchbox', { name: 'Search lessons and concepts' }).fill('w');
    await page.getByText('Type at least 2 characters to search.').waitFor();
    await page.getByRole('searchbox', { name: 'Search lessons and concepts' }).fill('walker');
    const results = page.getByRole('region', { name: 'Results for “walker”' });
    await results.getByRole('listitem').first().waitFor();
    await page.waitForURL(/\/courses\?q=walker$/);
    await expect(results.locator('mark').first().textContent()).resolves.toMatch(/walker/i);
    // Typing stays typing: the results (and the address) update without moving focus.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('course-search');
    const first = results.getByRole('listitem').first().getByRole('link');
    await expect(first.getAttribute('href')).resolves.toMatch(
      /^\/courses\/[\w-]+(\/lessons\/[\w-]+|\?concept=[\w-]+)$/,
    );
    await screenshot(page, 'courses');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('happy: the course map shows each concept’s state and opens one from the keyboard', async () => {
    const { page, context, consoleErrors } = await signedIn();
    await page.goto(`/courses/${COURSE}`);
    const graph = page.getByRole('group', {
      name: /Concept graph of Object-Spatial Programming with Jac: 16 concepts/,
    });
    await graph.waitFor();
    await expect(graph.getByRole('button').count()).resolves.toBe(16);
    const first = graph.getByRole('button', { name: /^First programs — mastered, \d+%$/ });
    await first.waitFor();
    await graph.getByRole('button', { name: /^Control flow — in progress, \d+%$/ }).waitFor();
    await graph.getByRole('button', { name: 'Collections — available' }).waitFor();
    await graph.getByRole('button', { name: 'Walkers and abilities — locked' }).waitFor();

    // Keyboard only: Tab order follows teaching order, Enter opens the panel and focuses it.
    await first.focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toMatch(
      /^Control flow/,
    );
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Control flow' });
    await panel.waitFor();
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H2');
    await expect(panel.getByRole('link', { name: 'Practise this concept' }).getAttribute('href')).resolves.toBe(
      `/courses/${COURSE}/practice?concept=control-flow`,
    );
    await expect(panel.getByRole('link', { name: /Branches and loops/i }).count()).resolves.toBeGreaterThan(0);
    await page.waitForURL(/\?concept=control-flow$/);
    await screenshot(page, 'course-map');

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toMatch(
      /^Control flow/,
    );
    expect(consoleErrors).toEqual([]);
    await context.close();

    // Phones start on the list view.
    await onPhone(
      `/courses/${COURSE}`,
      (phone) => phone.getByRole('button', { name: /^First programs — mastered/ }).waitFor(),
      'course-map',
    );
  });

  it('happy: a lesson shows highlighted Jac code, is marked as read once, and links to practice and the next lesson', async () => {
    const { page, context, consoleErrors } = await signedIn();
    await page.goto(`/courses/${COURSE}/lessons/hello-jac`);
    await page.getByRole('heading', { level: 1, name: 'Your first Jac program' }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
    await page.locator('.lesson-body pre[data-language="Jac"] .tok-keyword').first().waitFor();
    await expect(
      page.locator('.lesson-body pre[data-language="Jac"] .tok-keyword').first().textContent(),
    ).resolves.toBe('with');
    await expect(page.getByText(/\d+ min read/).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Practise this' }).getAttribute('href')).resolves.toBe(
      `/courses/${COURSE}/practice?concept=first-programs`,
    );
    await expect(
      page.getByRole('navigation', { name: 'Lessons in this concept' }).getByRole('link').first().getAttribute('href'),
    ).resolves.toBe(`/courses/${COURSE}/lessons/values-and-types`);

    await page.getByRole('button', { name: 'Mark as read' }).click();
    await page.getByText(/Marked as read: \+\d+ XP\./).waitFor();
    await screenshot(page, 'lesson');

    // A concept link in the lesson opens the course map on that concept, inside the app.
    await page.getByRole('link', { name: 'modules', exact: true }).click();
    await page.waitForURL(new RegExp(`/courses/${COURSE}\\?concept=modules-imports$`));
    await page.getByRole('region', { name: 'Modules and imports' }).getByText('Locked', { exact: true }).waitFor();
    expect(consoleErrors).toEqual([]);
    await context.close();

    await onPhone(
      `/courses/${COURSE}/lessons/hello-jac`,
      (phone) => phone.locator('.lesson-body .tok-keyword').first().waitFor(),
      'lesson',
    );
  });

  it('happy: progress draws the skill map and both charts, each chart with its table', async () => {
    const { page, context, consoleErrors } = await signedIn();
    await page.goto('/progress');
    const skills = page.getByRole('region', { name: 'Skill map' });
    await expect(
      skills.getByRole('progressbar', { name: 'First programs mastery' }).getAttribute('aria-valuenow'),
    ).resolves.toMatch(/^(9[5-9]|100)$/);
    // Opens on the course practised last.
    await expect(page.getByLabel('Course', { exact: true }).inputValue()).resolves.toBe(COURSE);

    const mastery = page.getByRole('region', { name: 'Mastery over time' });
    await mastery.locator('canvas').waitFor();
    await expect(mastery.getByRole('img').getAttribute('aria-label')).resolves.toMatch(/First programs at \d+%/);
    await mastery.getByText('Show mastery over time as a table').click();
    const masteryTable = mastery.getByRole('table');
    await expect(masteryTable.getByRole('columnheader', { name: 'First programs' }).count()).resolves.toBe(1);
    await expect(masteryTable.getByRole('row').count()).resolves.toBeGreaterThan(1);

    const calibration = page.getByRole('region', { name: 'Accuracy against prediction' });
    await calibration.locator('canvas').waitFor();
    await expect(calibration.getByRole('img').getAttribute('aria-label')).resolves.toMatch(/were right against/);
    await calibration.getByText('Show accuracy against prediction as a table').click();
    await expect(calibration.getByRole('table').getByRole('row').count()).resolves.toBeGreaterThan(1);

    await screenshot(page, 'progress');
    expect(consoleErrors).toEqual([]);
    await context.close();
    await onPhone('/progress', (phone) => phone.locator('canvas').first().waitFor(), 'progress');
  });

  it('happy: achievements lists those earned and the progress toward the rest', async () => {
    const { page, context, consoleErrors } = await signedIn();
    await page.goto('/achievements');
    const earned = page.getByRole('region', { name: 'Earned' });
    await earned.getByRole('heading', { name: 'First Steps' }).waitFor();
    const locked = page.getByRole('region', { name: 'Still to earn' });
    await locked.getByRole('heading', { name: 'Knowledge Seeker' }).waitFor();
    await expect(
      locked.getByRole('progressbar', { name: 'Progress toward Knowledge Seeker' }).getAttribute('aria-valuetext'),
    ).resolves.toBe('2 of 5');
    await screenshot(page, 'achievements');
    expect(consoleErrors).toEqual([]);
    await context.close();
    await onPhone(
      '/achievements',
      (phone) => phone.getByRole('heading', { name: 'First Steps' }).waitFor(),
      'achievements',
    );
  });

  it('happy: leaderboards switch tabs with the arrow keys and highlight the learner’s own row', async () => {
    const { page, context, consoleErrors } = await signedIn();
    // Boards are fetched as their tabs are first opened, each once.
    const fetched: string[] = [];
    page.on('request', (request) => {
      const board = /\/api\/leaderboards\/([\w-]+)/.exec(request.url())?.[1];
      if (board) fetched.push(board);
    });
    await page.goto('/leaderboards');
    const weekly = page.getByRole('tab', { name: 'This week' });
    await expect(weekly.getAttribute('aria-selected')).resolves.toBe('true');
    const panel = page.getByRole('tabpanel');
    const own = panel.locator('tr[aria-current="true"]');
    await own.waitFor();
    await expect(own.textContent()).resolves.toContain(`${NAME} (you)`);
    expect(fetched).toEqual(['weekly']);

    await weekly.focus();
    await page.keyboard.press('ArrowRight');
    // Last week's final standings: this learner started this week, so it is empty for them.
    const lastWeek = page.getByRole('tabpanel', { name: 'Last week' });
    await lastWeek.getByText(/Week starting .* \(UTC\)\./).waitFor();
    await expect(lastWeek.locator('tr[aria-current="true"]').count()).resolves.toBe(0);
    await lastWeek.getByText('No one earned XP last week.').waitFor();
    await lastWeek.getByText('You are not on last week’s board').waitFor();
    await page.keyboard.press('ArrowRight');
    const allTime = page.getByRole('tab', { name: 'All time' });
    await expect(allTime.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('All time');
    await expect(
      page.getByRole('tabpanel', { name: 'All time' }).locator('tr[aria-current="true"]').textContent(),
    ).resolves.toContain(NAME);
    await page.keyboard.press('ArrowRight');
    await expect(weekly.getAttribute('aria-selected')).resolves.toBe('true');
    await own.waitFor();
    expect(fetched).toEqual(['weekly', 'last-week', 'all-time']);
    await screenshot(page, 'leaderboards');
    expect(consoleErrors).toEqual([]);
    await context.close();
    await onPhone('/leaderboards', (phone) => phone.locator('tr[aria-current="true"]').waitFor(), 'leaderboards');
  });
});
