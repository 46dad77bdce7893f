/**
 * Live quiz PINs: six digits a class types on their phones, unique among open rooms. The
 * PIN → room mapping lives in Redis with an expiry, so a PIN is free again once its room
 * has ended or gone stale, and any isolate can resolve it.
 */
import type { RedisClient } from '../redis/types';

/** A room nobody ended still frees its PIN after this long. */
export const PIN_TTL_SECONDS = 6 * 3600;
const ATTEMPTS = 20;

export function randomPin(): string {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return String((value ?? 0) % 1_000_000).padStart(6, '0');
}

export const isPin = (text: string): boolean => /^\d{6}$/.test(text);

const pinKey = (redis: RedisClient, pin: string) => redis.key('live', 'pin', pin);

/** Claims a free PIN for the room (SET NX), retrying on the rare collision. */
export async function claimPin(redis: RedisClient, roomId: string, next: () => string = randomPin): Promise<string> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const pin = next();
    const claimed = await redis.raw.set(pinKey(redis, pin), roomId, { nx: true, ex: PIN_TTL_SECONDS });
    if (claimed === 'OK') return pin;
  }
  throw new Error(`no free live quiz PIN after ${ATTEMPTS} tries`);
}

export async function roomForPin(redis: RedisClient, pin: string): Promise<string | null> {
  return (await redis.raw.get<string>(pinKey(redis, pin))) ?? null;
}

/** Frees the PIN when its room ends, unless it has meanwhile been claimed by another room. */
export async function releasePin(redis: RedisClient, pin: string, roomId: string): Promise<void> {
  if ((await roomForPin(redis, pin)) === roomId) await redis.raw.del(pinKey(redis, pin));
}
