/**
 * The signed-in person's own account: profile (display name, time zone, daily goal),
 * learning preferences, password, signing out of every device, and deleting the account.
 * Each section is its own form with its own errors and its own success line.
 */
import { createSignal, For, Show, type JSX } from 'solid-js';
import {
  DAILY_GOAL_XP,
  newPasswordProblem,
  PASSWORD_REQUIRED_MESSAGE,
  SESSION_MINUTES,
} from '../../../../worker/accounts/field-rules';
import { api, ok } from '../../api/client';
import { useSession, type Account } from '../../app/session';
import { Field } from '../../ui/Field';
import { Form, FormError, SubmitButton } from '../../ui/Form';
import { createFormState, type FormState } from '../../ui/form-state';
import { usePageTitle } from '../../ui/title';
import { useLeaveApp } from '../public/account-session';
import { NewPasswordField, PasswordField } from '../public/PasswordField';
import { TimeZoneField } from '../public/TimeZoneField';
import {
  preferencesChange,
  preferencesDraft,
  preferencesProblems,
  profileChange,
  profileDraft,
  profileProblems,
  type PreferencesDraft,
  type ProfileDraft,
} from './settings-changes';
import './Settings.css';

/** One settings card: a heading that names it, then its own content. */
function SettingsSection(props: { name: string; title: string; danger?: boolean; children: JSX.Element }) {
  return (
    <section
      class="card settings-section"
      classList={{ 'settings-danger': props.danger }}
      aria-labelledby={`${props.name}-heading`}
    >
      <h2 id={`${props.name}-heading`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/**
 * A section's form: its fields, its submit button, and a polite live region, always in the
 * page so screen readers announce the sentence `save` resolves to (undefined: refused).
 */
function SettingsForm(props: {
  form: FormState;
  save: () => Promise<string | undefined>;
  submitLabel: string;
  busyLabel: string;
  children: JSX.Element;
}): JSX.Element {
  const [saved, setSaved] = createSignal<string>();
  async function submit() {
    setSaved(undefined);
    const message = await props.save();
    setSaved(message);
    return message !== undefined;
  }
  return (
    <Form form={props.form} onSubmit={submit}>
      {props.children}
      <div class="settings-actions">
        <SubmitButton busy={props.form.busy()} busyLabel={props.busyLabel}>
          {props.submitLabel}
        </SubmitButton>
        <p role="status" class="status-line" classList={{ success: Boolean(saved()) }}>
          {saved()}
        </p>
      </div>
    </Form>
  );
}

function ProfileSection(props: { account: Account }): JSX.Element {
  const session = useSession();
  const form = createFormState();
  const [draft, setDraft] = createSignal<ProfileDraft>(profileDraft(props.account));
  const edit = (change: Partial<ProfileDraft>) => setDraft({ ...draft(), ...change });

  async function save() {
    const change = profileChange(props.account, draft());
    const problems = profileProblems(draft());
    if (!change && Object.keys(problems).length === 0) return 'Nothing to save: your profile is as it was.';
    const done = await form.submit(async () => {
      const updated = await ok(api.PATCH('/api/me', { body: change ?? {} }));
      session.setAccount(updated);
      setDraft(profileDraft(updated));
    }, problems);
    return done ? 'Profile saved.' : undefined;
  }

  return (
    <SettingsSection name="profile" title="Profile">
      <p class="muted">Signed in as {props.account.email}.</p>
      <SettingsForm form={form} save={save} submitLabel="Save profile" busyLabel="Saving…">
        <Field
          id="displayName"
          label="Display name"
          autocomplete="nickname"
          required
          hint="Shown to others on leaderboards and in live quizzes and study groups."
          value={draft().displayName}
          onInput={(event) => edit({ displayName: event.currentTarget.value })}
          error={form.error('displayName')}
        />
        <TimeZoneField
          id="timeZone"
          value={draft().timeZone}
          onChange={(timeZone) => edit({ timeZone })}
          error={form.error('timeZone')}
        />
        <Field
          id="dailyGoalXp"
          label="Daily goal (XP)"
          type="number"
          inputmode="numeric"
          min={DAILY_GOAL_XP.min}
          max={DAILY_GOAL_XP.max}
          step="1"
          required
          hint={`A day counts toward your streak once you earn this much XP (${DAILY_GOAL_XP.min}–${DAILY_GOAL_XP.max}).`}
          value={draft().dailyGoalXp}
          onInput={(event) => edit({ dailyGoalXp: event.currentTarget.value })}
          error={form.error('dailyGoalXp')}
        />
      </SettingsForm>
    </SettingsSection>
  );
}

/** The preferences that are switches, in the order they are shown. */
const SWITCHES: { key: Exclude<keyof PreferencesDraft, 'sessionMinutes'>; label: string; hint: string }[] = [
  { key: 'hintsEnabled', label: 'Offer hints on practice items', hint: 'Lets you ask for a hint while you practise.' },
  { key: 'remindersEnabled', label: 'Reminders', hint: 'When your streak is at risk or reviews are due.' },
  { key: 'reducedMotion', label: 'Reduce motion', hint: 'Fewer animations, even if your device does not ask for it.' },
];

function PreferencesSection(props: { account: Account }): JSX.Element {
  const session = useSession();
  const form = createFormState();
  const [draft, setDraft] = createSignal<PreferencesDraft>(preferencesDraft(props.account.preferences));
  const edit = (change: Partial<PreferencesDraft>) => setDraft({ ...draft(), ...change });

  async function save() {
    const problems = preferencesProblems(draft());
    const change = Object.keys(problems).length > 0 ? {} : preferencesChange(props.account.preferences, draft());
    if (!change) return 'Nothing to save: your preferences are as they were.';
    const done = await form.submit(async () => {
      const updated = await ok(api.PATCH('/api/me', { body: { preferences: change } }));
      session.setAccount(updated);
      setDraft(preferencesDraft(updated.preferences));
    }, problems);
    return done ? 'Preferences saved.' : undefined;
  }

  return (
    <SettingsSection name="preferences" title="Learning preferences">
      <SettingsForm form={form} save={save} submitLabel="Save preferences" busyLabel="Saving…">
        <Field
          id="sessionMinutes"
          label="Study session length (minutes)"
          type="number"
          inputmode="numeric"
          min={SESSION_MINUTES.min}
          max={SESSION_MINUTES.max}
          step="1"
          required
          hint="The tutor suggests a break after this long."
          value={draft().sessionMinutes}
          onInput={(event) => edit({ sessionMinutes: event.currentTarget.value })}
          error={form.error('preferences.sessionMinutes')}
        />
        <For each={SWITCHES}>
          {(entry) => (
            <div class="settings-check">
              <input
                id={entry.key}
                type="checkbox"
                checked={draft()[entry.key]}
                aria-describedby={`${entry.key}-hint`}
                onChange={(event) => edit({ [entry.key]: event.currentTarget.checked })}
              />
              <div>
                <label for={entry.key}>{entry.label}</label>
                <p class="hint" id={`${entry.key}-hint`}>
                  {entry.hint}
                </p>
              </div>
            </div>
          )}
        </For>
      </SettingsForm>
    </SettingsSection>
  );
}

function PasswordSection(props: { account: Account }): JSX.Element {
  const form = createFormState();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');

  async function change() {
    const problems: Record<string, string> = {};
    if (current().length === 0) problems.currentPassword = PASSWORD_REQUIRED_MESSAGE;
    const weak = newPasswordProblem(next(), props.account);
    if (weak) problems.newPassword = weak;
    const done = await form.submit(async () => {
      await ok(api.POST('/api/me/password', { body: { currentPassword: current(), newPassword: next() } }));
      setCurrent('');
      setNext('');
    }, problems);
    return done ? 'Password changed. Every other device signed in to your account has been signed out.' : undefined;
  }

  return (
    <SettingsSection name="password" title="Password">
      <SettingsForm form={form} save={change} submitLabel="Change password" busyLabel="Changing…">
        {/* Lets password managers tie the new password to the right account. */}
        <input
          type="email"
          class="visually-hidden"
          autocomplete="username"
          value={props.account.email}
          readOnly
          tabindex="-1"
          aria-hidden="true"
        />
        <PasswordField
          id="currentPassword"
          label="Current password"
          purpose="current"
          value={current()}
          onInput={(event) => setCurrent(event.currentTarget.value)}
          error={form.error('currentPassword')}
        />
        <NewPasswordField
          id="newPassword"
          label="New password"
          value={next()}
          onInput={(event) => setNext(event.currentTarget.value)}
          error={form.error('newPassword')}
        />
      </SettingsForm>
    </SettingsSection>
  );
}

function SessionsSection(): JSX.Element {
  const leaveApp = useLeaveApp();
  const form = createFormState();

  async function signOutEverywhere() {
    await form.submit(async () => {
      const { sessionsEnded } = await ok(api.POST('/api/auth/logout-everywhere'));
      leaveApp(
        '/signin',
        `Signed out everywhere: ${sessionsEnded} ${sessionsEnded === 1 ? 'session' : 'sessions'} ended.`,
      );
    });
  }

  return (
    <SettingsSection name="sessions" title="Devices">
      <p>Signed in on a computer you no longer use, or lost a phone? Sign out of every device, this one included.</p>
      <FormError message={form.formError()} />
      <button type="button" disabled={form.busy()} onClick={() => void signOutEverywhere()}>
        {form.busy() ? 'Signing out…' : 'Sign out everywhere'}
      </button>
    </SettingsSection>
  );
}

function DeleteSection(): JSX.Element {
  const leaveApp = useLeaveApp();
  const form = createFormState();
  const [open, setOpen] = createSignal(false);
  const [password, setPassword] = createSignal('');

  const remove = () =>
    form.submit(
      async () => {
        await ok(api.DELETE('/api/me', { body: { password: password() } }));
        leaveApp('/', 'Your account and everything in it have been deleted.');
      },
      password() ? {} : { password: PASSWORD_REQUIRED_MESSAGE },
    );

  return (
    <SettingsSection name="delete" title="Delete your account" danger>
      <p>
        This deletes your account and everything in it for good: your progress on every course, XP, streaks,
        achievements, reviews, and your place in classes and study groups. <strong>It cannot be undone.</strong>
      </p>
      <Show
        when={open()}
        fallback={
          <button type="button" class="danger" aria-expanded="false" onClick={() => setOpen(true)}>
            Delete my account…
          </button>
        }
      >
        <Form form={form} onSubmit={remove}>
          <PasswordField
            id="deletePassword"
            label="Your password, to confirm"
            purpose="current"
            // Opening the confirmation puts the cursor where the next step is.
            ref={(element: HTMLInputElement) => queueMicrotask(() => element.focus())}
            value={password()}
            onInput={(event) => setPassword(event.currentTarget.value)}
            error={form.error('password')}
          />
          <div class="settings-actions">
            <SubmitButton busy={form.busy()} busyLabel="Deleting…" class="danger">
              Delete my account permanently
            </SubmitButton>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </Form>
      </Show>
    </SettingsSection>
  );
}

export default function Settings(): JSX.Element {
  usePageTitle(() => 'Settings');
  const session = useSession();
  return (
    <div class="settings">
      <h1>Settings</h1>
      {/* The guard only renders this page with an account; after deletion it is briefly null. */}
      <Show when={session.account.latest}>
        {(account) => (
          <>
            <ProfileSection account={account()} />
            <PreferencesSection account={account()} />
            <PasswordSection account={account()} />
            <SessionsSection />
            <DeleteSection />
          </>
        )}
      </Show>
    </div>
  );
}
