/** Class join codes: 8 characters people can read aloud and type without confusing 0/O or 1/I/L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;

export function newJoinCode(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  // 31 symbols: rejecting bytes ≥ 248 (8 × 31) keeps every symbol equally likely.
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of random(new Uint8Array(16))) {
      if (byte < 248 && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
    }
  }
  return code;
}

/** What a person typed, as stored: upper case, spaces and dashes dropped. */
export function normalizeJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
