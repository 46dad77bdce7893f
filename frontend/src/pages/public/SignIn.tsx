/**
 * Sign in with email and password. The API's own sentence is shown when it refuses (wrong
 * password, or the account locked after repeated failures); on success the person goes
 * where `?next=` asked, if that is a path on this site, else to the dashboard.
 */
import { A, useSearchParams } from '@solidjs/router';
import { createSignal, Show, type JSX } from 'solid-js';
import { emailProblem, PASSWORD_REQUIRED_MESSAGE } from '../../../../worker/accounts/field-rules';
import { api, ok } from '../../api/client';
import { useSession } from '../../app/session';
import { Form, SubmitButton } from '../../ui/Form';
import { createFormState } from '../../ui/form-state';
import { usePageTitle } from '../../ui/title';
import { LeaveNotice, useEnterApp } from './account-session';
import { safeNextPath, withNext } from './navigation';
import { EmailField } from './EmailField';
import { PasswordField } from './PasswordField';
import './account-pages.css';

export default function SignIn(): JSX.Element {
  usePageTitle(() => 'Sign in');
  const session = useSession();
  const enterApp = useEnterApp();
  const [params] = useSearchParams();
  const form = createFormState();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');

  const clientErrors = () => {
    const errors: Record<string, string> = {};
    const emailError = emailProblem(email());
    if (emailError) errors.email = emailError;
    if (password().length === 0) errors.password = PASSWORD_REQUIRED_MESSAGE;
    return errors;
  };

  const signIn = () =>
    form.submit(async () => {
      await ok(api.POST('/api/auth/login', { body: { email: email().trim(), password: password() } }));
      await enterApp();
    }, clientErrors());

  return (
    <div class="account-page">
      <section class="card">
        <h1>Sign in</h1>
        <p class="lede">Welcome back. Pick up where you left off.</p>
        <LeaveNotice />
        <Show when={session.account.latest}>
          {(account) => (
            <p class="notice">
              You are already signed in as {account().displayName}. <A href={safeNextPath(params.next)}>Continue</A>, or
              sign in as someone else below.
            </p>
          )}
        </Show>
        <Form form={form} onSubmit={signIn}>
          <EmailField value={email()} onValue={setEmail} error={form.error('email')} autocomplete="username" />
          <PasswordField
            id="password"
            label="Password"
            purpose="current"
            value={password()}
            onInput={(event) => setPassword(event.currentTarget.value)}
            error={form.error('password')}
          />
          <SubmitButton busy={form.busy()} busyLabel="Signing in…" class="primary submit">
            Sign in
          </SubmitButton>
        </Form>
        <p class="account-links">
          <A href="/forgot-password">Forgot your password?</A>
          <span>
            New here? <A href={withNext('/signup', params.next)}>Create an account</A>
          </span>
        </p>
      </section>
    </div>
  );
}
