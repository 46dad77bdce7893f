/**
 * What the settings forms send: only the fields that changed (PATCH /api/me takes any
 * subset), checked with the API's own rules first. Pure, so it is tested without a browser.
 */
import { dailyGoalProblem, displayNameProblem, sessionMinutesProblem } from '../../../../worker/accounts/field-rules';
import type { Schemas } from '../../api/client';

type Account = Schemas['Account'];
export type Preferences = Schemas['Preferences'];

/** The profile form as typed: numbers stay text until they are checked. */
export interface ProfileDraft {
  displayName: string;
  timeZone: string;
  dailyGoalXp: string;
}

export interface ProfileChange {
  displayName?: string;
  timeZone?: string;
  dailyGoalXp?: number;
}

export function profileDraft(account: Account): ProfileDraft {
  return { displayName: account.displayName, timeZone: account.timeZone, dailyGoalXp: String(account.dailyGoalXp) };
}

/** A whole number from a number input's text, NaN for anything else ("", "1e2", "3.5" stay invalid). */
export function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function profileProblems(draft: ProfileDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  const name = displayNameProblem(draft.displayName);
  if (name) problems.displayName = name;
  const goal = dailyGoalProblem(wholeNumber(draft.dailyGoalXp));
  if (goal) problems.dailyGoalXp = goal;
  return problems;
}

/** The changed fields (display name compared trimmed, as the API stores it), or null when nothing changed. */
export function profileChange(account: Account, draft: ProfileDraft): ProfileChange | null {
  const change: ProfileChange = {};
  const displayName = draft.displayName.trim();
  if (displayName !== account.displayName) change.displayName = displayName;
  if (draft.timeZone !== account.timeZone) change.timeZone = draft.timeZone;
  const goal = wholeNumber(draft.dailyGoalXp);
  if (goal !== account.dailyGoalXp) change.dailyGoalXp = goal;
  return Object.keys(change).length > 0 ? change : null;
}

export interface PreferencesDraft extends Omit<Preferences, 'sessionMinutes'> {
  sessionMinutes: string;
}

export function preferencesDraft(preferences: Preferences): PreferencesDraft {
  return { ...preferences, sessionMinutes: String(preferences.sessionMinutes) };
}

export function preferencesProblems(draft: PreferencesDraft): Record<string, string> {
  const problem = sessionMinutesProblem(wholeNumber(draft.sessionMinutes));
  // Keyed by the API's path, so the client's error and the server's land on the same field.
  return problem ? { 'preferences.sessionMinutes': problem } : {};
}

export function preferencesChange(current: Preferences, draft: PreferencesDraft): Partial<Preferences> | null {
  const next: Preferences = { ...draft, sessionMinutes: wholeNumber(draft.sessionMinutes) };
  const change: Partial<Preferences> = {};
  for (const key of Object.keys(current) as (keyof Preferences)[]) {
    if (next[key] !== current[key]) Object.assign(change, { [key]: next[key] });
  }
  return Object.keys(change).length > 0 ? change : null;
}
