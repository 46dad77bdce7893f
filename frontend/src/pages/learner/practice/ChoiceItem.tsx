/**
 * Choice answers: one option (radio group), several (checkboxes), or True/False. Each
 * option shows the number key that picks it. After grading, the correct options and the
 * learner's own are marked in words, not only in colour.
 */
import { For, Show, type JSX } from 'solid-js';
import { InlineMarkdown } from '../../../ui/MarkdownView';
import { toggleChoice, type Option } from './items';

export interface ChoiceProps {
  name: string;
  /** "single" for radios, "multiple" for checkboxes. */
  kind: 'single' | 'multiple';
  options: Option[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  disabled: boolean;
  /** After grading: the ids of the correct options. */
  correct?: readonly string[] | null;
  /** Option texts are Markdown (`code` in options), except True/False. */
  markdown?: boolean;
}

export function ChoiceItem(props: ChoiceProps): JSX.Element {
  const legend = () => (props.kind === 'single' ? 'Choose one answer' : 'Choose all that apply');
  const pick = (id: string) =>
    props.onChange(props.kind === 'single' ? [id] : toggleChoice(props.options, props.chosen, id));
  return (
    <fieldset class="choices" disabled={props.disabled}>
      <legend class="choices-legend">{legend()}</legend>
      <For each={props.options}>
        {(option, index) => {
          const selected = () => props.chosen.includes(option.id);
          const isCorrect = () => props.correct?.includes(option.id) ?? false;
          const graded = () => props.correct != null;
          return (
            <label
              class="choice"
              classList={{
                selected: selected(),
                'is-correct': graded() && isCorrect(),
                'is-wrong': graded() && selected() && !isCorrect(),
              }}
            >
              <input
                type={props.kind === 'single' ? 'radio' : 'checkbox'}
                name={props.name}
                value={option.id}
                checked={selected()}
                onChange={() => pick(option.id)}
              />
              <Show when={index() < 9}>
                <kbd class="choice-key" aria-hidden="true">
                  {index() + 1}
                </kbd>
              </Show>
              <span class="choice-text">
                <Show when={props.markdown !== false} fallback={option.text}>
                  <InlineMarkdown text={option.text} />
                </Show>
              </span>
              <Show when={graded() && (isCorrect() || selected())}>
                <span class="choice-mark">
                  {isCorrect() ? (selected() ? 'Your answer, correct' : 'Correct answer') : 'Your answer'}
                </span>
              </Show>
            </label>
          );
        }}
      </For>
    </fieldset>
  );
}

export const TRUE_FALSE: Option[] = [
  { id: 'true', text: 'True' },
  { id: 'false', text: 'False' },
];
