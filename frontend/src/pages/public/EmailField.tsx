/**
 * The email field of the account forms (sign in, sign up, forgotten password): id `email`,
 * the phone's email keyboard, the browser's autofill, and the error from the form state.
 */
import type { JSX } from 'solid-js';
import { Field } from '../../ui/Field';

export function EmailField(props: {
  value: string;
  onValue: (email: string) => void;
  error: string | undefined;
  /** `username` on sign-in, where the email is the account's name for password managers. */
  autocomplete?: 'email' | 'username';
}): JSX.Element {
  return (
    <Field
      id="email"
      label="Email"
      type="email"
      autocomplete={props.autocomplete ?? 'email'}
      inputmode="email"
      required
      value={props.value}
      onInput={(event) => props.onValue(event.currentTarget.value)}
      error={props.error}
    />
  );
}
