/**
 * Create a learner account: email, display name, password (its policy spelled out) and time
 * zone (the browser's, proposed). The form checks what the API checks, with the API's
 * sentences (`field-rules`); what only the server knows (common passwords, a taken email)
 * comes back from it onto the same fields.
 */
import { A, useSearchParams } from '@solidjs/router';
import { createSignal, type JSX } from 'solid-js';
import {
  DISPLAY_NAME_MAX_LENGTH,
  displayNameProblem,
  emailProblem,
  newPasswordProblem,
} from '../../../../worker/accounts/field-rules';
import { api, ok } from '../../api/client';
import { Field } from '../../ui/Field';
import { Form, SubmitButton } from '../../ui/Form';
import { createFormState } from '../../ui/form-state';
import { usePageTitle } from '../../ui/title';
import { useEnterApp } from './account-session';
import { withNext } from './navigation';
import { EmailField } from './EmailField';
import { NewPasswordField } from './PasswordField';
import { browserTimeZone } from './time-zones';
import { TimeZoneField } from './TimeZoneField';
import './account-pages.css';

export default function SignUp(): JSX.Element {
  usePageTitle(() => 'Sign up');
  const enterApp = useEnterApp();
  const [params] = useSearchParams();
  const form = createFormState();
  const [email, setEmail] = createSignal('');
  const [displayName, setDisplayName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [timeZone, setTimeZone] = createSignal(browserTimeZone());

  const clientErrors = () => {
    const errors: Record<string, string> = {};
    const problems = {
      email: emailProblem(email()),
      displayName: displayNameProblem(displayName()),
      password: newPasswordProblem(password(), { email: email(), displayName: displayName() }),
    };
    for (const [field, problem] of Object.entries(problems)) if (problem) errors[field] = problem;
    return errors;
  };

  const signUp = () =>
    form.submit(async () => {
      await ok(
        api.POST('/api/auth/register', {
          body: {
            email: email().trim(),
            displayName: displayName().trim(),
            password: password(),
            timeZone: timeZone(),
          },
        }),
      );
      await enterApp();
    }, clientErrors());

  return (
    <div class="account-page">
      <section class="card">
        <h1>Create your account</h1>
        <p class="lede">Free, and your progress is saved from the first exercise.</p>
        <Form form={form} onSubmit={signUp}>
          <EmailField value={email()} onValue={setEmail} error={form.error('email')} />
          <Field
            id="displayName"
            label="Display name"
            autocomplete="nickname"
            required
            maxlength={DISPLAY_NAME_MAX_LENGTH}
            hint="Shown to others on leaderboards and in live quizzes and study groups."
            value={displayName()}
            onInput={(event) => setDisplayName(event.currentTarget.value)}
            error={form.error('displayName')}
          />
          <NewPasswordField
            id="password"
            label="Password"
            value={password()}
            onInput={(event) => setPassword(event.currentTarget.value)}
            error={form.error('password')}
          />
          <TimeZoneField id="timeZone" value={timeZone()} onChange={setTimeZone} error={form.error('timeZone')} />
          <SubmitButton busy={form.busy()} busyLabel="Creating your account…" class="primary submit">
            Create account
          </SubmitButton>
        </Form>
        <p class="account-links">
          <span>
            Already have an account? <A href={withNext('/signin', params.next)}>Sign in</A>
          </span>
        </p>
      </section>
    </div>
  );
}
