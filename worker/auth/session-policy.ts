/**
 * How long a sign-in lasts (OWASP Session Management guidance): a sliding inactivity
 * timeout and an absolute lifetime. The accounts feature and the maintenance job share it.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export const SESSION_IDLE_TIMEOUT_MS = 7 * DAY_MS;
export const SESSION_ABSOLUTE_TIMEOUT_MS = 30 * DAY_MS;
/**
 * Activity is written back at most this often: the sliding timeout is measured in days,
 * so a write on every request would cost a query per request for no gain.
 */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** The instant before which a session's last activity means it has idled out. */
export function idleCutoff(now: Date): Date {
  return new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS);
}

export type SessionVerdict = 'active' | 'idle' | 'expired';

/** Whether a stored session may still be used at `now`. */
export function sessionVerdict(session: { lastSeenAt: Date; expiresAt: Date }, now: Date): SessionVerdict {
  if (session.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (session.lastSeenAt.getTime() < idleCutoff(now).getTime()) return 'idle';
  return 'active';
}

export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS;
}
