/**
 * A password input with a "Show password" switch, so people can check what they typed
 * instead of typing it twice (NIST SP 800-63B 5.1.1.2). The input is the plain `Field`, so
 * its label, hint and error are wired the same way as every other field.
 */
import { createSignal, splitProps, type JSX } from 'solid-js';
import { PASSWORD_POLICY_HINT } from '../../../../worker/accounts/field-rules';
import { Field, type FieldProps } from '../../ui/Field';
import './account-pages.css';

type PasswordProps = Omit<FieldProps, 'type' | 'autocomplete' | 'required'>;

/** `purpose` tells password managers what to fill: the saved password, or a new one they may suggest. */
export function PasswordField(props: PasswordProps & { purpose: 'current' | 'new' }): JSX.Element {
  const [shown, setShown] = createSignal(false);
  const [own, field] = splitProps(props, ['id', 'purpose']);
  return (
    <div class="password-field">
      <Field
        id={own.id}
        type={shown() ? 'text' : 'password'}
        autocomplete={`${own.purpose}-password`}
        required
        spellcheck={false}
        autocapitalize="off"
        {...field}
      />
      <label class="show-password">
        <input
          type="checkbox"
          aria-controls={own.id}
          checked={shown()}
          onChange={(event) => setShown(event.currentTarget.checked)}
        />
        Show password
      </label>
    </div>
  );
}

/** The password being chosen (sign-up, reset, settings), with the API's policy spelled out under it. */
export function NewPasswordField(props: Omit<PasswordProps, 'hint'>): JSX.Element {
  return <PasswordField purpose="new" hint={PASSWORD_POLICY_HINT} {...props} />;
}
