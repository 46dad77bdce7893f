/**
 * The player's answer buttons: big, two by two on a phone, each with its letter, shape and
 * colour. A single-answer question is answered by one tap; a multi-select question toggles
 * options (aria-pressed) and is locked in with a button. Once answered, the grid stays on
 * screen showing the pick, disabled.
 */
import { createEffect, createMemo, createSignal, For, on, Show, type JSX } from 'solid-js';
import type { LiveQuestionView } from '../../../../../durable/protocol';
import { InlineMarkdown } from '../../../ui/MarkdownView';
import { lookLabel, optionLook } from './option-look';
import { OptionBadge } from './Shape';

export interface AnswerGridProps {
  question: LiveQuestionView;
  /** The player has answered (locked in) this question. */
  locked: boolean;
  /** No answering now (paused, reconnecting, time up). */
  disabled: boolean;
  /** Ids picked on this device (to show the pick after locking in). */
  picked: string[];
  onPick: (optionIds: string[]) => void;
  onAnswer: (optionIds: string[]) => void;
  labelledBy: string;
}

export function AnswerGrid(props: AnswerGridProps): JSX.Element {
  const [toggled, setToggled] = createSignal<string[]>([]);
  // The grid stays mounted from one question to the next: each starts with nothing toggled.
  const index = createMemo(() => props.question.index);
  createEffect(on(index, () => setToggled([]), { defer: true }));
  const chosen = () => (props.locked ? props.picked : props.question.multiple ? toggled() : props.picked);

  function press(id: string) {
    if (props.locked || props.disabled) return;
    if (!props.question.multiple) {
      props.onPick([id]);
      props.onAnswer([id]);
      return;
    }
    const next = toggled().includes(id) ? toggled().filter((picked) => picked !== id) : [...toggled(), id];
    setToggled(next);
    props.onPick(next);
  }

  return (
    <div class="live-answers">
      <Show when={props.question.multiple && !props.locked}>
        <p class="hint">Pick every answer that applies, then lock in.</p>
      </Show>
      <div class="live-answer-grid" role="group" aria-labelledby={props.labelledBy}>
        <For each={props.question.options}>
          {(option, index) => {
            const look = optionLook(index());
            const isChosen = () => chosen().includes(option.id);
            return (
              <button
                type="button"
                class={`live-answer tone-${look.tone}`}
                classList={{ 'is-chosen': isChosen(), 'is-faded': props.locked && !isChosen() }}
                aria-pressed={props.question.multiple || props.locked ? isChosen() : undefined}
                disabled={props.disabled || props.locked}
                onClick={() => press(option.id)}
              >
                <OptionBadge letter={look.letter} shape={look.shape} />
                <span class="live-answer-text">
                  <span class="visually-hidden">{`${lookLabel(look)}: `}</span>
                  <InlineMarkdown text={option.text} />
                </span>
              </button>
            );
          }}
        </For>
      </div>
      <Show when={props.question.multiple && !props.locked}>
        <button
          type="button"
          class="primary live-lock-in"
          disabled={props.disabled || toggled().length === 0}
          onClick={() => props.onAnswer(toggled())}
        >
          Lock in {toggled().length === 1 ? '1 answer' : `${toggled().length} answers`}
        </button>
      </Show>
    </div>
  );
}
