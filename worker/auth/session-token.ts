/**
 * Session tokens: 256 random bits handed to the client (base64url), stored only as their
 * SHA-256, so a copy of the sessions table cannot be replayed as live sign-ins.
 */
import { sha256Hex } from './digest';

const TOKEN_BYTES = 32;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function newSessionToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES)));
}

/** A token must look like one before we spend a hash and a query on it. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function hashSessionToken(token: string): Promise<string> {
  return sha256Hex(token);
}
