/**
 * Practice and review in a real browser against the real Worker: a learner answers items
 * of every type with the fitting controls (choice items by number keys, a Parsons problem
 * with the keyboard alternative, a code exercise typed into CodeMirror, wrong and then
 * right), sees feedback, test results and the mastery change, gets the same item back
 * after a refresh, ends the session with its summary, and works through due reviews until
 * nothing is due. Answers come from the course packs in content/, as a learner who knows
 * them would give them.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../worker/curriculum/pack-schema.ts';
import { enterAnswer, packItems, shownItem, submitAnswer, typeCode } from '../support/answers.ts';
import { DESKTOP, hasChromium, PHONE, screenshot } from '../support/browser.ts';
import { useTestDatabase } from '../support/db.ts';
import { accountWithRole, seedCourses, signInContext, useWebApp } from '../support/e2e.ts';

const database = useTestDatabase();

/** Both viewports of the screen as it is now. */
async function screenshots(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  await screenshot(page, name);
  await page.setViewportSize(DESKTOP);
}

describe.skipIf(!hasChromium)('practice and review in a browser', () => {
  const app = useWebApp();
  let jsGraphs: Map<string, Item>;
  let ospWithJac: Map<string, Item>;
  beforeAll(async () => {
    [jsGraphs, ospWithJac] = await Promise.all([packItems('js-graphs'), packItems('osp-with-jac'), seedCourses()]);
  }, 60_000);

  it('solves a code exercise in CodeMirror: a failing test first, then all pass; a refresh keeps the item', async () => {
    const learner = await accountWithRole('learner', 'E2E coder');
    const { context, page, consoleErrors } = await app.person();
    await signInContext(context, app.url, learner);
    await page.goto('/courses/js-graphs/practice?concept=adjacency-lists');
    await page.getByRole('heading', { level: 1, name: /Practice/ }).waitFor();

    // Answer what comes until the course serves a code exercise.
    let current = await shownItem(page);
    for (let served = 0; current.type !== 'code-exercise' && served < 12; served += 1) {
      const item = jsGraphs.get(current.slug);
      if (!item) throw new Error(`item ${current.slug} is not in content/js-graphs`);
      await enterAnswer(page, item);
      expect(await submitAnswer(page)).toContain('Correct!');
      await page.getByRole('button', { name: 'Next item' }).click();
      await page.locator(`article.practice-item:not([data-item-slug="${current.slug}"])`).waitFor();
      current = await shownItem(page);
    }
    expect(current.type).toBe('code-exercise');
    const exercise = jsGraphs.get(current.slug);
    if (exercise?.type !== 'code-exercise') throw new Error(`${current.slug} is not a code exercise in the pack`);

    // A refresh mid-item brings the same exercise back.
    await page.locator('.cm-content').waitFor();
    await page.reload();
    expect((await shownItem(page)).slug).toBe(exercise.id);
    await page.getByText('Picked up the question you were on.').waitFor();
    await page.locator('.cm-content').waitFor();
    expect(await page.locator('.cm-content').textContent()).toContain('export function');

    // A plausible mistake: the failing test is named with its message.
    const wrong = exercise.wrongSolutions[0];
    if (!wrong) throw new Error('the exercise has no wrong solution');
    await typeCode(page, wrong.code);
    expect(await submitAnswer(page)).toContain('Not quite');
    const results = page.getByRole('region', { name: 'Test results' });
    await expect.poll(() => results.locator('.test.fail, .test.error').count()).toBeGreaterThan(0);
    expect(await results.locator('.test-tally').textContent()).toMatch(/^\d+ of \d+ tests passed\.$/);
    expect(await results.locator('.test.fail .test-status, .test.error .test-status').first().textContent()).toMatch(
      /Failed|Error/,
    );
    await screenshots(page, 'practice-code-results');
    // The tutor team explains the miss (the evaluator's account, through the chat).
    await page.getByRole('button', { name: 'Why is my answer wrong?' }).click();
    await page.getByRole('heading', { name: 'The tutor says' }).waitFor();
    expect(await page.locator('.tutor-reply').textContent()).toMatch(/\w{3,}/);

    // Try again with the reference solution: every test passes, mastery moves.
    await page.getByRole('button', { name: 'Try again' }).click();
    await typeCode(page, exercise.solution);
    expect(await submitAnswer(page)).toContain('Correct!');
    await expect.poll(() => results.locator('.test-tally').textContent()).toMatch(/^All \d+ tests passed\.$/);
    expect(await page.locator('.mastery-text').textContent()).toMatch(/Representing graphs.*\d+%.*→.*\d+%/);

    // End the session: its summary counts the answers given here.
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByRole('heading', { name: 'Session summary' }).waitFor();
    const answers = Number(
      await page.locator('.summary-stats .stat', { hasText: 'Answers' }).locator('dd').textContent(),
    );
    expect(answers).toBeGreaterThanOrEqual(2);
    await page.getByRole('heading', { name: 'Mastery' }).waitFor();
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 240_000);

  it('answers choice items by number keys and a Parsons problem by keyboard, then reviews what is due', async () => {
    const learner = await accountWithRole('learner', 'E2E Jac learner');
    const { context, page, consoleErrors } = await app.person();
    await signInContext(context, app.url, learner);
    await page.goto('/courses/osp-with-jac/practice?concept=first-programs');
    await page.getByRole('heading', { level: 1, name: /Practice/ }).waitFor();

    let choiceShot = false;
    let parsonsSolved = false;
    let current = await shownItem(page);
    for (let served = 0; served < 14 && !(choiceShot && parsonsSolved); served += 1) {
      const item = ospWithJac.get(current.slug);
      if (!item) throw new Error(`item ${current.slug} is not in content/osp-with-jac`);
      const isChoice = item.type === 'multiple-choice' || item.type === 'true-false' || item.type === 'multi-select';
      if (isChoice && !choiceShot) await screenshots(page, 'practice-choice');
      await enterAnswer(page, item);
      expect(await submitAnswer(page)).toContain('Correct!');
      await page.locator('.mastery-text').waitFor();
      expect(await page.locator('.mastery-text').textContent()).toMatch(/First programs.*→/);
      if (isChoice && !choiceShot) {
        expect(await page.getByText(/^\+\d+ XP$/).count()).toBe(1);
        await screenshots(page, 'practice-feedback');
        choiceShot = true;
      }
      if (item.type === 'parsons') parsonsSolved = true;
      await page.getByRole('button', { name: 'Next item' }).click();
      await page.locator(`article.practice-item:not([data-item-slug="${current.slug}"])`).waitFor();
      current = await shownItem(page);
    }
    expect(choiceShot).toBe(true);
    expect(parsonsSolved).toBe(true);

    // Two of the answered items fall due now.
    await database.query(
      `update review_cards set due = now() - interval '1 minute'
       where user_id = $1 and item_id in (select item_id from review_cards where user_id = $1 order by item_id limit 2)`,
      [learner.userId],
    );
    await page.getByRole('link', { name: 'Review', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Review' }).waitFor();
    await page.getByText('Review 1 of 2').waitFor();
    await screenshots(page, 'review');
    for (const label of ['Next review', 'Finish']) {
      const { slug } = await shownItem(page);
      const item = ospWithJac.get(slug);
      if (!item) throw new Error(`item ${slug} is not in content/osp-with-jac`);
      await enterAnswer(page, item);
      expect(await submitAnswer(page)).toContain('Correct!');
      await page.getByRole('button', { name: label }).click();
    }
    await page.getByText('Well done: you reviewed 2 questions.').waitFor();
    await page
      .getByText(/^Nothing due — next review (in \d+ minutes|in a minute|today at|tomorrow at|.+ at )/)
      .waitFor();
    await screenshots(page, 'review-done');
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 300_000);
});
