/**
 * A message box: Enter sends, Shift+Enter starts a new line (and Enter while an input
 * method is composing is left to it). The text is the parent's, so a failed send keeps it.
 */
import { Show, type JSX } from 'solid-js';

export interface ComposerProps {
  id: string;
  label: string;
  value: string;
  onInput: (text: string) => void;
  onSend: () => void;
  maxLength: number;
  /** Sending is not possible right now (the reason is in `hint`). */
  disabled?: boolean;
  busy?: boolean;
  placeholder?: string;
  hint?: string;
  onBlur?: () => void;
}

/** Characters left before the limit is shown only near it, so the box stays quiet. */
const SHOW_REMAINING_BELOW = 200;

export function Composer(props: ComposerProps): JSX.Element {
  const remaining = () => props.maxLength - [...props.value].length;
  const canSend = () => !props.disabled && !props.busy && props.value.trim() !== '' && remaining() >= 0;
  const send = () => {
    if (canSend()) props.onSend();
  };
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label for={props.id} class="visually-hidden">
        {props.label}
      </label>
      <textarea
        id={props.id}
        rows={2}
        value={props.value}
        placeholder={props.placeholder}
        aria-describedby={`${props.id}-hint`}
        aria-invalid={remaining() < 0 ? 'true' : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        onBlur={() => props.onBlur?.()}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
          event.preventDefault();
          send();
        }}
      />
      <button type="submit" class="primary" disabled={!canSend()}>
        <Show when={props.busy}>
          <span class="spinner" aria-hidden="true" />
        </Show>
        Send
      </button>
      <p class="hint composer-hint" id={`${props.id}-hint`}>
        <Show when={props.hint}>{props.hint} </Show>
        Enter sends, Shift+Enter adds a line.
        <Show when={remaining() < SHOW_REMAINING_BELOW}>
          <span classList={{ 'field-error': remaining() < 0 }}>
            {' '}
            {remaining() >= 0 ? `${remaining()} characters left.` : `${-remaining()} characters too many.`}
          </span>
        </Show>
      </p>
    </form>
  );
}
