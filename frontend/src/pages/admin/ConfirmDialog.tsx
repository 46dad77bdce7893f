/**
 * A question asked before an account is changed, in a modal `<dialog>`: the browser traps
 * focus inside it, Escape cancels, and focus returns to the control that opened it.
 */
import { createEffect, Show, type JSX } from 'solid-js';
import type { Confirmation } from './format';

export interface ConfirmDialogProps {
  /** The question to ask, or undefined when none is open. */
  question: Confirmation | undefined;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps): JSX.Element {
  let dialog: HTMLDialogElement | undefined;
  let opener: Element | null = null;

  createEffect(() => {
    if (!dialog) return;
    if (props.question && !dialog.open) {
      opener = document.activeElement;
      dialog.showModal();
    } else if (!props.question && dialog.open) {
      dialog.close();
      if (opener instanceof HTMLElement) opener.focus();
    }
  });

  return (
    <dialog
      ref={(element) => (dialog = element)}
      class="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        if (!props.busy) props.onCancel();
      }}
    >
      <Show when={props.question}>
        {(question) => (
          <form
            method="dialog"
            onSubmit={(event) => {
              event.preventDefault();
              props.onConfirm();
            }}
          >
            <h2 id="confirm-title">{question().title}</h2>
            <p id="confirm-body">{question().body}</p>
            <div class="row">
              <button type="submit" class={question().danger ? 'danger' : 'primary'} disabled={props.busy}>
                {props.busy ? 'Saving…' : question().confirm}
              </button>
              <button type="button" onClick={() => props.onCancel()} disabled={props.busy} autofocus>
                Cancel
              </button>
            </div>
          </form>
        )}
      </Show>
    </dialog>
  );
}
