/**
 * Words and numbers for the admin screens: counts, rates, latencies and times, the
 * activity log's events as sentences, and the questions asked before changing an account.
 */

export type Role = 'learner' | 'instructor' | 'admin';

export const ROLES: readonly Role[] = ['learner', 'instructor', 'admin'];

const ARTICLE: Record<Role, string> = { learner: 'a learner', instructor: 'an instructor', admin: 'an admin' };

const counts = new Intl.NumberFormat('en');
const decimals = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export const formatCount = (n: number): string => counts.format(n);

/** A share (0–1) as a percentage; "—" when there is nothing to divide. */
export function formatPercent(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(rate === 0 || rate === 1 ? 0 : digits)}%`;
}

/** Milliseconds, in seconds from one second up; "—" when unknown. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${decimals.format(ms / 1000)} s`;
  return `${decimals.format(ms)} ms`;
}

export const formatRate = (perMinute: number): string => `${decimals.format(perMinute)}/min`;

export function formatDateTime(iso: string, locale?: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatClock(iso: string | Date, locale?: string): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export interface ActivityEvent {
  kind: string;
  userId: string | null;
  displayName: string | null;
  actorId: string | null;
  detail: Record<string, unknown>;
}

export const ACTIVITY_KINDS: readonly { kind: string; label: string }[] = [
  { kind: 'registered', label: 'Sign-ups' },
  { kind: 'signed-in', label: 'Sign-ins' },
  { kind: 'lesson-completed', label: 'Lessons completed' },
  { kind: 'concept-mastered', label: 'Concepts mastered' },
  { kind: 'role-changed', label: 'Role changes' },
  { kind: 'account-disabled', label: 'Accounts disabled' },
  { kind: 'account-enabled', label: 'Accounts re-enabled' },
  { kind: 'class-created', label: 'Classes created' },
  { kind: 'class-joined', label: 'Classes joined' },
  { kind: 'content-edited', label: 'Content edited' },
];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** One sentence for an activity-log event; `me` is the admin reading it (to say "by you"). */
export function describeActivity(event: ActivityEvent, me?: string): string {
  const who = event.displayName ?? 'A deleted account';
  const by = event.actorId ? (event.actorId === me ? ' by you' : ' by an admin') : '';
  const { detail } = event;
  const course = text(detail.course);
  const inCourse = course ? ` in ${course}` : '';
  switch (event.kind) {
    case 'registered':
      return `${who} signed up`;
    case 'signed-in':
      return `${who} signed in`;
    case 'lesson-completed': {
      const lesson = text(detail.lesson);
      return `${who} completed ${lesson ? `the lesson ${lesson}` : 'a lesson'}${inCourse}`;
    }
    case 'concept-mastered':
      return `${who} mastered ${text(detail.concept) ?? 'a concept'}${inCourse}`;
    case 'role-changed': {
      const from = text(detail.from);
      const to = text(detail.to);
      return from && to
        ? `${who} was made ${ARTICLE[to as Role] ?? to} (was ${from})${by}`
        : `${who}’s role changed${by}`;
    }
    case 'account-disabled':
      return `${who}’s account was disabled${by}`;
    case 'account-enabled':
      return `${who}’s account was re-enabled${by}`;
    case 'class-created':
      return text(detail.name) ? `${who} created the class “${text(detail.name)}”` : `${who} created a class`;
    case 'class-joined':
      return `${who} joined a class`;
    case 'content-edited': {
      const what = text(detail.lesson) ? `the lesson ${text(detail.lesson)}` : `the item ${text(detail.item) ?? ''}`;
      const verb = detail.change === 'created' ? 'created' : 'edited';
      return `${who} ${verb} ${what.trim()}${inCourse}`;
    }
    default:
      return `${who}: ${event.kind}`;
  }
}

export interface AccountRef {
  displayName: string;
  role: Role;
}

export interface Confirmation {
  title: string;
  body: string;
  confirm: string;
  danger: boolean;
}

export function roleChangeConfirmation(user: AccountRef, to: Role): Confirmation {
  const powers: Record<Role, string> = {
    learner: 'They keep their progress but lose any teaching or admin access.',
    instructor: 'They will be able to create classes, run live quizzes and edit course content.',
    admin: 'They will be able to manage every account, including yours, and see the whole platform.',
  };
  return {
    title: `Make ${user.displayName} ${ARTICLE[to]}?`,
    body: `${user.displayName} is ${ARTICLE[user.role]} now. ${powers[to]}`,
    confirm: `Make ${ARTICLE[to]}`,
    danger: to === 'admin' || user.role === 'admin',
  };
}

export function disableConfirmation(user: AccountRef, disable: boolean): Confirmation {
  return disable
    ? {
        title: `Disable ${user.displayName}’s account?`,
        body: 'They are signed out everywhere at once and cannot sign in until the account is re-enabled. Their progress is kept.',
        confirm: 'Disable account',
        danger: true,
      }
    : {
        title: `Re-enable ${user.displayName}’s account?`,
        body: 'They will be able to sign in again.',
        confirm: 'Re-enable account',
        danger: false,
      };
}

export const roleName = (role: Role): string => role.charAt(0).toUpperCase() + role.slice(1);

export const describeRole = (role: Role): string => ARTICLE[role];
