/**
 * The live screens in a browser against the real Worker and its Durable Objects: a learner
 * asks the tutor team what to do next and follows the answer's link, the learner's channel
 * comes back after the network drops; two learners meet in a study group (presence, chat
 * live on the other side, a typing indicator that clears itself, shared practice progress);
 * and a learner joins a class by its code. Screenshots of chat, classes and the group room.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_ROOT } from '../../ops/content/load-content.ts';
import { readPack } from '../../ops/content/read-pack.ts';
import type { Item } from '../../worker/curriculum/pack-schema.ts';
import { getAs, sendAs, type TestAccount } from '../support/accounts.ts';
import { DESKTOP, hasChromium, PHONE, screenshot } from '../support/browser.ts';
import { accountWithRole, seedCourses, useWebApp } from '../support/e2e.ts';

const AGENT_NAMES = /^(Orchestrator|Content curator|Quiz master|Evaluator|Progress tracker|Motivator)$/;

async function screenshots(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  await screenshot(page, name);
  await page.setViewportSize(DESKTOP);
}

/** A wrong answer to an item, from its key in the course pack. */
function wrongResponse(item: Item): unknown {
  switch (item.type) {
    case 'multiple-choice':
      return item.options.find((option) => !option.correct)?.id;
    case 'multi-select':
      return item.options.filter((option) => !option.correct).map((option) => option.id);
    case 'true-false':
      return !item.answer;
    case 'short-answer':
      return 'certainly not this';
    case 'predict-output':
      return 'something else entirely';
    case 'fill-blanks':
      return Object.fromEntries(item.blanks.map((blank) => [blank.id, '???']));
    case 'parsons':
      return [...item.lines].reverse();
    case 'code-exercise':
      return { code: 'export {};' };
  }
}

/** Misses three items in a row through the API, as a struggling learner would in another tab. */
async function missThreeInARow(learner: TestAccount, course: string): Promise<void> {
  const { pack } = await readPack(join(CONTENT_ROOT, course));
  const keys = new Map(pack?.items.map((item) => [item.id, item]));
  for (let i = 0; i < 3; i += 1) {
    const next = (await (await getAs(learner, `/api/courses/${course}/next-item`)).json()) as {
      item: { id: string; slug: string };
    };
    const key = keys.get(next.item.slug);
    if (!key) throw new Error(`no key for ${next.item.slug}`);
    const answered = await sendAs(learner, 'POST', '/api/attempts', {
      itemId: next.item.id,
      attemptId: randomUUID(),
      response: wrongResponse(key),
      elapsedMs: 8000,
    });
    expect(((await answered.json()) as { correct: boolean }).correct).toBe(false);
  }
}

/** The connection status line of a live screen. */
const connection = (page: Page) => page.locator('.connection [role="status"]');

describe.skipIf(!hasChromium)('tutor chat, classes and study groups in a browser', () => {
  const app = useWebApp();
  beforeAll(() => seedCourses(), 60_000);

  it('asks the tutors what to do next, follows the answer’s link, and reconnects after going offline', async () => {
    const learner = await accountWithRole('learner', 'E2E chatter');
    const { context, page, consoleErrors } = await app.signedIn(learner);
    await page.goto('/chat');
    await page.getByRole('heading', { level: 1, name: 'Ask your tutors' }).waitFor();
    await expect.poll(() => connection(page).textContent(), { timeout: 15_000 }).toBe('Live');

    await page.getByRole('button', { name: 'What should I do next?' }).click();
    const answer = page.locator('.msg-agent').first();
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.locator('.agent-name').textContent()).toMatch(AGENT_NAMES);
    const link = answer.locator('a[href^="/courses/"]').first();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/courses\/[a-z0-9-]+(\/lessons\/[a-z0-9-]+|\/practice|\?concept=)/);

    // The composer: Shift+Enter is a new line, Enter sends.
    const box = page.getByRole('textbox', { name: 'Message the tutors' });
    await box.fill('How am I');
    await box.press('Shift+Enter');
    expect(await box.inputValue()).toBe('How am I\n');
    await box.fill('How am I doing?');
    await box.press('Enter');
    await expect.poll(() => page.locator('.msg-agent').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('.msg-agent').nth(1).locator('.agent-name').textContent()).toBe('Progress tracker');

    // The answer's link is a real route into the app (whose own screen is tested elsewhere:
    // its console is not this test's business).
    const chatErrors = consoleErrors.length;
    await link.click();
    await page.waitForURL((url) => url.pathname + url.search === href);
    await page.locator('h1').first().waitFor();
    consoleErrors.splice(chatErrors);

    // Back in the chat the conversation is still there and the channel opens again.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Ask your tutors' }).waitFor();
    await expect.poll(() => page.locator('.msg-agent').count()).toBe(2);
    await expect.poll(() => connection(page).textContent(), { timeout: 15_000 }).toBe('Live');

    // The network drops: the screen says so, and the channel comes back when it returns.
    await context.setOffline(true);
    await expect.poll(() => connection(page).textContent()).toMatch(/^(Offline|Reconnecting)/);
    await context.setOffline(false);
    await expect.poll(() => connection(page).textContent(), { timeout: 15_000 }).toBe('Live');
    await page.getByRole('button', { name: 'Explain walkers' }).click();
    await expect.poll(() => page.locator('.msg-agent').count(), { timeout: 20_000 }).toBe(3);
    expect(await page.locator('.msg-agent').nth(2).locator('.agent-name').textContent()).toMatch(AGENT_NAMES);

    // Pushes arrive by themselves: three misses elsewhere bring the quiz master's worked example.
    await missThreeInARow(learner, 'js-graphs');
    const push = page.locator('.msg-system[data-push="worked-example"]');
    await push.waitFor({ timeout: 15_000 });
    expect(await push.locator('.agent-name').textContent()).toBe('Quiz master');
    expect(await push.locator('a[href*="/courses/js-graphs/"]').count()).toBeGreaterThan(0);
    await screenshots(page, 'chat');

    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('lets two learners meet in a study group: presence, live chat, typing and shared practice', async () => {
    const [adaAccount, boAccount] = await Promise.all([
      accountWithRole('learner', 'Ada Group'),
      accountWithRole('learner', 'Bo Group'),
    ]);
    const ada = await app.signedIn(adaAccount);
    const bo = await app.signedIn(boAccount);

    // Ada starts a group and lands in its room, where its code is shown.
    await ada.page.goto('/groups');
    await ada.page.getByRole('heading', { level: 1, name: 'Study groups' }).waitFor();
    await ada.page.getByRole('button', { name: 'Start the group' }).click();
    await ada.page.getByText('Give the group a name.').waitFor();
    await ada.page.getByLabel('Group name').fill('Walker club');
    await ada.page.getByRole('button', { name: 'Start the group' }).click();
    await ada.page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
    const roomPath = new URL(ada.page.url()).pathname;
    await ada.page.getByRole('heading', { level: 1, name: 'Walker club' }).waitFor();
    const code = (await ada.page.locator('.join-code').first().textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{8}$/);

    // Bo joins by the code (typed loosely) and lands in the same room.
    await bo.page.goto('/groups');
    const beforeWrongCode = bo.consoleErrors.length;
    await bo.page.getByLabel('Group code').fill('NOPE-2345');
    await bo.page.getByRole('button', { name: 'Join the group' }).click();
    await bo.page.getByText('No study group has that code.').waitFor();
    // The browser logs the refused join (404) by itself: that one is by design.
    await expect.poll(() => bo.consoleErrors.length).toBe(beforeWrongCode + 1);
    expect(bo.consoleErrors.splice(beforeWrongCode)).toEqual([expect.stringContaining('404')]);
    await bo.page.getByLabel('Group code').fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    await bo.page.getByRole('button', { name: 'Join the group' }).click();
    await bo.page.waitForURL((url) => url.pathname === roomPath);

    // Each sees the other here.
    for (const { page } of [ada, bo]) {
      await page.getByRole('heading', { name: 'Here now (2)' }).waitFor({ timeout: 15_000 });
      const here = page.locator('.presence');
      expect(await here.textContent()).toContain('Ada Group');
      expect(await here.textContent()).toContain('Bo Group');
    }

    // Bo types: Ada sees it, and it clears by itself when Bo stops (no "stopped" is sent).
    const typing = ada.page.locator('.typing-line');
    await bo.page.getByRole('textbox', { name: 'Message the group' }).pressSequentially('hello ada', { delay: 20 });
    await expect.poll(() => typing.textContent()).toBe('Bo Group is typing…');
    await expect.poll(() => typing.textContent(), { timeout: 10_000 }).toBe('');

    // A message appears live on the other side, and back.
    await bo.page.getByRole('textbox', { name: 'Message the group' }).press('Enter');
    await ada.page.locator('.messages').getByText('hello ada').waitFor();
    await ada.page.getByRole('textbox', { name: 'Message the group' }).fill('hi bo <b>bold</b>');
    await ada.page.getByRole('textbox', { name: 'Message the group' }).press('Enter');
    await bo.page.locator('.messages').getByText('hi bo bold').waitFor();

    // Shared practice: Ada starts a set, Bo answers in the room, Ada sees Bo's progress.
    await ada.page.getByLabel('Course').selectOption('js-graphs');
    await ada.page.getByLabel('Questions').fill('3');
    await ada.page.getByRole('button', { name: 'Start a practice set' }).click();
    await bo.page.getByRole('button', { name: 'Answer the questions' }).click({ timeout: 15_000 });
    await bo.page.locator('.group-runner .practice-item').waitFor();
    await answerSomething(bo.page);
    await bo.page.locator('.group-runner').getByRole('button', { name: 'Submit' }).click();
    await bo.page.getByRole('heading', { name: /Correct!|Not quite/ }).waitFor();
    const boRow = ada.page.locator(`.progress-table tr[data-member="${boAccount.userId}"]`);
    await expect.poll(() => boRow.textContent(), { timeout: 10_000 }).toContain('1 of 3');

    await screenshots(ada.page, 'group-room');
    await ada.page.getByRole('link', { name: 'Study groups' }).first().click();
    await ada.page.getByRole('heading', { name: 'Walker club' }).waitFor();
    await screenshots(ada.page, 'groups');
    expect(ada.consoleErrors).toEqual([]);
    expect(bo.consoleErrors).toEqual([]);
    await ada.context.close();
    await bo.context.close();
  }, 120_000);

  it('joins a class by its code, with field errors first, and links it to study groups', async () => {
    const instructor = await accountWithRole('instructor', 'E2E teacher');
    const created = await sendAs(instructor, 'POST', '/api/classes', { name: 'Graphs 101', course: 'js-graphs' });
    expect(created.status).toBe(201);
    const { id, joinCode } = (await created.json()) as { id: string; joinCode: string };

    const learner = await accountWithRole('learner', 'E2E classmate');
    const { context, page, consoleErrors } = await app.signedIn(learner);
    await page.goto('/classes');
    await page.getByRole('heading', { level: 1, name: 'Classes' }).waitFor();
    await page.getByText('You are not in a class yet.', { exact: false }).waitFor();

    const field = page.getByLabel('Class code');
    await field.fill('AB');
    await page.getByRole('button', { name: 'Join class' }).click();
    await page.getByText('Codes are at least 4 characters long.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill(joinCode.toLowerCase());
    await page.getByRole('button', { name: 'Join class' }).click();
    await page.getByText('You joined').waitFor();
    const mine = page.getByRole('list', { name: 'Classes you are in' });
    await mine.getByRole('heading', { name: 'Graphs 101' }).waitFor();
    expect(await mine.textContent()).toContain('taught by E2E teacher');
    await screenshots(page, 'classes');

    await mine.getByRole('link', { name: 'Start a study group' }).click();
    await page.waitForURL((url) => url.pathname === '/groups' && url.searchParams.get('class') === id);
    await expect.poll(() => page.getByLabel('For a class (optional)').inputValue()).toBe(id);
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 60_000);
});

/** Some answer to whatever item is on screen (right or wrong does not matter here). */
async function answerSomething(page: Page): Promise<void> {
  const runner = page.locator('.group-runner');
  if (await runner.getByRole('radio').count()) return runner.getByRole('radio').first().check();
  if (await runner.getByRole('checkbox').count()) return runner.getByRole('checkbox').first().check();
  const boxes = runner.getByRole('textbox');
  for (let i = 0; i < (await boxes.count()); i += 1) await boxes.nth(i).fill('x');
}
