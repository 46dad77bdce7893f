/**
 * A new learner's first session, end to end in one browser, clicking through the app as a
 * person would: sign up → the dashboard's next step → the course map → a lesson → practise
 * until the concept shows progress on the map → a review → the tutors asked "what should I
 * do next?" → the achievement earned on the way. Only the review's due date is moved in
 * the database (waiting days for FSRS is not a test).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Item } from '../../worker/curriculum/pack-schema.ts';
import { GOOD_PASSWORD, uniqueEmail } from '../support/accounts.ts';
import { enterAnswer, packItems, shownItem, submitAnswer } from '../support/answers.ts';
import { hasChromium, launchBrowser, newPerson } from '../support/browser.ts';
import { useTestDatabase } from '../support/db.ts';
import { seedCourses } from '../support/e2e.ts';
import { startWebApp, type WebApp } from '../support/web-app.ts';

const database = useTestDatabase();
const COURSE = 'osp-with-jac';

describe.skipIf(!hasChromium)('a new learner’s first session', () => {
  let web: WebApp;
  let browser: Browser;
  let items: Map<string, Item>;
  beforeAll(async () => {
    await seedCourses();
    [web, browser, items] = await Promise.all([
      startWebApp(inject('stack').workerUrl),
      launchBrowser(),
      packItems(COURSE),
    ]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('signs up, reads, practises, reviews, asks the tutors and sees an achievement', async () => {
    const { page, context, consoleErrors, settled } = await newPerson(browser, web.url);

    // Sign up through the form.
    await page.goto('/');
    await page
      .getByRole('link', { name: /^Sign up/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    const email = uniqueEmail('journey');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Display name').fill('Journey Learner');
    await page.getByLabel('Password', { exact: true }).fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { level: 1, name: 'Hi, Journey Learner' }).waitFor();
    const [{ id: userId }] = (await database.query('select id from users where email = $1', [email])).rows as [
      { id: string },
    ];

    // The dashboard's next step (the orchestrator's) leads a newcomer to a first lesson.
    const next = page.getByRole('region', { name: 'What to do next' });
    await next.getByRole('link', { name: 'Read the lesson' }).waitFor();

    // The course map: every concept drawn, the first one open to start.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
    await page
      .getByRole('region', { name: 'All courses' })
      .getByRole('link', { name: 'Object-Spatial Programming with Jac' })
      .click();
    const graph = page.getByRole('group', { name: /Concept graph of Object-Spatial Programming with Jac/ });
    await graph.getByRole('button', { name: 'First programs — available' }).click();
    const panel = page.getByRole('region', { name: 'First programs' });
    await panel.getByRole('link', { name: 'Your first Jac program' }).click();

    // The lesson: read it, then practise its concept.
    await page.getByRole('heading', { level: 1, name: 'Your first Jac program' }).waitFor();
    await page.getByRole('button', { name: 'Mark as read' }).click();
    await page.getByText(/Marked as read: \+\d+ XP\./).waitFor();
    await page.getByRole('link', { name: 'Practise this' }).click();
    await page.getByRole('heading', { level: 1, name: /Practice/ }).waitFor();

    // Practise until the concept's mastery has moved on three correct answers.
    for (let answered = 0; answered < 3; answered += 1) {
      const { slug } = await shownItem(page);
      const item = items.get(slug);
      if (!item) throw new Error(`item ${slug} is not in content/${COURSE}`);
      await enterAnswer(page, item);
      expect(await submitAnswer(page)).toContain('Correct!');
      expect(await page.locator('.mastery-text').textContent()).toMatch(/First programs \d+%.*→.*\d+%/);
      await page.getByRole('button', { name: 'Next item' }).click();
      await page.locator(`article.practice-item:not([data-item-slug="${slug}"])`).waitFor();
    }

    // Back on the map, the concept is no longer just "available".
    await page.goto(`/courses/${COURSE}`);
    await page
      .getByRole('group', { name: /Concept graph/ })
      .getByRole('button', { name: /^First programs — (in progress|mastered), \d+%$/ })
      .waitFor();

    // A review falls due and is answered.
    await database.query(
      `update review_cards set due = now() - interval '1 minute'
       where user_id = $1 and item_id = (select item_id from review_cards where user_id = $1 order by item_id limit 1)`,
      [userId],
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    await page.getByText('Review 1 of 1').waitFor();
    const { slug } = await shownItem(page);
    await enterAnswer(page, items.get(slug) as Item);
    expect(await submitAnswer(page)).toContain('Correct!');
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByText('Well done: you reviewed 1 question.').waitFor();

    // The tutors: "what should I do next?" gets an answer that names who gave it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tutor' }).click();
    await page.getByRole('button', { name: 'What should I do next?' }).click();
    const answer = page.locator('.msg-agent').first();
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.locator('.agent-name').textContent()).toBe('Orchestrator');
    expect(await answer.locator('a[href^="/courses/"]').count()).toBeGreaterThan(0);
    const answerText = await answer.locator('.reply-text').textContent();

    // A reload (or another device) opens the conversation where it was: question, answer, links.
    await page.reload();
    const log = page.locator('.chat-log');
    await log.locator('.msg-learner').getByText('What should I do next?').waitFor();
    const restored = log.locator('.msg-agent').first();
    expect(await restored.locator('.agent-name').textContent()).toBe('Orchestrator');
    expect(await restored.locator('.reply-text').textContent()).toBe(answerText);
    expect(await restored.locator('a[href^="/courses/"]').count()).toBeGreaterThan(0);

    // The achievement earned by the first correct answers.
    await page.goto('/achievements');
    await page.getByRole('region', { name: 'Earned' }).getByRole('heading', { name: 'First Steps' }).waitFor();

    await settled();
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 300_000);
});
