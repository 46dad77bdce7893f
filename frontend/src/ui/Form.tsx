/**
 * The parts every form repeats around its fields (ui/Field.tsx): the form's own error,
 * read out when it appears, a submit button that says what it is doing while busy, and
 * the form itself, which after a refused submit moves focus to the first field in error.
 */
import { Show, type JSX } from 'solid-js';
import type { FormState } from './form-state';

/** A sentence about the whole form (the API's refusal, a lost connection); nothing when there is none. */
export function FormError(props: { message: string | null | undefined | false }): JSX.Element {
  return (
    <Show when={props.message}>
      {(message) => (
        <p class="form-error" role="alert">
          {message()}
        </p>
      )}
    </Show>
  );
}

/** A submit button that is disabled and says `busyLabel` ("Saving…") while the form is busy. */
export function SubmitButton(props: {
  busy: boolean;
  busyLabel: string;
  /** Button classes; `primary` unless given. */
  class?: string;
  disabled?: boolean;
  children: JSX.Element;
}): JSX.Element {
  return (
    <button type="submit" class={props.class ?? 'primary'} disabled={props.busy || props.disabled}>
      {props.busy ? props.busyLabel : props.children}
    </button>
  );
}

/**
 * A form checked by the app rather than the browser (`novalidate`): the form state's error
 * above the fields, and `onSubmit` (resolving to whether it went through) on submit. After
 * a refusal, focus moves to the first field in error, so keyboard and screen-reader users
 * land on it.
 */
export function Form(props: { form: FormState; onSubmit: () => Promise<boolean>; children: JSX.Element }): JSX.Element {
  let element: HTMLFormElement | undefined;
  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (!(await props.onSubmit())) element?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
  return (
    <form ref={(form) => (element = form)} onSubmit={(event) => void submit(event)} novalidate>
      <FormError message={props.form.formError()} />
      {props.children}
    </form>
  );
}
