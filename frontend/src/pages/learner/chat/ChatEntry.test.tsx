/**
 * The conversation's widgets in jsdom: an answer names its agent and links into the app
 * with real anchors (text from the server never becomes markup), a failed question offers
 * "Send again", and the composer sends on Enter but not on Shift+Enter.
 */
import { createMemoryHistory, MemoryRouter, Route } from '@solidjs/router';
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal, type JSX } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatEntry } from './ChatEntry';
import { Composer } from './Composer';
import type { Entry } from './conversation';

afterEach(cleanup);

function inRouter(view: () => JSX.Element) {
  const history = createMemoryHistory();
  history.set({ value: '/chat', scroll: false, replace: true });
  render(() => (
    <MemoryRouter history={history}>
      <Route path="*" component={() => <ul>{view()}</ul>} />
    </MemoryRouter>
  ));
}

describe('<ChatEntry>', () => {
  it('names the agent and links its references into lessons and practice', async () => {
    const entry: Entry = {
      kind: 'agent',
      id: 'q1:reply',
      question: 'q1',
      at: Date.UTC(2025, 0, 1, 10, 0),
      reply: {
        agent: 'content-curator',
        text: 'From the lesson "Walkers":\n\n> A walker <img src=x onerror=alert(1)> moves.',
        links: [{ kind: 'lesson', course: 'osp-with-jac', slug: 'walkers-intro', title: 'Walkers' }],
        action: { kind: 'practice', course: 'osp-with-jac', concept: 'walkers', mode: 'practice' },
      },
    };
    inRouter(() => <ChatEntry entry={entry} onRetry={() => {}} now={0} />);
    expect(await screen.findByText('Content curator')).toBeTruthy();
    const inSentence = screen.getAllByRole('link', { name: 'Walkers' });
    expect(inSentence[0]?.getAttribute('href')).toBe('/courses/osp-with-jac/lessons/walkers-intro');
    expect(screen.getByRole('link', { name: 'Lesson: Walkers' }).getAttribute('href')).toBe(
      '/courses/osp-with-jac/lessons/walkers-intro',
    );
    expect(screen.getByRole('link', { name: 'Practise now' }).getAttribute('href')).toBe(
      '/courses/osp-with-jac/practice?concept=walkers',
    );
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('blockquote')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('offers to send a failed question again, once a rate limit has passed', () => {
    const onRetry = vi.fn();
    const entry: Entry = {
      kind: 'learner',
      id: 'q2',
      text: 'hello',
      at: 0,
      state: 'failed',
      via: 'socket',
      error: 'Too many messages: wait a moment.',
      retryAfter: 5000,
    };
    const [now, setNow] = createSignal(1000);
    inRouter(() => <ChatEntry entry={entry} onRetry={onRetry} now={now()} />);
    expect(screen.getByRole('alert').textContent).toContain('Too many messages');
    const again = screen.getByRole('button', { name: 'Send again' }) as HTMLButtonElement;
    expect(again.disabled).toBe(true);
    setNow(6000);
    expect(again.disabled).toBe(false);
    fireEvent.click(again);
    expect(onRetry).toHaveBeenCalledWith('q2');
  });
});

describe('<Composer>', () => {
  it('sends on Enter, keeps Shift+Enter for a new line, and refuses empty or too long text', () => {
    const onSend = vi.fn();
    const [text, setText] = createSignal('');
    render(() => <Composer id="c" label="Message" value={text()} onInput={setText} onSend={onSend} maxLength={10} />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    setText('hi');
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledTimes(1);
    setText('much too long');
    expect(screen.getByText('3 characters too many.')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledTimes(1);
  });
});
