/**
 * A labelled textarea with its hint and error, wired for screen readers like ui/Field.tsx's
 * inputs (`aria-invalid`, `aria-describedby`). Code fields turn off spell checking.
 */
import { splitProps, type JSX } from 'solid-js';
import { describedBy, FieldNote } from '../../../ui/Field';

type TextAreaProps = JSX.TextareaHTMLAttributes<HTMLTextAreaElement>;

export interface TextFieldProps extends Omit<TextAreaProps, 'id'> {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  code?: boolean;
}

export function TextField(props: TextFieldProps): JSX.Element {
  const [own, area] = splitProps(props, ['id', 'label', 'error', 'hint', 'code', 'class']);
  return (
    <div class="field">
      <label for={own.id}>{own.label}</label>
      <FieldNote id={own.id} kind="hint" text={own.hint} />
      <textarea
        id={own.id}
        class={`${own.code ? 'code-input' : ''} ${own.class ?? ''}`}
        spellcheck={own.code ? false : undefined}
        autocapitalize={own.code ? 'off' : undefined}
        aria-invalid={own.error ? 'true' : undefined}
        aria-describedby={describedBy(own.id, own.hint, own.error)}
        {...area}
      />
      <FieldNote id={own.id} kind="error" text={own.error} />
    </div>
  );
}
