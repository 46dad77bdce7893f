/**
 * The instructor's screens in a browser against the real Worker: creating a class, two
 * learners joining by its code and practising through the API, the class report's heatmap
 * and CSV, and editing a lesson in the content editor with its preview, the unsaved-changes
 * warning, and a learner reading the new text. Screenshots of each screen, desktop and phone.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAs, sendAs, type TestAccount } from '../support/accounts.ts';
import { hasChromium, PHONE, screenshot } from '../support/browser.ts';
import { accountWithRole, seedCourses, useWebApp } from '../support/e2e.ts';

const COURSE = 'js-graphs';
const LESSON = 'representing-graphs';
const ITEM = 'adjacency-keys-are-nodes';
const CLASS_NAME = `Graphs period ${randomUUID().slice(0, 4)}`;

type Fields = { type: string } & Record<string, unknown>;
interface AuthoringCourse {
  concepts: { lessons: { slug: string; title: string; body: string }[]; items: { slug: string; fields: Fields }[] }[];
}

/** A response to an item, right or wrong, built from its key as the authoring view gives it. */
function responseFor(fields: Fields, right: boolean): unknown {
  const options = (fields.options ?? []) as { id: string; correct: boolean }[];
  switch (fields.type) {
    case 'multiple-choice':
      return options.find((option) => option.correct === right)?.id;
    case 'multi-select':
      return options.filter((option) => option.correct === right).map((option) => option.id);
    case 'true-false':
      return right ? fields.answer : !fields.answer;
    case 'short-answer':
      return right ? (fields.accepted as string[])[0] : 'not this';
    case 'fill-blanks':
      return Object.fromEntries(
        (fields.blanks as { id: string; accepted: string[] }[]).map((blank) => [
          blank.id,
          right ? blank.accepted[0] : '?',
        ]),
      );
    case 'predict-output':
      return right ? fields.output : 'something else';
    case 'parsons':
      return right ? fields.lines : [...(fields.lines as string[])].reverse();
    default:
      return { code: right ? fields.solution : 'export {};' };
  }
}

/** Answers `count` items the adaptive loop serves, right or wrong. */
async function practise(learner: TestAccount, keys: Map<string, Fields>, count: number, right: boolean) {
  for (let n = 0; n < count; n++) {
    const next = await getAs(learner, `/api/courses/${COURSE}/next-item`);
    expect(next.status).toBe(200);
    const { item } = (await next.json()) as { item: { id: string; slug: string } };
    const fields = keys.get(item.slug);
    if (!fields) throw new Error(`no key for item ${item.slug}`);
    const res = await sendAs(learner, 'POST', '/api/attempts', {
      itemId: item.id,
      attemptId: randomUUID(),
      response: responseFor(fields, right),
      elapsedMs: 9000,
    });
    expect(res.status).toBe(200);
  }
}

describe.skipIf(!hasChromium)('the instructor screens in a browser', () => {
  const app = useWebApp();
  let instructor: TestAccount;
  let original: string | undefined;
  let originalExplanation: string | undefined;
  let classUrl = '';

  beforeAll(async () => {
    await seedCourses();
    instructor = await accountWithRole('instructor', 'E2E Teacher');
  }, 60_000);

  afterAll(async () => {
    // Put the lesson back as the pack has it, for any suite that reads it after this one.
    if (original !== undefined) {
      const lesson = (await (await getAs(instructor, `/api/courses/${COURSE}/lessons/${LESSON}`)).json()) as {
        title: string;
        minutes: number;
      };
      await sendAs(instructor, 'PUT', `/api/content/courses/${COURSE}/lessons/${LESSON}`, {
        title: lesson.title,
        minutes: lesson.minutes,
        body: original,
      });
    }
    if (originalExplanation !== undefined) {
      const view = (await (await getAs(instructor, `/api/content/courses/${COURSE}`)).json()) as AuthoringCourse;
      const fields = view.concepts.flatMap((concept) => concept.items).find((item) => item.slug === ITEM)?.fields;
      await sendAs(instructor, 'PUT', `/api/content/courses/${COURSE}/items/${ITEM}`, {
        ...fields,
        explanation: originalExplanation,
      });
    }
  });

  async function signedInPage(
    viewport?: typeof PHONE,
  ): Promise<{ page: Page; consoleErrors: string[]; close: () => Promise<void> }> {
    const person = await app.signedIn(instructor, viewport);
    return { page: person.page, consoleErrors: person.consoleErrors, close: () => person.context.close() };
  }

  it('creates a class, sees two learners’ mastery in the report and downloads it as CSV', async () => {
    const { page, consoleErrors, close } = await signedInPage();
    await page.goto('/instructor');
    await page.getByRole('heading', { name: 'Teach', level: 1 }).waitFor();
    await page.getByText('You teach no class yet').waitFor();
    await expect(page.getByRole('link', { name: 'Live sessions' }).getAttribute('href')).resolves.toBe(
      '/instructor/live',
    );

    // The form checks before sending, then creates.
    await page.getByRole('button', { name: 'Create class' }).click();
    await page.getByText('Give the class a name.').waitFor();
    await page.getByLabel('Class name').fill(CLASS_NAME);
    await page.getByLabel('Course').selectOption({ label: 'Graphs and walkers in JavaScript' });
    await page.getByRole('button', { name: 'Create class' }).click();
    const created = page.getByRole('status').filter({ hasText: `Created “${CLASS_NAME}”` });
    await created.waitFor();
    const joinCode = (await created.locator('code').textContent())?.trim() ?? '';
    expect(joinCode).toMatch(/^[A-Z2-9]{8}$/);

    // Two learners join by the code and practise; one answers right, the other wrong.
    const keys = new Map<string, Fields>();
    const view = (await (await getAs(instructor, `/api/content/courses/${COURSE}`)).json()) as AuthoringCourse;
    for (const concept of view.concepts) for (const item of concept.items) keys.set(item.slug, item.fields);
    const [ada, bo] = await Promise.all([
      accountWithRole('learner', 'Ada Lovelace'),
      accountWithRole('learner', 'Bo Diddley'),
    ]);
    for (const learner of [ada, bo]) {
      expect((await sendAs(learner, 'POST', '/api/classes/join', { code: joinCode.toLowerCase() })).status).toBe(200);
    }
    await practise(ada, keys, 4, true);
    await practise(bo, keys, 3, false);

    await page.reload();
    const card = page.getByRole('listitem').filter({ hasText: CLASS_NAME });
    await card.getByText('2 learners').waitFor();
    await screenshot(page, 'teach-home');

    await card.getByRole('link', { name: `Report for ${CLASS_NAME}` }).click();
    await page.getByRole('heading', { name: CLASS_NAME, level: 1 }).waitFor();
    classUrl = new URL(page.url()).pathname;
    const table = page.getByRole('table');
    await table.getByRole('rowheader', { name: 'Ada Lovelace' }).waitFor();
    await table.getByRole('rowheader', { name: 'Bo Diddley' }).waitFor();
    await expect(table.getByRole('columnheader', { name: 'Representing graphs' }).count()).resolves.toBe(1);
    // Sorting by average puts the learner who answered right first.
    await table.getByRole('button', { name: /Average/ }).click();
    await expect(table.getByRole('rowheader').first().textContent()).resolves.toBe('Ada Lovelace');
    await expect(table.getByRole('columnheader', { name: /Average/ }).getAttribute('aria-sort')).resolves.toBe(
      'descending',
    );
    await screenshot(page, 'class-report');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${CLASS_NAME.replace(/[^\w-]+/g, '-')}-report.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toMatch(/^learner,last active,answers,accuracy,adjacency-lists,/);
    expect(rows.map((row) => row.split(',')[0]).sort()).toEqual(['Ada Lovelace', 'Bo Diddley']);
    expect(consoleErrors).toEqual([]);
    await close();
  }, 120_000);

  it('edits a lesson with a live preview, warns before leaving unsaved, and learners read the saved text', async () => {
    const { page, consoleErrors, close } = await signedInPage();
    await page.goto('/instructor/content');
    await page.getByLabel('Course').selectOption({ label: 'Graphs and walkers in JavaScript' });
    const outline = page.getByRole('navigation', { name: 'Graphs and walkers in JavaScript' });
    await outline.getByText('Representing graphs').first().click();
    await outline.getByRole('link', { name: 'Graphs as adjacency lists' }).click();
    await page.getByRole('heading', { name: 'Lesson: Graphs as adjacency lists' }).waitFor();

    const body = page.getByLabel('Body (Markdown)');
    original = await body.inputValue();
    expect(original).toContain('# Graphs as adjacency lists');
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { name: 'Graphs as adjacency lists' }).waitFor();

    const edited = `${original.trimEnd()}\n\n## A note from your teacher\n\nDraw the graph **before** you code it.\n`;
    await body.fill(edited);
    await preview.getByRole('heading', { name: 'A note from your teacher' }).waitFor();
    await expect(preview.locator('strong', { hasText: 'before' }).count()).resolves.toBe(1);
    await page.getByText('Unsaved changes').waitFor();

    // Leaving with unsaved changes asks first; staying keeps the text.
    const dialog = new Promise<string>((resolve) =>
      page.once('dialog', (prompt) => {
        resolve(prompt.message());
        void prompt.dismiss();
      }),
    );
    await page.getByRole('link', { name: '← Teach' }).click();
    expect(await dialog).toMatch(/unsaved changes/);
    await expect(body.inputValue()).resolves.toBe(edited);
    expect(new URL(page.url()).pathname).toBe('/instructor/content');

    await page.getByRole('button', { name: 'Save lesson' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved at' }).waitFor();
    await screenshot(page, 'content-editor');

    const learner = await accountWithRole('learner');
    const read = (await (await getAs(learner, `/api/courses/${COURSE}/lessons/${LESSON}`)).json()) as { body: string };
    expect(read.body).toContain('Draw the graph **before** you code it.');

    // An item: its learner view beside the form, saved with a new explanation.
    await page.goto(`/instructor/content?course=${COURSE}&item=${ITEM}`);
    await page.getByRole('heading', { name: `Item: ${ITEM}` }).waitFor();
    const learnerView = page.getByRole('region', { name: 'Learner view' });
    await learnerView.getByRole('group', { name: 'Choose one answer' }).waitFor();
    const explanation = page.getByLabel('Explanation (Markdown)');
    originalExplanation = await explanation.inputValue();
    await explanation.fill(`${originalExplanation} Keys are nodes.`);
    await page.getByRole('button', { name: 'Save item' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved at' }).waitFor();
    const stored = (await (await getAs(instructor, `/api/content/courses/${COURSE}`)).json()) as AuthoringCourse;
    const fields = stored.concepts.flatMap((concept) => concept.items).find((item) => item.slug === ITEM)?.fields;
    expect(fields?.explanation).toBe(`${originalExplanation} Keys are nodes.`);

    // Saved: leaving no longer asks.
    await page.getByRole('link', { name: '← Teach' }).click();
    await page.waitForURL(/\/instructor$/);
    expect(consoleErrors).toEqual([]);
    await close();
  }, 120_000);

  it('fits a phone: teach home, class report and content editor', async () => {
    const { page, consoleErrors, close } = await signedInPage(PHONE);
    await page.goto('/instructor');
    await page.getByRole('listitem').filter({ hasText: CLASS_NAME }).waitFor();
    await screenshot(page, 'teach-home');

    expect(classUrl).toMatch(/^\/instructor\/classes\//);
    await page.goto(classUrl);
    await page.getByRole('rowheader', { name: 'Ada Lovelace' }).waitFor();
    await screenshot(page, 'class-report');

    await page.goto(`/instructor/content?course=${COURSE}&lesson=${LESSON}`);
    await page.getByRole('heading', { name: 'Lesson: Graphs as adjacency lists' }).waitFor();
    await page
      .getByRole('region', { name: 'Preview' })
      .getByRole('heading', { name: 'Graphs as adjacency lists' })
      .waitFor();
    await screenshot(page, 'content-editor');
    // Nothing overflows sideways but the heatmap's own scroller.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(consoleErrors).toEqual([]);
    await close();
  }, 120_000);
});
