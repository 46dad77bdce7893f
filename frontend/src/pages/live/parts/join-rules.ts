/**
 * The join form's rules: a PIN typed or pasted any way ("123 456", "PIN: 123-456") becomes
 * its six digits; the nickname is checked with the room's own rules (the same module the
 * room uses); and the join route's refusals are put on the field they are about. Pure.
 */
import { normalizeNickname } from '../../../../../durable/live/nickname';
import { ApiRequestError, messageOf } from '../../../api/errors';

export const PIN_LENGTH = 6;

/** Digits only, at most six: what the PIN field keeps of whatever was typed or pasted. */
export function pinFromInput(text: string): string {
  return text.replace(/\D/g, '').slice(0, PIN_LENGTH);
}

export function pinProblem(pin: string): string | null {
  if (pin === '') return 'Enter the 6-digit PIN shown on the host’s screen.';
  return /^\d{6}$/.test(pin) ? null : 'A PIN is 6 digits.';
}

export function nicknameProblem(nickname: string): string | null {
  const checked = normalizeNickname(nickname);
  return checked.ok ? null : `${checked.message}.`;
}

export interface JoinErrors {
  fields: { pin?: string; nickname?: string };
  form?: string;
}

/** Where a refused join's message belongs: the PIN, the nickname, or above the form. */
export function joinErrors(error: unknown): JoinErrors {
  if (!(error instanceof ApiRequestError)) return { fields: {}, form: messageOf(error) };
  const fromFields = error.fieldErrors;
  if (fromFields.pin || fromFields.nickname) {
    return { fields: { pin: fromFields.pin, nickname: fromFields.nickname } };
  }
  const details = error.body?.error.details as { reason?: unknown } | undefined;
  const reason = typeof details?.reason === 'string' ? details.reason : undefined;
  if (error.status === 404 || reason === 'ended') return { fields: { pin: error.message } };
  if (reason === 'nickname_taken' || reason === 'invalid') return { fields: { nickname: error.message } };
  return { fields: {}, form: error.message };
}
