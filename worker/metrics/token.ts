/**
 * The scrape token check. Both tokens are hashed first and the digests compared byte by
 * byte without stopping early, so the time taken says nothing about how much of a guess
 * was right, nor how long the real token is.
 */

/** Shorter than this, a configured token is treated as a mistake and refused outright. */
export const MIN_TOKEN_LENGTH = 16;

const encoder = new TextEncoder();

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

export async function sameToken(presented: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(presented), digest(expected)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/** The token from `Authorization: Bearer <token>`, if that is what the header holds. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}
