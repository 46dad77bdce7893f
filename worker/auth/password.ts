/**
 * Password hashing and the password policy (OWASP ASVS 2.1 / 2.4).
 *
 * Hashes use scrypt from `node:crypto` (the Worker runs with `nodejs_compat`). WebCrypto's
 * PBKDF2 would be the obvious Workers choice, but Workers cap it at 100,000 iterations,
 * below what OWASP ASVS L2 asks for PBKDF2-SHA256 (600,000); scrypt at N=2^15, r=8, p=3 is
 * one of OWASP's recommended configurations and is memory-hard on top.
 *
 * A stored hash describes itself, PHC-style: `scrypt$N=32768,r=8,p=3$<salt>$<key>` (salt
 * and key in unpadded base64), so the parameters can be raised later: old hashes keep
 * verifying with the parameters they were made with, and `needsRehash` tells the sign-in
 * flow to store a fresh hash once it has the plaintext in hand.
 *
 * This module depends only on `node:crypto` and pure modules, so Node tools (ops/admin)
 * import it too. The policy's simple rules live in `accounts/field-rules.ts`, which the web
 * app checks with as well; only the common-password list is the server's alone.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { normalizePassword, passwordLengthProblem, passwordPersonalProblem } from '../accounts/field-rules';
import { COMMON_PASSWORDS } from './common-passwords';

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

const CURRENT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

// Ceilings for parameters read back from storage: a corrupted or hostile row must not make
// one sign-in allocate gigabytes or spin for minutes. Generous enough for future raises.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

/**
 * scrypt needs 128·N·r bytes for its big table V plus 128·r·p for the blocks B (OpenSSL
 * checks `128·r·(N + 2) + 128·r·p` against maxmem). At N=2^15, r=8 that is 32 MiB + 11 KiB,
 * just over Node's default maxmem of 32 MiB, so the default would fail. Allow the need plus
 * 1 MiB of headroom; at the current parameters that is 33 MiB per hash in flight.
 */
function maxmemFor({ N, r, p }: ScryptParams): number {
  return 128 * r * (N + 2) + 128 * r * p + 1024 * 1024;
}

function deriveKey(password: string, salt: Buffer, keyLength: number, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) };
  return new Promise((resolve, reject) => {
    scrypt(normalize(password), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/**
 * NFKC, as NIST SP 800-63B suggests, so the same password typed on two keyboards (composed
 * vs decomposed accents, full-width digits) hashes the same.
 */
function normalize(password: string): string {
  return normalizePassword(password);
}

const B64 = /^[A-Za-z0-9+/]+={0,2}$/; // padding optional: we write none, other tools may

function encode(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

/** Parses a stored hash, or returns undefined when it is not one we can check against. */
function parse(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== 'scrypt') return undefined;
  const [, paramText = '', saltText = '', keyText = ''] = parts;
  const match = /^N=(\d{1,8}),r=(\d{1,3}),p=(\d{1,3})$/.exec(paramText);
  if (!match || !B64.test(saltText) || !B64.test(keyText)) return undefined;
  const params = { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const powerOfTwo = params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > MAX_N || params.r < 1 || params.r > MAX_R || params.p < 1 || params.p > MAX_P) {
    return undefined;
  }
  const salt = Buffer.from(saltText, 'base64');
  const key = Buffer.from(keyText, 'base64');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return undefined;
  return { params, salt, key };
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, KEY_BYTES, CURRENT);
  const { N, r, p } = CURRENT;
  return `scrypt$N=${N},r=${r},p=${p}$${encode(salt)}$${encode(key)}`;
}

/** True when `password` matches `stored`; false for a wrong password or an unusable hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  try {
    const key = await deriveKey(password, parsed.salt, parsed.key.length, parsed.params);
    // Same length by construction (we derived key.length bytes), as timingSafeEqual needs.
    return timingSafeEqual(key, parsed.key);
  } catch {
    return false;
  }
}

/** True when `stored` was made with other parameters than today's (or cannot be read). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const { N, r, p } = parsed.params;
  return N !== CURRENT.N || r !== CURRENT.r || p !== CURRENT.p || parsed.key.length !== KEY_BYTES;
}

export type PasswordPolicyResult = { ok: true } | { ok: false; reason: string };

/**
 * ASVS 2.1: 8 to 128 characters (code points, so an emoji counts once), anything allowed
 * including spaces, no composition rules; refuse well-known breached passwords and the
 * user's own email or name.
 */
export function checkPasswordPolicy(
  password: string,
  context: { email?: string; displayName?: string } = {},
): PasswordPolicyResult {
  const tooShortOrLong = passwordLengthProblem(password);
  if (tooShortOrLong) return { ok: false, reason: tooShortOrLong };
  if (COMMON_PASSWORDS.has(normalize(password).toLowerCase())) {
    return {
      ok: false,
      reason: 'This password is one of the most commonly used ones and is easy to guess. Choose a different one.',
    };
  }
  const personal = passwordPersonalProblem(password, context);
  return personal ? { ok: false, reason: personal } : { ok: true };
}
