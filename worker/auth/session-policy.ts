/**
 * How long a sign-in lasts (OWASP Session Management guidance): a sliding inactivity
 * timeout and an absolute lifetime. The accounts feature and the maintenance job share it.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export const SESSION_IDLE_TIMEOUT_MS = 7 * DAY_MS;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 30 * DAY_MS;

/** The instant before which a session's last activity means it has idled out. */
export function idleCutoff(now: Date): Date {
  return new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS);
}
