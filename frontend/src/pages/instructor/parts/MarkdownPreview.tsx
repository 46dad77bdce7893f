/** Rendered, sanitised Markdown (ui/markdown.ts) for the editor's previews; updates as the text changes. */
import { createResource, type JSX } from 'solid-js';
import { Load } from '../../../ui/Load';
import { Markdown } from '../../../ui/MarkdownView';
import { loadMarkdown } from '../../../ui/markdown';

export function MarkdownPreview(props: { text: string; language: string; class?: string }): JSX.Element {
  // Loading the renderer here (not only inside <Markdown>) gives the preview its loading and Retry states.
  const [renderer, { refetch }] = createResource(loadMarkdown);
  return (
    <Load data={renderer} retry={refetch} loading="Loading the preview…">
      {() => <Markdown text={props.text} language={props.language} class={props.class} />}
    </Load>
  );
}
