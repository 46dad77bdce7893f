/** The editor's preview renders Markdown, highlights code fences, and strips anything that could run. */
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkdownPreview } from './MarkdownPreview';

describe('<MarkdownPreview>', () => {
  afterEach(cleanup);

  it('renders headings and highlighted code in the course’s language, and follows the text', async () => {
    const [text, setText] = createSignal('# Walkers\n\n```\nwalker Visit {}\n```');
    const { container } = render(() => <MarkdownPreview text={text()} language="jac" />);
    expect(await screen.findByRole('heading', { name: 'Walkers' })).toBeTruthy();
    expect(container.querySelector('pre .tok-keyword')?.textContent).toBe('walker');
    setText('Now **bold**');
    await waitFor(() => expect(container.querySelector('strong')?.textContent).toBe('bold'));
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('never lets authored HTML run: scripts, handlers and javascript: links are removed', async () => {
    const hostile = [
      '<script>window.hacked = true</script>',
      '<img src="x" onerror="window.hacked = true">',
      '[click](javascript:alert(1))',
      '<iframe src="https://example.com"></iframe>',
    ].join('\n\n');
    const { container } = render(() => <MarkdownPreview text={hostile} language="javascript" />);
    await waitFor(() => expect(container.querySelector('img')).toBeTruthy());
    expect(container.querySelector('script, iframe')).toBeNull();
    expect(container.querySelector('img')?.getAttribute('onerror')).toBeNull();
    expect(container.querySelector('a')?.getAttribute('href') ?? '').not.toContain('javascript:');
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
  });
});
