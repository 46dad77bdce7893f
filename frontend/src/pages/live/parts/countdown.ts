/**
 * The question clock as a phone shows it: time left from the server's deadline (corrected
 * by how far this device's clock is from the server's), whole seconds for the display, the
 * bar's fraction, and the moments worth announcing to a screen reader. Pure.
 */

/** Seconds left at which the timer speaks up (aria-live), besides "time is up". */
export const ANNOUNCE_AT = [10, 5] as const;

/**
 * How far the server's clock is ahead of this device's (ms). With the request's send time,
 * the network delay is split evenly between the two legs (as NTP does); without it, the
 * receive time stands in for both.
 */
export function clockOffset(serverTime: number, receivedAt: number, sentAt = receivedAt): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

export interface Clocked {
  /** Server time when answers close; null while paused. */
  deadline: number | null;
  /** Time left while paused. */
  remainingMs: number | null;
}

/** Milliseconds left on the question at local time `now`, never below zero. */
export function remainingMs(question: Clocked, now: number, offset: number): number {
  if (question.deadline !== null) return Math.max(question.deadline - (now + offset), 0);
  return Math.max(question.remainingMs ?? 0, 0);
}

/** What the display shows: 0.2 s left still reads "1". */
export function wholeSeconds(ms: number): number {
  return Math.ceil(Math.max(ms, 0) / 1000);
}

/** How full the bar is, 1 at the start and 0 at the end. */
export function fractionLeft(ms: number, limitMs: number): number {
  if (!(limitMs > 0)) return 0;
  return Math.min(Math.max(ms / limitMs, 0), 1);
}

/**
 * What to announce when the display goes from `before` to `after` seconds: a threshold is
 * announced when it is crossed (even if a slow tick jumped past it), never on first sight,
 * so a refresh with 7 s left does not say "10 seconds left".
 */
export function announcement(before: number | null, after: number): string | null {
  if (before === null || after >= before) return null;
  if (after === 0) return 'Time is up.';
  const crossed = ANNOUNCE_AT.filter((at) => before > at && after <= at).at(-1);
  return crossed === undefined ? null : `${crossed} seconds left.`;
}
