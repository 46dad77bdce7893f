/**
 * One item from served to graded, against a stand-in network: the answer each control
 * builds is the payload POST /api/attempts gets, number keys pick options, a retry after a
 * network error reuses the attempt id (exactly-once), hints are counted, a code exercise's
 * test results are shown, and an item of a study group's shared set is answered for the group.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttemptResult } from './Feedback';
import { ItemRunner, type GroupPlace } from './ItemRunner';
import type { PracticeItem } from './items';

interface SentAttempt {
  itemId: string;
  attemptId: string;
  response: unknown;
  elapsedMs: number;
  hintsUsed: number;
  mode: string;
  groupId?: string;
}

// Installed before the API client is imported: openapi-fetch keeps the fetch it finds.
const network = vi.hoisted(() => {
  const state = {
    sent: [] as { url: string; body: unknown }[],
    answer: (_body: unknown): Response | Promise<Response> => {
      throw new Error('no answer set');
    },
  };
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const body: unknown = request.method === 'POST' ? await request.json() : undefined;
    state.sent.push({ url: request.url, body });
    return state.answer(body);
  }) as typeof fetch;
  return state;
});

// CodeMirror does not run in jsdom; the textarea it replaces is the same control.
vi.mock('./codemirror', () => ({
  createEditor: () => {
    throw new Error('no CodeMirror in jsdom');
  },
}));

afterEach(() => {
  cleanup();
  network.sent.length = 0;
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function attemptResult(overrides: Partial<AttemptResult> = {}): AttemptResult {
  return {
    attemptId: 'server-1',
    correct: true,
    feedback: [],
    explanation: 'Every node gets a key.',
    answer: ['a', 'c'],
    mastery: { concept: 'adjacency-lists', before: 0.3, after: 0.45, levelBefore: 'attempted', levelAfter: 'familiar' },
    xp: { gained: 10, total: 110, today: 30, dailyGoal: 50, tier: 'Bronze' },
    streak: { current: 2, longest: 4, atRisk: false },
    review: { rating: 'good', due: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    achievements: [],
    unlockedConcepts: [],
    replayed: false,
    ...overrides,
  };
}

function item(type: string, content: Record<string, unknown>, hints: string[] = []): PracticeItem {
  return {
    id: '6c1f0f5e-3c55-4c0e-9d1e-0b6f2b8f1a01',
    slug: `${type}-item`,
    course: 'js-graphs',
    concept: 'adjacency-lists',
    type,
    difficulty: 'medium',
    prompt: 'Which of these are **adjacency lists**?',
    hints,
    content,
  };
}

const OPTIONS = [
  { id: 'a', text: "`{ a: ['b'], b: [] }`" },
  { id: 'b', text: 'An edge list' },
  { id: 'c', text: "`{ b: [], a: ['b'] }`" },
];

function runner(
  practiceItem: PracticeItem,
  options: { hintsEnabled?: boolean; ids?: string[]; group?: GroupPlace; nextLabel?: string } = {},
) {
  const ids = options.ids ?? ['attempt-0001', 'attempt-0002', 'attempt-0003'];
  let next = 0;
  const onNext = vi.fn();
  render(() => (
    <ItemRunner
      item={practiceItem}
      mode="practice"
      language="javascript"
      titleOf={(slug) => (slug === 'adjacency-lists' ? 'Representing graphs' : '')}
      hintsEnabled={options.hintsEnabled ?? true}
      nextLabel={options.nextLabel ?? 'Next item'}
      onNext={onNext}
      group={options.group}
      newAttemptId={() => ids[next++] ?? `attempt-extra-${next}`}
    />
  ));
  const attempts = () => network.sent.filter((request) => request.url.endsWith('/api/attempts'));
  return { onNext, attempts, lastAttempt: () => attempts().at(-1)?.body as SentAttempt };
}

describe('<ItemRunner>', () => {
  it('builds a multi-select answer from the boxes ticked and shows the feedback', async () => {
    network.answer = () =>
      json(
        attemptResult({ achievements: [{ id: 'first-steps', title: 'First Steps', description: 'A first answer' }] }),
      );
    const { lastAttempt } = runner(item('multi-select', { options: OPTIONS }));

    fireEvent.click(screen.getByRole('checkbox', { name: /a: \['b'\], b: \[\]/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /b: \[\], a: \['b'\]/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));

    expect(await screen.findByRole('heading', { name: /Correct!/ })).toBeTruthy();
    expect(lastAttempt()).toMatchObject({
      itemId: '6c1f0f5e-3c55-4c0e-9d1e-0b6f2b8f1a01',
      attemptId: 'attempt-0001',
      response: ['a', 'c'],
      hintsUsed: 0,
      mode: 'practice',
    });
    expect(lastAttempt().elapsedMs).toBeGreaterThanOrEqual(0);
    expect(screen.getByText('Representing graphs', { selector: '.mastery-text strong' })).toBeTruthy();
    expect(document.querySelector('.mastery-numbers')?.textContent).toMatch(/^30%.*45%$/);
    expect(screen.getByText('+15 points')).toBeTruthy();
    expect(screen.getByText('+10 XP')).toBeTruthy();
    expect(screen.getByText('First Steps')).toBeTruthy();
    // Graded options are marked in words.
    expect(screen.getAllByText('Your answer, correct')).toHaveLength(2);
  });

  it('asks for an answer instead of sending an empty one', () => {
    runner(item('multi-select', { options: OPTIONS }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose at least one option.');
    expect(network.sent).toEqual([]);
  });

  it('picks options with number keys, announces them, and submits with Enter', async () => {
    network.answer = () => json(attemptResult({ correct: false, answer: ['a'] }));
    const { lastAttempt, onNext } = runner(item('multiple-choice', { options: OPTIONS }));

    fireEvent.keyDown(document.body, { key: '3' });
    expect(screen.getByRole('radio', { name: /b: \[\], a: \['b'\]/ })).toHaveProperty('checked', true);
    await waitFor(() =>
      expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
        "Option 3 selected: `{ b: [], a: ['b'] }`",
      ),
    );
    fireEvent.keyDown(document.body, { key: '1' });
    fireEvent.keyDown(document.body, { key: 'Enter' });

    expect(await screen.findByRole('heading', { name: /Not quite/ })).toBeTruthy();
    expect(lastAttempt().response).toBe('a');
    expect(screen.getByRole('button', { name: 'Why is my answer wrong?' })).toBeTruthy();
    // Enter again goes on to the next item.
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(onNext).toHaveBeenCalledTimes(1);
  });

  it('security: a retry after a network error reuses the attempt id, so the answer counts once', async () => {
    let calls = 0;
    network.answer = () => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return json(attemptResult({ replayed: true, answer: false }));
    };
    const { attempts } = runner(item('true-false', {}));
    fireEvent.click(screen.getByRole('radio', { name: 'True' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not reach the server');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('This answer had already been recorded; here is its result.')).toBeTruthy();
    const sentIds = attempts().map((request) => (request.body as SentAttempt).attemptId);
    expect(sentIds).toEqual(['attempt-0001', 'attempt-0001']);
    expect(attempts().map((request) => (request.body as SentAttempt).response)).toEqual([true, true]);
  });

  it('reveals hints one at a time and reports how many were used', async () => {
    network.answer = () => json(attemptResult({ answer: 'edge list' }));
    const { lastAttempt } = runner(item('short-answer', {}, ['Pairs of nodes.', 'Two words: ___ list.']));
    fireEvent.click(screen.getByRole('button', { name: 'Show a hint (1 of 2)' }));
    expect(screen.getByText('Pairs of nodes.')).toBeTruthy();
    expect(screen.queryByText('Two words: ___ list.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show another hint (2 of 2)' }));
    expect(screen.getByText('Two words: ___ list.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /hint/ })).toBeNull();

    fireEvent.input(screen.getByRole('textbox', { name: 'Your answer' }), { target: { value: ' edge list ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await screen.findByRole('heading', { name: /Correct!/ });
    expect(lastAttempt()).toMatchObject({ response: 'edge list', hintsUsed: 2 });
  });

  it('offers no hint button when the item has none, or the learner turned hints off', () => {
    runner(item('short-answer', {}, []));
    expect(screen.queryByRole('button', { name: /hint/ })).toBeNull();
    cleanup();
    runner(item('short-answer', {}, ['A hint']), { hintsEnabled: false });
    expect(screen.queryByRole('button', { name: /hint/ })).toBeNull();
  });

  it('sends code as { code } and shows the failing tests; “Try again” answers anew with a new id', async () => {
    network.answer = () =>
      json(
        attemptResult({
          correct: false,
          answer: { solution: 'export function fromEdges() { return {}; }' },
          evaluation: {
            status: 'fail',
            tests: [
              { name: 'an empty edge list gives an empty graph', status: 'pass' },
              { name: 'one edge gives two nodes', status: 'fail', message: 'expected {} to equal { a: ["b"], b: [] }' },
            ],
          },
        }),
      );
    const { attempts } = runner(
      item('code-exercise', { language: 'javascript', starter: 'export function fromEdges(edges) {\n}\n' }),
    );
    const editor = await screen.findByRole('textbox', { name: 'Your code' });
    expect((editor as HTMLTextAreaElement).value).toBe('export function fromEdges(edges) {\n}\n');
    fireEvent.input(editor, { target: { value: 'export function fromEdges() { return {}; }' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));

    expect(await screen.findByText('1 of 2 tests passed.')).toBeTruthy();
    expect(screen.getByText('one edge gives two nodes')).toBeTruthy();
    expect(screen.getByText('expected {} to equal { a: ["b"], b: [] }')).toBeTruthy();
    expect(screen.getByText('Show the reference solution')).toBeTruthy();
    expect(attempts()[0]?.body).toMatchObject({ response: { code: 'export function fromEdges() { return {}; }' } });

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(attempts()).toHaveLength(2));
    expect((attempts()[1]?.body as SentAttempt).attemptId).toBe('attempt-0002');
    expect((attempts()[1]?.body as SentAttempt).response).toEqual({
      code: 'export function fromEdges() { return {}; }',
    });
  });

  it('answers an item of a group’s shared set for the group, saying where it stands in the set', async () => {
    network.answer = () => json(attemptResult({ correct: false, answer: ['a'] }));
    const group = { id: '0b8e4c62-8f0e-4f57-9d8b-2a1c1d3e4f50', position: 2, total: 3, answeredBefore: true };
    const { lastAttempt, onNext } = runner(item('multiple-choice', { options: OPTIONS }), {
      group,
      nextLabel: 'Next question',
    });

    expect(screen.getByRole('heading', { level: 4, name: 'Question 2 of 3: Multiple choice' })).toBeTruthy();
    expect(screen.getByText('You answered this one already; answering again updates your tally.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /An edge list/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));

    expect(await screen.findByRole('heading', { name: /Not quite/ })).toBeTruthy();
    expect(lastAttempt()).toMatchObject({ response: 'b', mode: 'practice', groupId: group.id });
    expect(screen.queryByText(/You answered this one already/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next question' }));
    expect(onNext).toHaveBeenCalledTimes(1);
  });

  it('sends no group id outside a group', async () => {
    network.answer = () => json(attemptResult({ answer: true }));
    const { lastAttempt } = runner(item('true-false', {}));
    expect(screen.getByRole('heading', { level: 2, name: 'True or false' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'True' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await screen.findByRole('heading', { name: /Correct!/ });
    expect(lastAttempt()).not.toHaveProperty('groupId');
  });
});
