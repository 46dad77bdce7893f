/**
 * Code with blanks: the code as written, an input where each `{{blank}}` goes. Each input
 * is labelled with its number and name; one that appears twice shares its value. The code
 * is not highlighted here: a blank can cut a string or an expression in two, which would
 * colour the rest of the line wrongly.
 */
import { For, Match, Switch, type JSX } from 'solid-js';
import type { CodeSegment } from './items';

export interface FillBlanksProps {
  idPrefix: string;
  segments: CodeSegment[];
  blanks: string[];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  disabled: boolean;
}

export function FillBlanks(props: FillBlanksProps): JSX.Element {
  const number = (id: string) => props.blanks.indexOf(id) + 1;
  const set = (id: string, value: string) => props.onChange({ ...props.values, [id]: value });
  return (
    <div class="fill-blanks">
      <p class="hint" id={`${props.idPrefix}-blanks-hint`}>
        Type what belongs in each of the {props.blanks.length} {props.blanks.length === 1 ? 'blank' : 'blanks'}.
      </p>
      <pre class="code fill-code">
        <code>
          <For each={props.segments}>
            {(segment) => (
              <Switch>
                <Match when={segment.kind === 'text' && segment}>{(text) => text().text}</Match>
                <Match when={segment.kind === 'blank' && segment}>
                  {(blank) => {
                    const value = () => props.values[blank().id] ?? '';
                    return (
                      <input
                        class="blank"
                        type="text"
                        autocomplete="off"
                        autocapitalize="off"
                        spellcheck={false}
                        aria-label={`Blank ${number(blank().id)}: ${blank().id}`}
                        aria-describedby={`${props.idPrefix}-blanks-hint`}
                        size={Math.max(4, value().length + 1)}
                        value={value()}
                        disabled={props.disabled}
                        onInput={(event) => set(blank().id, event.currentTarget.value)}
                      />
                    );
                  }}
                </Match>
              </Switch>
            )}
          </For>
        </code>
      </pre>
    </div>
  );
}
