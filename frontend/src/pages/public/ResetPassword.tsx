/**
 * Choose a new password with the emailed link's token. The token works once, for 30
 * minutes; using it signs the account out everywhere, so success leads to sign-in.
 * An expired or used link says so and offers a new one.
 */
import { A, useSearchParams } from '@solidjs/router';
import { createSignal, Match, Switch, type JSX } from 'solid-js';
import { newPasswordProblem } from '../../../../worker/accounts/field-rules';
import { api, ok } from '../../api/client';
import { ApiRequestError } from '../../api/errors';
import { useSession } from '../../app/session';
import { Form, SubmitButton } from '../../ui/Form';
import { createFormState } from '../../ui/form-state';
import { usePageTitle } from '../../ui/title';
import { NewPasswordField, PasswordField } from './PasswordField';
import './account-pages.css';

const MISMATCH = 'The two passwords are not the same.';
const BROKEN_LINK = 'This link is incomplete or damaged. Open the link from the email again, or ask for a new one.';

export default function ResetPassword(): JSX.Element {
  usePageTitle(() => 'Choose a new password');
  const session = useSession();
  const [params] = useSearchParams();
  const token = () => (typeof params.token === 'string' ? params.token : '');
  const form = createFormState();
  const [password, setPassword] = createSignal('');
  const [again, setAgain] = createSignal('');
  const [changed, setChanged] = createSignal(false);
  // A refused token (not a weak password) means the link is spent: the form goes, a new link is offered.
  const [deadLink, setDeadLink] = createSignal<string>();

  const clientErrors = () => {
    const errors: Record<string, string> = {};
    const problem = newPasswordProblem(password());
    if (problem) errors.password = problem;
    else if (again() !== password()) errors.again = MISMATCH;
    return errors;
  };

  const reset = () =>
    form.submit(async () => {
      try {
        await ok(api.POST('/api/auth/password-reset/confirm', { body: { token: token(), password: password() } }));
      } catch (error) {
        if (error instanceof ApiRequestError && error.code === 'bad_request') setDeadLink(error.message);
        // A mangled token fails validation on the token field, which this form does not show.
        else if (error instanceof ApiRequestError && error.fieldErrors.token) setDeadLink(BROKEN_LINK);
        throw error;
      }
      // Every session of the account has just ended, this browser's included.
      session.setAccount(null);
      setChanged(true);
    }, clientErrors());

  return (
    <div class="account-page">
      <section class="card">
        <h1>Choose a new password</h1>
        <Switch>
          <Match when={changed()}>
            <p class="success" role="status">
              Your password has been changed, and every device signed in to your account has been signed out.
            </p>
            <A href="/signin" class="button primary">
              Sign in with your new password
            </A>
          </Match>
          <Match when={!token()}>
            <p class="form-error" role="alert">
              {BROKEN_LINK}
            </p>
            <A href="/forgot-password">Ask for a new link</A>
          </Match>
          <Match when={deadLink()}>
            <p class="form-error" role="alert">
              {deadLink()}
            </p>
            <A href="/forgot-password" class="button primary">
              Ask for a new link
            </A>
          </Match>
          <Match when={true}>
            <p class="lede">Links work once, for 30 minutes after they are sent.</p>
            <Form form={form} onSubmit={reset}>
              <NewPasswordField
                id="password"
                label="New password"
                value={password()}
                onInput={(event) => setPassword(event.currentTarget.value)}
                error={form.error('password')}
              />
              <PasswordField
                id="again"
                label="New password, again"
                purpose="new"
                value={again()}
                onInput={(event) => setAgain(event.currentTarget.value)}
                error={form.error('again')}
              />
              <SubmitButton busy={form.busy()} busyLabel="Saving…" class="primary submit">
                Save the new password
              </SubmitButton>
            </Form>
          </Match>
        </Switch>
        <p class="account-links">
          <A href="/signin">Back to sign in</A>
        </p>
      </section>
    </div>
  );
}
