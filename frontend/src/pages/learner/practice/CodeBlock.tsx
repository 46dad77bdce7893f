/** Read-only code, highlighted by code/highlight.ts as Solid spans (no innerHTML). */
import { For, type JSX } from 'solid-js';
import { highlight } from '../../../code/highlight';
import '../../../code/highlight.css';

export function CodeBlock(props: { code: string; language: string }): JSX.Element {
  return (
    // Focusable so a keyboard can scroll a long line sideways.
    <pre class="code" tabindex="0">
      <code>
        <For each={highlight(props.code, props.language)}>
          {(token) => (token.kind === 'plain' ? token.text : <span class={`tok-${token.kind}`}>{token.text}</span>)}
        </For>
      </code>
    </pre>
  );
}
