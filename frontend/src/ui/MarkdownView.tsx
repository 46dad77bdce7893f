/**
 * Markdown in a page (rendered and sanitised by ui/markdown.ts), as a block or inline. The
 * first one shown loads the renderer for all; until it arrives the text is shown as it is,
 * and it stays so if the load fails (the next Markdown shown tries again). A page can start
 * the load early with `preloadMarkdown()`, while its own data is on the way.
 */
import { createSignal, type JSX } from 'solid-js';
import { loadMarkdown, type MarkdownRenderer } from './markdown';
import '../code/highlight.css';
import './markdown.css';

const [renderer, setRenderer] = createSignal<MarkdownRenderer>();

export function preloadMarkdown(): void {
  // A failed load leaves the raw text; loadMarkdown() tries again on the next call.
  if (!renderer()) loadMarkdown().then(setRenderer, () => undefined);
}

/** `base`, the caller's classes, and `markdown-plain` while the text is shown unrendered. */
function classes(base: string, extra: string | undefined): string {
  return [base, extra, renderer() ? '' : 'markdown-plain'].filter(Boolean).join(' ');
}

/** The fragment's nodes: Solid inserts and replaces a list of nodes, not a fragment. */
const nodes = (fragment: DocumentFragment): Node[] => [...fragment.childNodes];

export function Markdown(props: { text: string; language?: string; class?: string; id?: string }): JSX.Element {
  preloadMarkdown();
  const content = () => {
    const render = renderer();
    return render ? nodes(render.block(props.text, { language: props.language })) : props.text;
  };
  return (
    <div id={props.id} class={classes('markdown', props.class)}>
      {content()}
    </div>
  );
}

export function InlineMarkdown(props: { text: string; class?: string }): JSX.Element {
  preloadMarkdown();
  const content = () => {
    const render = renderer();
    return render ? nodes(render.inline(props.text)) : props.text;
  };
  return <span class={classes('markdown-inline', props.class)}>{content()}</span>;
}
