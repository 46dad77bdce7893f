/**
 * The code answer: a plain textarea at once, replaced by CodeMirror when its chunk has
 * loaded (dynamic import, so only code exercises pay for it). If the chunk cannot load the
 * textarea simply stays: the learner can still answer. Either way the text lives in the
 * parent's draft, so nothing typed is lost in the swap.
 */
import { createEffect, createSignal, onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { EditorHandle } from './codemirror';

export interface CodeEditorProps {
  id: string;
  label: string;
  describedBy?: string;
  language: string;
  value: string;
  onInput: (text: string) => void;
  onSubmit: () => void;
  readOnly: boolean;
}

export function CodeEditor(props: CodeEditorProps): JSX.Element {
  let host: HTMLDivElement | undefined;
  const [editor, setEditor] = createSignal<EditorHandle | null>(null);
  const [failed, setFailed] = createSignal(false);
  let disposed = false;

  onMount(() => {
    import('./codemirror')
      .then(({ createEditor }) => {
        if (disposed || !host) return;
        const hadFocus = document.activeElement?.id === props.id;
        setEditor(
          createEditor(host, {
            doc: props.value,
            label: props.label,
            describedBy: props.describedBy,
            language: props.language,
            readOnly: props.readOnly,
            onChange: (text) => props.onInput(text),
            onSubmit: () => props.onSubmit(),
          }),
        );
        if (hadFocus) host.querySelector<HTMLElement>('.cm-content')?.focus();
      })
      .catch(() => setFailed(true));
  });

  // The draft can change from outside (a reset); the editor follows it.
  createEffect(() => {
    const current = editor();
    if (current && current.value() !== props.value) current.setValue(props.value);
  });
  createEffect(() => editor()?.setReadOnly(props.readOnly));

  onCleanup(() => {
    disposed = true;
    editor()?.destroy();
  });

  return (
    <div class="code-editor">
      <Show when={!editor()}>
        <textarea
          id={props.id}
          class="code-fallback"
          aria-label={props.label}
          aria-describedby={props.describedBy}
          spellcheck={false}
          autocapitalize="off"
          autocomplete="off"
          rows={Math.min(24, Math.max(8, props.value.split('\n').length + 1))}
          readOnly={props.readOnly}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              props.onSubmit();
            }
          }}
        />
        <p class="hint" role="status">
          {failed() ? 'The code editor could not load; this plain box works too.' : 'Loading the code editor…'}
        </p>
      </Show>
      <div ref={(element) => (host = element)} class="code-mirror-host" hidden={!editor()} />
    </div>
  );
}
