/**
 * A labelled form field with its error under it, wired for screen readers
 * (`aria-invalid`, `aria-describedby`). Errors come from the same rules as the API: the
 * client checks what it cheaply can, and the API's 400 puts its issues on the same fields.
 * Its hint and error lines serve the other kinds of field too (a textarea, a select).
 */
import { Show, splitProps, type JSX } from 'solid-js';

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement>;

export interface FieldProps extends Omit<InputProps, 'id'> {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
}

/** What the control `id` is described by: its hint and its error, when it has them. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** The hint or the error of the control `id`, with the id `describedBy` names; nothing without text. */
export function FieldNote(props: { id: string; kind: 'hint' | 'error'; text: string | undefined }): JSX.Element {
  return (
    <Show when={props.text}>
      <p class={props.kind === 'error' ? 'field-error' : 'hint'} id={`${props.id}-${props.kind}`}>
        {props.text}
      </p>
    </Show>
  );
}

export function Field(props: FieldProps): JSX.Element {
  const [own, input] = splitProps(props, ['id', 'label', 'error', 'hint']);
  return (
    <div class="field">
      <label for={own.id}>{own.label}</label>
      <input
        id={own.id}
        aria-invalid={own.error ? 'true' : undefined}
        aria-describedby={describedBy(own.id, own.hint, own.error)}
        {...input}
      />
      <FieldNote id={own.id} kind="hint" text={own.hint} />
      <FieldNote id={own.id} kind="error" text={own.error} />
    </div>
  );
}
