/**
 * The simple rules for account fields, shared by the API's zod schemas and the web app's
 * forms, so both refuse the same input with the same sentence. Plain TypeScript with no
 * zod, Worker or Node imports: the browser bundles this file as it is. The common-password
 * list stays on the server (`auth/password.ts`): it is large, and shipping it would only
 * hand attackers our list.
 */

export const EMAIL_MAX_LENGTH = 254;

/** zod's "practical email" pattern (`z.regexes.email`), handed to `z.email` so the API uses this one. */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export const EMAIL_MESSAGES = {
  invalid: 'Enter a valid email address.',
  tooLong: `Email addresses are at most ${EMAIL_MAX_LENGTH} characters.`,
} as const;

/** What is wrong with an email as typed (it is trimmed first, as the API does), or undefined. */
export function emailProblem(raw: string): string | undefined {
  const email = raw.trim();
  if (email.length > EMAIL_MAX_LENGTH) return EMAIL_MESSAGES.tooLong;
  if (!EMAIL_PATTERN.test(email)) return EMAIL_MESSAGES.invalid;
  return undefined;
}

/** Display names are shown to other learners (leaderboards, rooms). Lengths in UTF-16 units, as zod counts. */
export const DISPLAY_NAME_MAX_LENGTH = 60;

export const DISPLAY_NAME_MESSAGES = {
  empty: 'Enter a display name.',
  tooLong: `Display names are at most ${DISPLAY_NAME_MAX_LENGTH} characters.`,
  control: 'Display names cannot contain control characters.',
} as const;

export function hasControlCharacters(text: string): boolean {
  return /\p{Cc}/u.test(text);
}

export function displayNameProblem(raw: string): string | undefined {
  const name = raw.trim();
  if (name.length < 1) return DISPLAY_NAME_MESSAGES.empty;
  if (name.length > DISPLAY_NAME_MAX_LENGTH) return DISPLAY_NAME_MESSAGES.tooLong;
  if (hasControlCharacters(name)) return DISPLAY_NAME_MESSAGES.control;
  return undefined;
}

/**
 * ASVS 2.1: 8 to 128 characters, counted in code points after NFKC (so an emoji counts
 * once and the same password typed on two keyboards is one password).
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** The wire limit, far above the policy's: a longer body is malformed, not a weak password. */
export const PASSWORD_WIRE_MAX_LENGTH = 1024;
export const PASSWORD_REQUIRED_MESSAGE = 'Enter a password.';

/** The policy in one sentence, for the forms that ask for a new password. */
export const PASSWORD_POLICY_HINT =
  `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, spaces welcome, no symbols required: a few ` +
  'unrelated words make a strong password. Common passwords, your email and your name are refused.';

export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

export function passwordLengthProblem(password: string): string | undefined {
  const length = [...normalizePassword(password)].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters (this one has ${length}).`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters (this one has ${length}).`;
  return undefined;
}

/** A password that is the account's own email (or its local part) or name. */
export function passwordPersonalProblem(
  password: string,
  context: { email?: string; displayName?: string },
): string | undefined {
  const lower = normalizePassword(password).toLowerCase();
  const email = normalizePassword(context.email ?? '')
    .trim()
    .toLowerCase();
  const at = email.lastIndexOf('@');
  const localPart = at > 0 ? email.slice(0, at) : '';
  if (email && (lower === email || lower === localPart)) {
    return 'Do not use your email address, or part of it, as your password.';
  }
  const name = normalizePassword(context.displayName ?? '')
    .trim()
    .toLowerCase();
  if (name && lower === name) return 'Do not use your name as your password.';
  return undefined;
}

/**
 * Everything the browser can check about a new password: present, long enough, not
 * personal. Only the common-password check is left to the API.
 */
export function newPasswordProblem(
  password: string,
  context: { email?: string; displayName?: string } = {},
): string | undefined {
  if (password.length === 0) return PASSWORD_REQUIRED_MESSAGE;
  return passwordLengthProblem(password) ?? passwordPersonalProblem(password, context);
}

/** The XP that makes a day count toward the streak. */
export const DAILY_GOAL_XP = { min: 10, max: 500, default: 30 } as const;
export const DAILY_GOAL_MESSAGE = `Choose a daily goal from ${DAILY_GOAL_XP.min} to ${DAILY_GOAL_XP.max} XP.`;

export function dailyGoalProblem(value: number): string | undefined {
  const fits = Number.isInteger(value) && value >= DAILY_GOAL_XP.min && value <= DAILY_GOAL_XP.max;
  return fits ? undefined : DAILY_GOAL_MESSAGE;
}

/** Target length of a learning session. */
export const SESSION_MINUTES = { min: 5, max: 120 } as const;
export const SESSION_MINUTES_MESSAGE = `Choose a session length from ${SESSION_MINUTES.min} to ${SESSION_MINUTES.max} minutes.`;

export function sessionMinutesProblem(value: number): string | undefined {
  const fits = Number.isInteger(value) && value >= SESSION_MINUTES.min && value <= SESSION_MINUTES.max;
  return fits ? undefined : SESSION_MINUTES_MESSAGE;
}
