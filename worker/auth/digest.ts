import type { RedisClient } from '../redis/client';

/** SHA-256 as lower-case hex, with WebCrypto (available in Workers and Node alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A Redis key for per-account state that does not reveal the email it belongs to. */
export async function emailKey(redis: RedisClient, purpose: string, email: string): Promise<string> {
  return redis.key(purpose, await sha256Hex(email.trim().toLowerCase()));
}
