// @vitest-environment jsdom
/** Markdown → sanitised, highlighted DOM: scripts, handlers and javascript: links gone, fences labelled and highlighted, lesson options applied. */
import { beforeAll, describe, expect, it } from 'vitest';
import { highlightCodeBlocks, loadMarkdown, type MarkdownOptions, type MarkdownRenderer } from './markdown';

let renderer: MarkdownRenderer;
beforeAll(async () => {
  renderer = await loadMarkdown();
});

/** The fragment in a detached element, to query and serialise. */
function rendered(markdown: string, options?: MarkdownOptions): HTMLElement {
  const holder = document.createElement('div');
  holder.append(renderer.block(markdown, options));
  return holder;
}

describe('sanitising', () => {
  it('strips scripts, event handlers and javascript: links', () => {
    const html = rendered(
      [
        'Hello <script>alert("owned")</script> world.',
        '',
        '<img src="x.png" alt="a graph" onerror="alert(1)">',
        '',
        '[click me](javascript:alert(1)) and <a href="#" onclick="steal()">this</a>',
        '',
        '<iframe src="https://evil.example"></iframe><svg><script>alert(2)</script></svg>',
      ].join('\n'),
    );
    expect(html.querySelector('script')).toBeNull();
    expect(html.querySelector('iframe')).toBeNull();
    const image = html.querySelector('img');
    expect(image?.getAttribute('alt')).toBe('a graph');
    expect(image?.hasAttribute('onerror')).toBe(false);
    expect(html.innerHTML).not.toMatch(/onerror|onclick|javascript:|alert/);
    expect(html.textContent).toContain('click me');
  });

  it('sanitises inline Markdown too', () => {
    const holder = document.createElement('div');
    holder.append(renderer.inline('`a` and <img src="x" onerror="alert(1)"> [go](javascript:alert(1))'));
    expect(holder.querySelector('code')?.textContent).toBe('a');
    expect(holder.querySelector('p')).toBeNull();
    expect(holder.innerHTML).not.toMatch(/onerror|javascript:|alert/);
  });

  it('keeps markup written inside a code fence as text', () => {
    const html = rendered('```jac\nwith entry { print("<script>alert(1)</script>"); }\n```');
    expect(html.querySelector('script')).toBeNull();
    expect(html.querySelector('code')?.textContent).toBe('with entry { print("<script>alert(1)</script>"); }');
  });
});

describe('code blocks', () => {
  it('gives each fence its language and highlights Jac and JavaScript without changing the code', () => {
    const jac = 'walker Greeter {\n    can greet with entry { print("hi"); }\n}';
    const js = 'const seen = new Set(); // visited\nfunction visit(node) { return node; }';
    const html = rendered(
      `Intro.\n\n\`\`\`jac\n${jac}\n\`\`\`\n\n\`\`\`javascript\n${js}\n\`\`\`\n\n\`\`\`text\nhi\n\`\`\``,
    );
    const blocks = [...html.querySelectorAll('pre')];
    expect(blocks.map((pre) => pre.dataset.language)).toEqual(['Jac', 'JavaScript', 'Output']);
    expect(blocks.every((pre) => pre.tabIndex === 0)).toBe(true);

    const [jacCode, jsCode, output] = blocks.map((pre) => pre.querySelector('code') as HTMLElement);
    expect(jacCode?.textContent).toBe(jac);
    expect([...(jacCode?.querySelectorAll('.tok-keyword') ?? [])].map((span) => span.textContent)).toEqual(
      expect.arrayContaining(['walker', 'can', 'with', 'entry']),
    );
    expect(jacCode?.querySelector('.tok-string')?.textContent).toBe('"hi"');
    expect(jsCode?.textContent).toBe(js);
    expect(jsCode?.querySelector('.tok-comment')?.textContent).toBe('// visited');
    // Output is not code: left as plain text.
    expect(output?.children).toHaveLength(0);
  });

  it('reads only the first word of an info string ("jac fragment")', () => {
    const html = rendered('```jac fragment\nnode Person { has name: str; }\n```');
    expect(html.querySelector('pre')?.dataset.language).toBe('Jac');
    expect(html.querySelector('.tok-keyword')?.textContent).toBe('node');
  });

  it('reads a fence without a language in the course’s, and leaves it plain when there is none', () => {
    expect(rendered('```\nwalker Visit {}\n```', { language: 'jac' }).querySelector('.tok-keyword')?.textContent).toBe(
      'walker',
    );
    const plain = rendered('```\nwalker Visit {}\n```');
    expect(plain.querySelector('pre')?.dataset.language).toBeUndefined();
    expect(plain.querySelector('code')?.children).toHaveLength(0);
  });

  it('highlights blocks already in a page, counting only those it coloured', () => {
    const holder = document.createElement('div');
    holder.innerHTML = '<pre><code>plain words</code></pre><pre><code class="language-js">let x = 1;</code></pre>';
    expect(highlightCodeBlocks(holder)).toBe(1);
    const [plain, js] = [...holder.querySelectorAll('pre')];
    expect(plain?.dataset.language).toBeUndefined();
    expect(plain?.textContent).toBe('plain words');
    expect(js?.querySelector('.tok-keyword')?.textContent).toBe('let');
  });
});

describe('the lesson reader’s options', () => {
  it('drops the title heading the page already shows and demotes any other h1', () => {
    const html = rendered('# Your first walker\n\nText.\n\n## Spawning\n\n# Another top heading', {
      titleShown: true,
    });
    expect(html.querySelector('h1')).toBeNull();
    expect([...html.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Spawning', 'Another top heading']);
    expect(html.textContent).not.toContain('Your first walker');
    // Without the option the heading stays.
    expect(rendered('# Walkers').querySelector('h1')?.textContent).toBe('Walkers');
  });

  it('rewrites links through `link`, and still strips a javascript: address it returns', () => {
    const html = rendered('See [nodes](concept:nodes) or [Jac](https://jac-lang.org) or [x](evil:1).', {
      link: (href) => (href === 'concept:nodes' ? '/courses/c?concept=nodes' : href.replace('evil:', 'javascript:')),
    });
    expect([...html.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/courses/c?concept=nodes',
      'https://jac-lang.org',
      null,
    ]);
  });
});
