/**
 * The live sessions screen's pure parts: the create form's checks (the create route's own
 * limits, so a bad value is caught before the round trip) and how a session row reads.
 */
import type { Schemas } from '../../../api/client';

/** The create route's limits (worker/routes/live.ts). */
export const LIMITS = { count: [1, 50], seconds: [5, 120], title: 100 } as const;

export function sessionFormErrors(input: { count: string; seconds: string; title: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  const count = Number(input.count);
  if (!Number.isInteger(count) || count < LIMITS.count[0] || count > LIMITS.count[1]) {
    errors.count = `Choose between ${LIMITS.count[0]} and ${LIMITS.count[1]} questions.`;
  }
  const seconds = Number(input.seconds);
  if (!Number.isInteger(seconds) || seconds < LIMITS.seconds[0] || seconds > LIMITS.seconds[1]) {
    errors.timeLimitSeconds = `Allow between ${LIMITS.seconds[0]} and ${LIMITS.seconds[1]} seconds.`;
  }
  if (input.title.trim().length > LIMITS.title) errors.title = `Titles are at most ${LIMITS.title} characters.`;
  return errors;
}

export type LiveSession = Schemas['LiveSession'];

export const STATUS_LABEL: Record<LiveSession['status'], string> = {
  lobby: 'In the lobby',
  running: 'Running',
  ended: 'Ended',
};

/** Whether the row offers the host screen: open games whose host key is in this tab. */
export function canHostHere(session: LiveSession, hasKey: (roomId: string) => boolean): boolean {
  return session.status !== 'ended' && hasKey(session.id);
}

export function formatWhen(iso: string | null, locale?: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
