/**
 * Joining a class or a study group with the code someone shared: the code is checked by the
 * API's own rules first (codes.ts), then `join` asks the API. What follows a join is the
 * caller's: the group page opens the room, the class page shows what was joined (children).
 */
import { createSignal, Show, type JSX } from 'solid-js';
import { Field } from '../../../ui/Field';
import { FormError, SubmitButton } from '../../../ui/Form';
import { createFormState } from '../../../ui/form-state';
import { codeProblem } from './codes';

export interface JoinByCodeProps<T> {
  /** What is joined ("class", "group"): names the ids, `join-<what>-title` and `<what>-code`. */
  what: string;
  title: string;
  label: string;
  hint: string;
  submitLabel: string;
  /** Classes of the card around the form. */
  class?: string;
  /** Sends the code (trimmed) to the API and returns what was joined. */
  join: (code: string) => Promise<T>;
  /** Shown under the form after a successful join, until the next try. */
  children?: (joined: T) => JSX.Element;
}

export function JoinByCode<T>(props: JoinByCodeProps<T>): JSX.Element {
  const form = createFormState();
  const [code, setCode] = createSignal('');
  const [joined, setJoined] = createSignal<{ value: T } | null>(null);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setJoined(null);
    const problem = codeProblem(code());
    await form.submit(
      async () => {
        const value = await props.join(code().trim());
        setJoined({ value });
        setCode('');
      },
      problem ? { code: problem } : {},
    );
  }

  return (
    <section class={props.class ?? 'card'} aria-labelledby={`join-${props.what}-title`}>
      <h2 id={`join-${props.what}-title`}>{props.title}</h2>
      <form onSubmit={submit} novalidate>
        <FormError message={form.formError()} />
        <Field
          id={`${props.what}-code`}
          label={props.label}
          hint={props.hint}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          value={code()}
          onInput={(event) => setCode(event.currentTarget.value)}
          error={form.error('code')}
        />
        <SubmitButton busy={form.busy()} busyLabel="Joining…">
          {props.submitLabel}
        </SubmitButton>
      </form>
      <Show when={props.children && joined()}>{(result) => props.children?.(result().value)}</Show>
    </section>
  );
}
