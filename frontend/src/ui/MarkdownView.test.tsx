/** <Markdown> shows the text as typed until the renderer is in, then sanitised Markdown that follows the text. */
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineMarkdown, Markdown } from './MarkdownView';

describe('<Markdown> and <InlineMarkdown>', () => {
  afterEach(cleanup);

  it('renders block Markdown with fences in the course’s language, and follows the text', async () => {
    const [text, setText] = createSignal('# Walkers\n\n```\nwalker Visit {}\n```');
    const { container } = render(() => <Markdown text={text()} language="jac" class="prompt" id="p1" />);
    expect(await screen.findByRole('heading', { name: 'Walkers' })).toBeTruthy();
    const block = container.querySelector('#p1');
    expect(block?.className).toBe('markdown prompt');
    expect(block?.querySelector('pre .tok-keyword')?.textContent).toBe('walker');
    setText('Now **bold** <img src="x" onerror="window.hacked = true">');
    await waitFor(() => expect(container.querySelector('strong')?.textContent).toBe('bold'));
    expect(screen.queryByRole('heading')).toBeNull();
    expect(container.querySelector('img')?.getAttribute('onerror')).toBeNull();
  });

  it('renders an option inline: code, no paragraph', async () => {
    const { container } = render(() => <InlineMarkdown text="`{ a: [] }` is a *map*" />);
    await waitFor(() => expect(container.querySelector('code')?.textContent).toBe('{ a: [] }'));
    expect(container.querySelector('p')).toBeNull();
    expect(container.querySelector('.markdown-inline')?.textContent).toBe('{ a: [] } is a map');
  });
});
