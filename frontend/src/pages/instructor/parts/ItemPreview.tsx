/**
 * An item as a learner meets it in practice, from the fields being edited: the prompt, the
 * way to answer (inert here), the hints and, folded, the explanation shown after answering.
 * Only what learners get is shown: parsons lines come sorted by text as the API sends them,
 * and a code exercise shows its starter code, never its tests.
 */
import { For, Match, Switch, type JSX } from 'solid-js';
import { highlightToHtml } from '../../../code/highlight';
import { ITEM_TYPES, type ItemFields, type ItemType } from './item-draft';
import { MarkdownPreview } from './MarkdownPreview';

/** Fill-in code cut at its `{{id}}` marks: text to show, and where each blank goes. */
function segments(code: string): ({ text: string } | { blank: string })[] {
  const parts: ({ text: string } | { blank: string })[] = [];
  let last = 0;
  for (const match of code.matchAll(/\{\{([a-z0-9-]+)\}\}/g)) {
    parts.push({ text: code.slice(last, match.index) });
    parts.push({ blank: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  parts.push({ text: code.slice(last) });
  return parts;
}

/** The fields when they are of `type` (Solid's Match does not narrow a union by itself). */
function ofType<T extends ItemType>(fields: ItemFields, type: T): Extract<ItemFields, { type: T }> | undefined {
  return fields.type === type ? (fields as Extract<ItemFields, { type: T }>) : undefined;
}

function Code(props: { code: string; language: string }): JSX.Element {
  return (
    <pre class="code">
      <code innerHTML={highlightToHtml(props.code, props.language)} />
    </pre>
  );
}

export function ItemPreview(props: { fields: ItemFields; language: string }): JSX.Element {
  const typeLabel = () => ITEM_TYPES.find((entry) => entry.type === props.fields.type)?.label ?? props.fields.type;
  const language = () => (props.fields.type === 'code-exercise' ? props.fields.language : props.language);

  return (
    <div class="item-preview stack">
      <p class="muted">
        {typeLabel()} · {props.fields.difficulty}
      </p>
      <MarkdownPreview text={props.fields.prompt || '*(no prompt yet)*'} language={language()} />
      <Switch>
        <Match when={ofType(props.fields, 'multiple-choice') ?? ofType(props.fields, 'multi-select')}>
          {(fields) => (
            <fieldset disabled class="preview-choices">
              <legend>{fields().type === 'multiple-choice' ? 'Choose one answer' : 'Choose all that apply'}</legend>
              <For each={fields().options}>
                {(option) => (
                  <label class="preview-choice">
                    <input type={fields().type === 'multiple-choice' ? 'radio' : 'checkbox'} />
                    <MarkdownPreview text={option.text || '…'} language={language()} class="inline" />
                  </label>
                )}
              </For>
            </fieldset>
          )}
        </Match>
        <Match when={ofType(props.fields, 'true-false')}>
          <div class="row">
            <button type="button" disabled>
              True
            </button>
            <button type="button" disabled>
              False
            </button>
          </div>
        </Match>
        <Match when={ofType(props.fields, 'short-answer')}>
          <input type="text" disabled aria-label="Learner's answer" placeholder="Your answer" />
        </Match>
        <Match when={ofType(props.fields, 'fill-blanks')}>
          {(fields) => (
            <pre class="code">
              <code>
                <For each={segments(fields().code)}>
                  {(part) =>
                    'blank' in part ? (
                      <input
                        class="blank"
                        disabled
                        size={Math.max(4, part.blank.length)}
                        aria-label={`Blank ${part.blank}`}
                      />
                    ) : (
                      <span innerHTML={highlightToHtml(part.text, language())} />
                    )
                  }
                </For>
              </code>
            </pre>
          )}
        </Match>
        <Match when={ofType(props.fields, 'predict-output')}>
          {(fields) => (
            <>
              <Code code={fields().code} language={language()} />
              <textarea disabled rows={3} aria-label="Predicted output" placeholder="What does it print?" />
            </>
          )}
        </Match>
        <Match when={ofType(props.fields, 'parsons')}>
          {(fields) => (
            <ol class="parsons-preview">
              <For each={[...fields().lines, ...fields().distractors].sort((a, b) => a.localeCompare(b))}>
                {(line) => (
                  <li>
                    <code>{line}</code>
                  </li>
                )}
              </For>
            </ol>
          )}
        </Match>
        <Match when={ofType(props.fields, 'code-exercise')}>
          {(fields) => (
            <>
              <Code code={fields().starter} language={language()} />
              <p class="muted">The hidden tests run when the learner submits.</p>
            </>
          )}
        </Match>
      </Switch>
      <details open={props.fields.hints.length > 0}>
        <summary>Hints ({props.fields.hints.length})</summary>
        <ol>
          <For each={props.fields.hints}>{(hint) => <li>{hint}</li>}</For>
        </ol>
      </details>
      <details>
        <summary>After answering: the explanation</summary>
        <MarkdownPreview text={props.fields.explanation || '*(no explanation yet)*'} language={language()} />
      </details>
    </div>
  );
}
