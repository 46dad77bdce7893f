/**
 * A live quiz in browsers: an instructor creates a game and hosts it; three players join by
 * PIN in their own browsers (one on a phone); one answers right, one wrong (after reloading
 * mid-question and getting the seat and question back), one not at all; the host reveals the
 * distribution and leaderboard, moves on, ends the game; players see the podium and the host
 * downloads the results CSV. Screenshots of each screen on desktop and phone.
 */
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { optionLook } from '../../frontend/src/pages/live/parts/option-look.ts';
import { DESKTOP, hasChromium, PHONE, screenshot } from '../support/browser.ts';
import { accountWithRole, seedCourses, useWebApp, type Person } from '../support/e2e.ts';

interface QuizItem {
  type: string;
  options: { id: string }[];
  correct: string[];
}

/** The room's questions in order, with their keys, from the database (the test grades nothing itself). */
async function itemsOf(roomId: string): Promise<QuizItem[]> {
  const client = new pg.Client({ connectionString: inject('stack').databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ item_ids: string[] }>('select item_ids from live_sessions where id = $1', [
      roomId,
    ]);
    const ids = rows[0]?.item_ids ?? [];
    const { rows: items } = await client.query<{
      id: string;
      type: string;
      content: { options?: { id: string }[] };
      answer: { correct?: string[]; value?: boolean };
    }>('select id, type, content, answer from items where id = any($1)', [ids]);
    return ids.map((id) => {
      const item = items.find((row) => row.id === id);
      if (!item) throw new Error(`item ${id} missing`);
      if (item.type === 'true-false') {
        return { type: item.type, options: [{ id: 'true' }, { id: 'false' }], correct: [String(item.answer.value)] };
      }
      return { type: item.type, options: item.content.options ?? [], correct: item.answer.correct ?? [] };
    });
  } finally {
    await client.end();
  }
}

/** The answer button of option `index`: its accessible name starts with its letter and shape. */
function optionButton(page: Page, index: number) {
  const look = optionLook(index);
  return page.getByRole('button', { name: new RegExp(`^${look.letter}, ${look.shape}:`) });
}

async function answer(page: Page, item: QuizItem, right: boolean): Promise<void> {
  const picks = right ? item.correct : [item.options.find((option) => !item.correct.includes(option.id))?.id ?? ''];
  for (const id of picks)
    await optionButton(
      page,
      item.options.findIndex((option) => option.id === id),
    ).click();
  if (item.type === 'multi-select') await page.getByRole('button', { name: /^Lock in/ }).click();
  await page.getByText('Answer locked in.').waitFor();
}

async function join(person: Person, typedPin: string, nickname: string): Promise<void> {
  const { page } = person;
  await page.goto('/play');
  await page.getByRole('heading', { name: 'Join a live quiz' }).waitFor();
  await page.getByLabel('Game PIN').fill(typedPin);
  await page.getByLabel('Nickname').fill(nickname);
  await page.getByRole('button', { name: 'Join' }).click();
}

/** True when nothing is wider than the viewport (no sideways scrolling on a phone). */
function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** A screenshot of the host's screen as a phone would show it, then back to the desktop. */
async function hostPhoneShot(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await screenshot(page, name);
  await page.setViewportSize(DESKTOP);
}

describe.skipIf(!hasChromium)('a live quiz in browsers', () => {
  const app = useWebApp();
  beforeAll(() => seedCourses(), 60_000);

  it('happy: host a game for three players through a reload, reveal, next, end and the CSV', async () => {
    // The instructor creates the game in the browser and lands on the host screen.
    const instructor = await accountWithRole('instructor', 'Quiz Host');
    const host = await app.signedIn(instructor);
    await host.page.goto('/instructor/live');
    await host.page.getByRole('heading', { name: 'Live quizzes', level: 1 }).waitFor();
    await host.page.getByText('No live games yet.').waitFor();
    await host.page.getByLabel('Course').selectOption('js-graphs');
    await host.page.getByText('Questions come from the whole course, or from one concept.').waitFor();
    await host.page.getByLabel('Concept').selectOption('adjacency-lists');
    await host.page.getByLabel('Questions').fill('0');
    await host.page.getByRole('button', { name: 'Create and host' }).click();
    await host.page.getByText('Choose between 1 and 50 questions.').waitFor();
    await host.page.getByLabel('Questions').fill('2');
    await host.page.getByLabel('Seconds per question').fill('120');
    await host.page.getByLabel('Title (optional)').fill('Graphs warm-up');
    await screenshot(host.page, 'live-sessions');
    await host.page.getByRole('button', { name: 'Create and host' }).click();
    await host.page.waitForURL(/\/host\/[0-9a-f-]{36}$/);
    const roomId = new URL(host.page.url()).pathname.split('/').at(-1) ?? '';
    await host.page.getByRole('button', { name: 'Start the game' }).waitFor();
    const pin = (await host.page.getByLabel(/^Game PIN/).textContent())?.trim() ?? '';
    expect(pin).toMatch(/^\d{6}$/);
    const items = await itemsOf(roomId);
    expect(items).toHaveLength(2);
    const [first, second] = items;
    if (!first || !second) throw new Error('questions missing');

    // A reload of the host's tab keeps the host's seat (the token is in sessionStorage).
    await host.page.reload();
    await host.page.getByRole('button', { name: 'Start the game' }).waitFor();
    expect(await host.page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('live')))).toEqual([]);

    // Three players join by PIN: a wrong PIN and a taken nickname are refused on their fields.
    const ada = await app.person(PHONE);
    const bo = await app.person();
    const cy = await app.person();
    await ada.page.goto('/play');
    await ada.page.getByLabel('Game PIN').fill(`PIN: ${pin.slice(0, 3)} ${pin.slice(3)}`);
    await expect(ada.page.getByLabel('Game PIN').inputValue()).resolves.toBe(pin);
    await ada.page.getByLabel('Nickname').fill('Ada');
    await screenshot(ada.page, 'live-join');
    await ada.page.getByRole('button', { name: 'Join' }).click();
    await ada.page.getByRole('heading', { name: 'You’re in, Ada!' }).waitFor();
    expect(await fitsWidth(ada.page)).toBe(true);

    await join(bo, pin === '000000' ? '000001' : '000000', 'Bo');
    await bo.page.getByText('No live quiz has that PIN').waitFor();
    await expect(bo.page.getByLabel('Game PIN').getAttribute('aria-invalid')).resolves.toBe('true');
    await bo.page.getByLabel('Game PIN').fill(pin);
    await bo.page.getByLabel('Nickname').fill('ADA');
    await screenshot(bo.page, 'live-join');
    await bo.page.getByRole('button', { name: 'Join' }).click();
    await bo.page.getByText('Someone in the room already has that nickname').waitFor();
    await bo.page.getByLabel('Nickname').fill('Bo');
    await bo.page.getByRole('button', { name: 'Join' }).click();
    await bo.page.getByRole('heading', { name: 'You’re in, Bo!' }).waitFor();
    await join(cy, pin, 'Cy');
    await cy.page.getByRole('heading', { name: 'You’re in, Cy!' }).waitFor();

    // The host's lobby lists all three; the host starts.
    const players = host.page.getByRole('region', { name: /Players/ });
    for (const name of ['Ada', 'Bo', 'Cy']) await players.getByText(name, { exact: true }).waitFor();
    await screenshot(host.page, 'live-host-lobby');
    await hostPhoneShot(host.page, 'live-host-lobby');
    await host.page.getByRole('button', { name: 'Start the game' }).click();

    for (const player of [ada, bo, cy]) await player.page.getByText('Question 1 of 2').waitFor();
    await optionButton(ada.page, 0).waitFor();
    await screenshot(ada.page, 'live-player-question');
    expect(await fitsWidth(ada.page)).toBe(true);
    await screenshot(bo.page, 'live-player-question');

    // Ada answers right; Bo reloads mid-question, gets his seat and the question back, answers wrong.
    await answer(ada.page, first, true);
    await bo.page.reload();
    await bo.page.getByText('Question 1 of 2').waitFor();
    await expect(optionButton(bo.page, 0).isEnabled()).resolves.toBe(true);
    await answer(bo.page, first, false);
    // Ada reloads after answering: her answer stays locked in.
    await ada.page.reload();
    await ada.page.getByText('Answer locked in.').waitFor();

    // Cy does not answer; the host sees two of three answers in and reveals.
    await host.page.getByText('2 of 3 answered').waitFor();
    await screenshot(host.page, 'live-host-question');
    await hostPhoneShot(host.page, 'live-host-question');
    await host.page.getByRole('button', { name: 'Reveal answers' }).click();
    const chart = host.page.getByRole('figure');
    await chart.getByText('How the room answered (3 players)').waitFor();
    await chart.getByText('✓ correct').first().waitFor();
    const board = host.page.getByRole('region', { name: 'Leaderboard: top 5' });
    await expect(board.getByRole('listitem').first().textContent()).resolves.toMatch(/^1stAda/);
    await screenshot(host.page, 'live-host-results');
    await hostPhoneShot(host.page, 'live-host-results');

    await ada.page.getByText('✓ Correct').waitFor();
    await ada.page.getByText(/^You are 1st with/).waitFor();
    await bo.page.getByText('✗ Incorrect').waitFor();
    await cy.page.getByText('No answer', { exact: true }).waitFor();
    await screenshot(ada.page, 'live-player-result');
    expect(await fitsWidth(ada.page)).toBe(true);
    await screenshot(bo.page, 'live-player-result');

    // The next question, then the host ends the game.
    await host.page.getByRole('button', { name: /^(Next question|Finish and show the podium)$/ }).click();
    for (const player of [ada, bo, cy]) await player.page.getByText('Question 2 of 2').waitFor();
    await answer(ada.page, second, true);

    // The instructor opens the game on another device: that tab has no host key, so it offers
    // to take over; the first tab is told and can take it back.
    const laptop = await app.signedIn(instructor);
    await laptop.page.goto(`/host/${roomId}`);
    await laptop.page.getByRole('heading', { name: 'This tab can’t host this game' }).waitFor();
    await laptop.page.getByRole('button', { name: 'Host from this tab' }).click();
    await laptop.page.getByText('1 of 3 answered').waitFor();
    const displaced = host.page.getByRole('alert').filter({ hasText: 'This game can’t be hosted' });
    await displaced.getByText('This game is now hosted from another tab or device.').waitFor();
    await displaced.getByRole('button', { name: 'Host from this tab' }).click();
    await host.page.getByText('1 of 3 answered').waitFor();
    await laptop.page.getByText('This game is now hosted from another tab or device.').waitFor();
    expect(laptop.consoleErrors).toEqual([]);
    await laptop.context.close();

    await host.page.getByRole('button', { name: 'End game' }).click();
    await host.page.getByRole('button', { name: 'End now' }).click();

    for (const player of [ada, bo, cy]) {
      await player.page.getByRole('heading', { name: 'Game over' }).waitFor();
      await player.page.getByRole('heading', { name: 'Podium' }).waitFor();
    }
    await ada.page.getByText(/You finished 1st with/).waitFor();
    await screenshot(ada.page, 'live-player-podium');
    await screenshot(bo.page, 'live-player-podium');
    await host.page.getByRole('heading', { name: 'Podium' }).waitFor();

    // The results CSV comes down as a file with the header row the report promises.
    const [download] = await Promise.all([
      host.page.waitForEvent('download'),
      host.page.getByRole('button', { name: 'Download results (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('graphs-warm-up-results.csv');
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toMatch(/^rank,nickname,score,correct,answered,signed in,Q1 [a-z0-9-]+,Q2 [a-z0-9-]+$/);
    expect(rows.map((row) => row.split(',')[1])).toEqual(['Ada', 'Bo', 'Cy']);

    // The sessions list shows the game ended, with its three players.
    await host.page.getByRole('link', { name: 'Back to live sessions' }).click();
    const row = host.page.getByRole('row', { name: /Graphs warm-up/ });
    await row.getByText('Ended', { exact: true }).waitFor();
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toBe('3');
    await screenshot(host.page, 'live-sessions');
    await hostPhoneShot(host.page, 'live-sessions');

    // Bo's refused joins (the wrong PIN, the taken nickname) are the only errors the browsers logged.
    expect(bo.consoleErrors).toEqual([
      expect.stringContaining('status of 404'),
      expect.stringContaining('status of 409'),
    ]);
    for (const person of [host, ada, bo, cy]) {
      if (person !== bo) expect(person.consoleErrors).toEqual([]);
      await person.context.close();
    }
  }, 240_000);

  it('error: a removed player is told so, and a tab without a seat is sent to join', async () => {
    const host = await app.signedIn(await accountWithRole('instructor', 'Strict Host'));
    await host.page.goto('/instructor/live');
    await host.page.getByLabel('Course').selectOption('js-graphs');
    await host.page.getByRole('button', { name: 'Create and host' }).click();
    await host.page.getByRole('button', { name: 'Start the game' }).waitFor();
    const pin = (await host.page.getByLabel(/^Game PIN/).textContent())?.trim() ?? '';

    const player = await app.person(PHONE);
    await join(player, pin, 'Noisy');
    await player.page.getByRole('heading', { name: 'You’re in, Noisy!' }).waitFor();
    const roomPath = new URL(player.page.url()).pathname;
    await host.page.getByRole('button', { name: 'Remove Noisy' }).click();
    await host.page.getByRole('button', { name: 'Remove Noisy' }).click();
    await player.page.getByRole('heading', { name: 'You were removed from this game' }).waitFor();
    await screenshot(player.page, 'live-player-removed');
    await host.page.getByText('Nobody has joined yet.').waitFor();

    // Another tab (no seat token) opening the same game address is sent to the join form.
    const stranger = await app.person(PHONE);
    await stranger.page.goto(roomPath);
    await stranger.page.getByRole('heading', { name: 'No seat in this game' }).waitFor();
    await stranger.page.getByRole('link', { name: 'Join a game' }).click();
    await stranger.page.getByRole('heading', { name: 'Join a live quiz' }).waitFor();

    for (const person of [host, player, stranger]) {
      expect(person.consoleErrors).toEqual([]);
      await person.context.close();
    }
  }, 120_000);
});
