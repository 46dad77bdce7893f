/**
 * Ask for a password-reset email. The answer is the same whether or not the address has
 * an account (the API's own neutral sentence), so this page cannot be used to find accounts.
 */
import { A } from '@solidjs/router';
import { createSignal, Show, type JSX } from 'solid-js';
import { emailProblem } from '../../../../worker/accounts/field-rules';
import { api, ok } from '../../api/client';
import { Form, SubmitButton } from '../../ui/Form';
import { createFormState } from '../../ui/form-state';
import { usePageTitle } from '../../ui/title';
import { EmailField } from './EmailField';
import './account-pages.css';

export default function ForgotPassword(): JSX.Element {
  usePageTitle(() => 'Forgot your password');
  const form = createFormState();
  const [email, setEmail] = createSignal('');
  const [accepted, setAccepted] = createSignal<string>();

  function request() {
    const problem = emailProblem(email());
    return form.submit(
      async () => {
        const answer = await ok(api.POST('/api/auth/password-reset/request', { body: { email: email().trim() } }));
        setAccepted(answer.message);
      },
      problem ? { email: problem } : {},
    );
  }

  return (
    <div class="account-page">
      <section class="card">
        <h1>Forgot your password?</h1>
        <Show
          when={accepted()}
          fallback={
            <>
              <p class="lede">
                Enter the email you signed up with and we will send you a link to choose a new password.
              </p>
              <Form form={form} onSubmit={request}>
                <EmailField value={email()} onValue={setEmail} error={form.error('email')} />
                <SubmitButton busy={form.busy()} busyLabel="Sending…" class="primary submit">
                  Send the link
                </SubmitButton>
              </Form>
            </>
          }
        >
          {(message) => (
            <>
              <p class="success" role="status">
                {message()}
              </p>
              <p>The link works once, for 30 minutes. Nothing arrived? Check your spam folder, or ask again.</p>
              <button type="button" onClick={() => setAccepted(undefined)}>
                Send another link
              </button>
            </>
          )}
        </Show>
        <p class="account-links">
          <A href="/signin">Back to sign in</A>
        </p>
      </section>
    </div>
  );
}
