/**
 * What the class and group forms check before asking the API, by the API's own rules: a
 * join code of 4–20 characters (people type it with spaces, dashes and in any case; the
 * server normalises those), and a group name of 1–80 characters.
 */

/** The code as the server stores it: upper case, spaces and dashes dropped. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function codeProblem(typed: string): string | null {
  const trimmed = typed.trim();
  if (!trimmed) return 'Enter the code you were given.';
  if (trimmed.length < 4 || normalizeCode(trimmed).length < 4) return 'Codes are at least 4 characters long.';
  if (trimmed.length > 20) return 'Codes are at most 20 characters long.';
  if (!/^[A-Z0-9]+$/.test(normalizeCode(trimmed))) return 'Codes use only letters and digits.';
  return null;
}

export const MAX_GROUP_NAME = 80;

export function groupNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the group a name.';
  if (trimmed.length > MAX_GROUP_NAME) return `Names are at most ${MAX_GROUP_NAME} characters long.`;
  return null;
}
