/**
 * A token bucket per WebSocket: a burst of messages is fine, a flood is not. Pure, so the
 * objects keep buckets where they like (in memory is enough: a socket that sleeps long
 * enough for the object to hibernate has refilled its bucket anyway).
 */
export interface MessageRate {
  /** Messages a socket may send at once. */
  burst: number;
  /** Messages per second it may keep sending. */
  perSecond: number;
}

export interface Bucket {
  tokens: number;
  updatedAt: number;
}

export const LEARNER_CHANNEL_RATE: MessageRate = { burst: 10, perSecond: 2 };

export function takeToken(
  bucket: Bucket | undefined,
  now: number,
  rate: MessageRate,
): { allowed: boolean; bucket: Bucket; retryAfterMs: number } {
  const elapsed = bucket ? Math.max(0, now - bucket.updatedAt) / 1000 : 0;
  const tokens = Math.min(rate.burst, (bucket?.tokens ?? rate.burst) + elapsed * rate.perSecond);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, updatedAt: now }, retryAfterMs: 0 };
  return {
    allowed: false,
    bucket: { tokens, updatedAt: now },
    retryAfterMs: Math.ceil(((1 - tokens) / rate.perSecond) * 1000),
  };
}

/** A phone in a live quiz sends an answer now and then; a host a control or two. */
export const LIVE_ROOM_RATE: MessageRate = { burst: 10, perSecond: 5 };
