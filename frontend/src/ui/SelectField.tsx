/**
 * A labelled select with its error under it, wired for screen readers like Field
 * (ui/Field.tsx). `note` stands between the two: a loading line, a retry for the options.
 */
import { splitProps, type JSX } from 'solid-js';
import { describedBy, FieldNote } from './Field';

export interface SelectFieldProps extends Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: string;
  error?: string | undefined;
  note?: JSX.Element;
  /** The options. */
  children: JSX.Element;
}

export function SelectField(props: SelectFieldProps): JSX.Element {
  const [own, select] = splitProps(props, ['id', 'label', 'error', 'note', 'children']);
  return (
    <div class="field">
      <label for={own.id}>{own.label}</label>
      <select
        id={own.id}
        aria-invalid={own.error ? 'true' : undefined}
        aria-describedby={describedBy(own.id, undefined, own.error)}
        {...select}
      >
        {own.children}
      </select>
      {own.note}
      <FieldNote id={own.id} kind="error" text={own.error} />
    </div>
  );
}
