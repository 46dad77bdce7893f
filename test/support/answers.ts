/**
 * Answering practice items in the browser as a learner who knows the answers: the right
 * response for every item type, entered with the controls the practice screen gives it
 * (number keys for choices, the keyboard alternative for Parsons, CodeMirror for code).
 * The answers come from the course packs in content/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { CONTENT_ROOT } from '../../ops/content/load-content.ts';
import { readPack } from '../../ops/content/read-pack.ts';
import type { Item } from '../../worker/curriculum/pack-schema.ts';

/** A course pack's items by id (the slug the practice screen shows). */
export async function packItems(course: string): Promise<Map<string, Item>> {
  const { pack, problems } = await readPack(join(CONTENT_ROOT, course));
  if (!pack) throw new Error(`content/${course}: ${problems.map((problem) => problem.message).join('; ')}`);
  return new Map(pack.items.map((item) => [item.id, item]));
}

/** The item on screen: its type and slug, once it has rendered. */
export async function shownItem(page: Page): Promise<{ type: string; slug: string }> {
  const article = page.locator('article.practice-item');
  await article.waitFor();
  return {
    type: (await article.getAttribute('data-item-type')) ?? '',
    slug: (await article.getAttribute('data-item-slug')) ?? '',
  };
}

export const feedbackHeading = (page: Page) => page.getByRole('heading', { name: /Correct!|Not quite/ });

/** Replaces the CodeMirror editor's text, as a learner selecting all and typing would. */
export async function typeCode(page: Page, code: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Your code' });
  await page.locator('.cm-content').waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
}

/** Solves a Parsons problem with the Move up / Leave out buttons, driven only by the keyboard. */
export async function solveParsonsByKeyboard(page: Page, item: Extract<Item, { type: 'parsons' }>): Promise<void> {
  const program = page.getByRole('list', { name: 'Your program' });
  const lineTexts = async () =>
    program.locator('li code').evaluateAll((codes) => codes.map((code) => code.textContent ?? ''));
  for (const distractor of item.distractors) {
    const index = (await lineTexts()).indexOf(distractor);
    await program.getByRole('button', { name: `Leave out: line ${index + 1}, ${distractor.trim()}` }).focus();
    await page.keyboard.press('Enter');
  }
  for (const [target, text] of item.lines.entries()) {
    const from = (await lineTexts()).findIndex((line, index) => index >= target && line === text);
    if (from > target) {
      await program.getByRole('button', { name: `Move up: line ${from + 1}, ${text.trim()}` }).focus();
      // Focus stays on the moved line's button, so Enter keeps moving the same line.
      for (let step = from; step > target; step -= 1) await page.keyboard.press('Enter');
    }
  }
  expect(await lineTexts()).toEqual(item.lines);
  await expect.poll(() => page.locator('[aria-live="polite"]').last().textContent()).toMatch(/^(Moved|Left out) “/);
}

/** Fills in the right answer for any item type. */
export async function enterAnswer(page: Page, item: Item): Promise<void> {
  switch (item.type) {
    case 'multiple-choice': {
      const index = item.options.findIndex((option) => option.correct);
      await page.keyboard.press(String(index + 1));
      await expect.poll(() => page.getByRole('radio').nth(index).isChecked()).toBe(true);
      return;
    }
    case 'multi-select':
      for (const [index, option] of item.options.entries()) {
        if (option.correct) await page.getByRole('checkbox').nth(index).check();
      }
      return;
    case 'true-false':
      await page.getByRole('radio', { name: item.answer ? 'True' : 'False' }).check();
      return;
    case 'short-answer':
      await page.getByRole('textbox', { name: 'Your answer' }).fill(item.accepted[0] ?? '');
      return;
    case 'predict-output':
      await page.getByRole('textbox', { name: 'What the program prints' }).fill(item.output);
      return;
    case 'fill-blanks':
      for (const [index, blank] of item.blanks.entries()) {
        await page.getByRole('textbox', { name: `Blank ${index + 1}: ${blank.id}` }).fill(blank.accepted[0] ?? '');
      }
      return;
    case 'parsons':
      await solveParsonsByKeyboard(page, item);
      return;
    case 'code-exercise':
      await typeCode(page, item.solution);
      return;
  }
}

/** Submits the answer on screen and returns the feedback's heading. */
export async function submitAnswer(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Submit' }).click();
  await feedbackHeading(page).waitFor();
  return (await feedbackHeading(page).textContent()) ?? '';
}
