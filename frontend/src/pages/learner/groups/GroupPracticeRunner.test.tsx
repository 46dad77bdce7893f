/**
 * The group's shared set in the room, against a stand-in network: it opens on the first
 * question I have not answered, sends each answer with the group's id, and "Next question"
 * moves along the set.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../../../app/session';
import type { PracticeItem } from '../practice/items';
import GroupPracticeRunner from './GroupPracticeRunner';

const GROUP = '0b8e4c62-8f0e-4f57-9d8b-2a1c1d3e4f50';

// Installed before the API client is imported: openapi-fetch keeps the fetch it finds.
const network = vi.hoisted(() => {
  const state = { sent: [] as { method: string; path: string; body: unknown }[] };
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    const body: unknown = request.method === 'POST' ? await request.json() : undefined;
    state.sent.push({ method: request.method, path, body });
    const reply = (value: unknown, status = 200) =>
      new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
    if (path === '/api/me') return reply({ error: { code: 'UNAUTHENTICATED', message: 'Sign in.' } }, 401);
    if (path.endsWith('/practice')) return reply({ items: SET, startedAt: 1 });
    if (path === '/api/attempts') return reply(RESULT);
    return reply({ error: { code: 'NOT_FOUND', message: 'Not found.' } }, 404);
  }) as typeof fetch;
  return state;
});

const SET: PracticeItem[] = ['11111111', '22222222', '33333333'].map((prefix, index) => ({
  id: `${prefix}-3c55-4c0e-9d1e-0b6f2b8f1a01`,
  slug: `item-${index + 1}`,
  course: 'js-graphs',
  concept: 'adjacency-lists',
  type: 'true-false',
  difficulty: 'easy',
  prompt: `Statement ${index + 1}`,
  hints: [],
  content: {},
}));

const RESULT = {
  attemptId: 'server-1',
  correct: true,
  feedback: [],
  explanation: '',
  answer: true,
  mastery: { concept: 'adjacency-lists', before: 0.3, after: 0.45, levelBefore: 'attempted', levelAfter: 'familiar' },
  xp: { gained: 10, total: 110, today: 30, dailyGoal: 50, tier: 'Bronze' },
  streak: { current: 2, longest: 4, atRisk: false },
  review: { rating: 'good', due: new Date(Date.now() + 86_400_000).toISOString() },
  achievements: [],
  unlockedConcepts: [],
  replayed: false,
};

afterEach(() => {
  cleanup();
  network.sent.length = 0;
});

describe('<GroupPracticeRunner>', () => {
  it('starts on my first open question, answers it for the group and moves on', async () => {
    const onClose = vi.fn();
    const first = SET[0]?.id ?? '';
    render(() => (
      <SessionProvider>
        <GroupPracticeRunner groupId={GROUP} mine={{ [first]: false }} onClose={onClose} />
      </SessionProvider>
    ));

    expect(await screen.findByRole('heading', { level: 4, name: 'Question 2 of 3: True or false' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '1, answered wrong' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '2' }).getAttribute('aria-current')).toBe('step');

    fireEvent.click(screen.getByRole('radio', { name: 'True' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await screen.findByRole('heading', { name: /Correct!/ });
    const attempt = network.sent.find((request) => request.path === '/api/attempts');
    expect(attempt?.body).toMatchObject({ itemId: SET[1]?.id, response: true, mode: 'practice', groupId: GROUP });

    fireEvent.click(screen.getByRole('button', { name: 'Next question' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 4, name: 'Question 3 of 3: True or false' })).toBeTruthy(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
