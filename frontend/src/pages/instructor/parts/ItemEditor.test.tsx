/**
 * The item form: it sends the edited item as the API expects it, checks what it can before
 * sending, and puts the API's 400 on the field it names; the learner view follows the form.
 * With the page's leave warning (unsaved.ts), unsaved edits ask before navigating away.
 */
import { A, createMemoryHistory, MemoryRouter, Route } from '@solidjs/router';
import { cleanup, fireEvent, render, waitFor, within } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthoringItem } from './ItemEditor';
import { LEAVE_MESSAGE, useUnsavedChangesGuard } from './unsaved';

const server = vi.hoisted(() => {
  const calls: { url: string; method: string; body: unknown }[] = [];
  let answer: (body: unknown) => Response = () => new Response('{}');
  // openapi-fetch keeps the fetch it finds when the client is made, so this comes first.
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const request = input as Request;
    const body: unknown = await request.json();
    calls.push({ url: request.url, method: request.method, body });
    return answer(body);
  };
  return { calls, reply: (next: (body: unknown) => Response) => (answer = next) };
});

const { ItemEditor } = await import('./ItemEditor');

const item: AuthoringItem = {
  slug: 'pick-side',
  answers: 3,
  updatedAt: '2025-01-01T10:00:00.000Z',
  fields: {
    type: 'multiple-choice',
    difficulty: 'easy',
    prompt: 'Which **side**?',
    explanation: 'Left is right.',
    hints: ['Think.'],
    options: [
      { id: 'left', text: 'Left', correct: true },
      { id: 'right', text: 'Right', correct: false },
    ],
  },
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The editor for `initial` (null: a new item), with what it reported saved and whether it was dirty. */
function setup(initial: AuthoringItem | null = item) {
  const saved: { slug: string; created: boolean }[] = [];
  const dirty: boolean[] = [];
  const view = render(() => (
    <ItemEditor
      course="graphs"
      concept="basics"
      language="javascript"
      initial={initial}
      onSaved={(stored, created) => saved.push({ slug: stored.slug, created })}
      onDirty={(value) => dirty.push(value)}
    />
  ));
  return { screen: within(view.container), saved, dirty };
}

describe('<ItemEditor>', () => {
  afterEach(() => {
    cleanup();
    server.calls.length = 0;
  });

  it('marks another option correct and saves the whole item with a PUT', async () => {
    const { screen, saved, dirty } = setup();
    expect(screen.getByText(/Answered 3 times/)).toBeTruthy();
    const correct = screen.getAllByRole('radio', { name: /Correct/ });
    fireEvent.click(correct[1] as HTMLElement);
    expect(dirty.at(-1)).toBe(true);
    server.reply((body) => json(200, { ...item, updatedAt: '2025-01-02T10:00:00.000Z', fields: body }));
    fireEvent.click(screen.getByRole('button', { name: 'Save item' }));
    await waitFor(() => expect(saved).toEqual([{ slug: 'pick-side', created: false }]));
    expect(server.calls).toEqual([
      {
        url: 'http://localhost:3000/api/content/courses/graphs/items/pick-side',
        method: 'PUT',
        body: {
          ...item.fields,
          options: [
            { id: 'left', text: 'Left', correct: false },
            { id: 'right', text: 'Right', correct: true },
          ],
        },
      },
    ]);
    expect(screen.getByText(/^Saved at/).getAttribute('role')).toBe('status');
    expect(dirty.at(-1)).toBe(false);
  });

  it('refuses to send an empty prompt, and shows the API’s field errors where they belong', async () => {
    const { screen } = setup();
    const prompt = screen.getByLabelText('Prompt (Markdown)');
    fireEvent.input(prompt, { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save item' }));
    expect(await screen.findByText('Write the prompt.')).toBeTruthy();
    expect(prompt.getAttribute('aria-invalid')).toBe('true');
    expect(server.calls).toHaveLength(0);

    fireEvent.input(prompt, { target: { value: 'Which side now?' } });
    server.reply(() =>
      json(400, {
        error: {
          code: 'validation_failed',
          message: 'The request is not valid.',
          requestId: 'r',
          details: [{ path: 'options.1.text', message: 'Too long for an option.' }],
        },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save item' }));
    const error = await screen.findByText('Too long for an option.');
    expect(error.id).toBe(screen.getByLabelText('Option 2').getAttribute('aria-describedby')?.split(' ').at(-1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the learner view of the edit as it is typed', async () => {
    const { screen } = setup();
    const preview = within(screen.getByRole('region', { name: 'Learner view' }));
    await waitFor(() => expect(preview.getByText('side')).toBeTruthy());
    fireEvent.input(screen.getByLabelText('Option 2'), { target: { value: 'The **other** side' } });
    await waitFor(() => expect(preview.getByText('other').tagName).toBe('STRONG'));
    expect(preview.getByRole('group', { name: 'Choose one answer' })).toBeTruthy();
  });

  it('writes a new item: an id, a type, its fields, then a POST into the concept', async () => {
    const { screen, saved } = setup(null);
    fireEvent.input(screen.getByLabelText('Id'), { target: { value: 'Bad Id' } });
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'true-false' } });
    fireEvent.input(screen.getByLabelText('Prompt (Markdown)'), { target: { value: 'Edges have a direction?' } });
    fireEvent.input(screen.getByLabelText('Explanation (Markdown)'), { target: { value: 'In a directed graph.' } });
    fireEvent.click(screen.getByRole('radio', { name: 'False' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create item' }));
    expect(await screen.findByText(/lower-case words joined by hyphens/)).toBeTruthy();
    expect(server.calls).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('Id'), { target: { value: 'edges-directed' } });
    server.reply((body) => {
      const { slug, ...fields } = body as { slug: string };
      return json(201, { slug, answers: 0, updatedAt: '2025-01-02T10:00:00.000Z', fields });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create item' }));
    await waitFor(() => expect(saved).toEqual([{ slug: 'edges-directed', created: true }]));
    expect(server.calls[0]).toMatchObject({
      url: 'http://localhost:3000/api/content/courses/graphs/concepts/basics/items',
      method: 'POST',
      body: {
        slug: 'edges-directed',
        type: 'true-false',
        difficulty: 'medium',
        prompt: 'Edges have a direction?',
        explanation: 'In a directed graph.',
        hints: [],
        answer: false,
      },
    });
  });
});

describe('<ItemEditor> on a page with the leave warning', () => {
  afterEach(() => {
    cleanup();
    server.calls.length = 0;
    vi.restoreAllMocks();
  });

  /** The editor as the content editor page holds it: its dirty state guards leaving the page. */
  function page() {
    const history = createMemoryHistory();
    history.set({ value: '/instructor/content', scroll: false, replace: true });
    const view = render(() => (
      <MemoryRouter history={history}>
        <Route path="/elsewhere" component={() => <p>Elsewhere</p>} />
        <Route
          path="/instructor/content"
          component={() => {
            const [dirty, setDirty] = createSignal(false);
            useUnsavedChangesGuard(dirty);
            return (
              <>
                <A href="/elsewhere">Leave</A>
                <ItemEditor
                  course="graphs"
                  concept="basics"
                  language="javascript"
                  initial={item}
                  onSaved={() => undefined}
                  onDirty={setDirty}
                />
              </>
            );
          }}
        />
      </MemoryRouter>
    ));
    return { screen: within(view.container), history };
  }

  it('asks before leaving with unsaved changes, keeps them when told to stay, and stops asking once saved', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const { screen, history } = page();
    const prompt = await screen.findByLabelText('Prompt (Markdown)');
    fireEvent.input(prompt, { target: { value: 'Which side, now?' } });
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    fireEvent.click(screen.getByRole('link', { name: 'Leave' }));
    expect(confirm).toHaveBeenCalledWith(LEAVE_MESSAGE);
    expect(history.get()).toBe('/instructor/content');
    expect((screen.getByLabelText('Prompt (Markdown)') as HTMLTextAreaElement).value).toBe('Which side, now?');

    server.reply((body) => json(200, { ...item, updatedAt: '2025-01-02T10:00:00.000Z', fields: body }));
    fireEvent.click(screen.getByRole('button', { name: 'Save item' }));
    await screen.findByText(/^Saved at/);
    expect(screen.queryByText('Unsaved changes')).toBeNull();
    confirm.mockClear();
    fireEvent.click(screen.getByRole('link', { name: 'Leave' }));
    await screen.findByText('Elsewhere');
    expect(confirm).not.toHaveBeenCalled();
  });
});
