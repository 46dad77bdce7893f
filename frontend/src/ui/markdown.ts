/**
 * The app's one Markdown renderer (prompts, options, explanations, tutor replies, lessons,
 * the content editor's previews): Markdown in, DOM nodes safe to insert out. marked parses
 * it, DOMPurify sanitises the HTML straight into a fragment, and then each code block's
 * text is highlighted by code/highlight.ts into spans made with DOM calls: no HTML string
 * is ever parsed after the sanitiser has run, so authored or agent text cannot inject
 * script or markup. marked and DOMPurify load on first use (their own chunks), so a screen
 * that imports this module pays for them only when it shows Markdown.
 */
import { highlight } from '../code/highlight';

export interface MarkdownOptions {
  /** The language of a code fence that names none (the course's). */
  language?: string;
  /** Rewrites each link's address before sanitising (the lesson's `concept:` links become app paths). */
  link?: (href: string) => string;
  /** The page's h1 already shows the title: a leading `# Title` is dropped and other h1s become h2s. */
  titleShown?: boolean;
}

export interface MarkdownRenderer {
  /** Block Markdown: paragraphs, lists, headings, code fences. */
  block(markdown: string, options?: MarkdownOptions): DocumentFragment;
  /** One line (an option): `code`, emphasis and links, no paragraph around it. */
  inline(markdown: string): DocumentFragment;
}

/** Fence languages as a reader would name them (a lesson shows the name above each block). */
const LANGUAGE_NAMES: Record<string, string> = {
  jac: 'Jac',
  javascript: 'JavaScript',
  js: 'JavaScript',
  mjs: 'JavaScript',
  text: 'Output',
};

/**
 * Replaces the text of every `<pre><code>` under `root` with highlighted spans (a fence
 * without a language is read as `language`), labels the block with its language and makes
 * it focusable (a long line scrolls sideways from the keyboard). Returns how many blocks
 * it highlighted.
 */
export function highlightCodeBlocks(root: ParentNode, language = ''): number {
  let highlighted = 0;
  for (const code of root.querySelectorAll<HTMLElement>('pre > code')) {
    const pre = code.parentElement as HTMLElement;
    const fence = /(?:^|\s)language-(\S+)/.exec(code.className)?.[1]?.toLowerCase() ?? language.toLowerCase();
    pre.tabIndex = 0;
    if (fence) pre.dataset.language = LANGUAGE_NAMES[fence] ?? fence;
    // marked ends every block with a newline; the code itself does not have it.
    const tokens = highlight((code.textContent ?? '').replace(/\n$/, ''), fence);
    const document = code.ownerDocument;
    code.replaceChildren(
      ...tokens.map((token) => {
        if (token.kind === 'plain') return document.createTextNode(token.text);
        const span = document.createElement('span');
        span.className = `tok-${token.kind}`;
        span.textContent = token.text;
        return span;
      }),
    );
    if (tokens.some((token) => token.kind !== 'plain')) highlighted++;
  }
  return highlighted;
}

async function load(): Promise<MarkdownRenderer> {
  const [{ Marked }, { default: DOMPurify }] = await Promise.all([import('marked'), import('dompurify')]);
  const marked = new Marked({ gfm: true });
  const sanitise = (html: string) => DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true });
  return {
    block(markdown, options = {}) {
      const tokens = marked.lexer(markdown);
      if (options.titleShown) {
        const first = tokens.find((token) => token.type !== 'space');
        if (first?.type === 'heading' && first.depth === 1) tokens.splice(tokens.indexOf(first), 1);
      }
      const { link, titleShown } = options;
      if (link || titleShown) {
        marked.walkTokens(tokens, (token) => {
          if (titleShown && token.type === 'heading' && token.depth === 1) token.depth = 2;
          if (link && token.type === 'link') token.href = link(token.href);
        });
      }
      const fragment = sanitise(marked.parser(tokens));
      highlightCodeBlocks(fragment, options.language);
      return fragment;
    },
    inline: (markdown) => sanitise(marked.parseInline(markdown, { async: false })),
  };
}

let loading: Promise<MarkdownRenderer> | undefined;

/** The renderer, loading marked and DOMPurify once (and again after a failed load). */
export function loadMarkdown(): Promise<MarkdownRenderer> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
