/**
 * Nicknames in a live quiz room: what a player may call themselves and when two names are
 * "the same". A nickname is shown on the classroom projector, so it must not carry
 * invisible or direction-changing characters (U+202E can make a name render as someone
 * else's or as a rude word backwards), and two players must not look identical on screen:
 * uniqueness is decided on a folded key, so "Ana", "ANA" and full-width "Ａｎａ" collide.
 */

export const MAX_NICKNAME_CODE_POINTS = 20;

export type NicknameCheck =
  | { ok: true; nickname: string }
  | { ok: false; reason: 'empty' | 'too_long' | 'forbidden_characters'; message: string };

/** Control (Cc), format (Cf, e.g. U+202E, zero-width joiners) and lone surrogates (Cs). */
const FORBIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Cs}]/u;

/**
 * NFKC-normalises, collapses every run of whitespace (tabs and newlines included: they are
 * whitespace first, so a pasted "Ana\n" becomes "Ana") to one space and trims; then refuses
 * what remains if it is empty, longer than 20 code points or holds control/format characters.
 * Length is checked after normalisation because NFKC can lengthen a string (ﷺ → 18 letters).
 */
export function normalizeNickname(raw: string): NicknameCheck {
  const nickname = raw.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  if (nickname === '') return { ok: false, reason: 'empty', message: 'Choose a nickname' };
  if (FORBIDDEN_CHARACTERS.test(nickname)) {
    return {
      ok: false,
      reason: 'forbidden_characters',
      message: 'The nickname contains invisible or control characters',
    };
  }
  if ([...nickname].length > MAX_NICKNAME_CODE_POINTS) {
    return { ok: false, reason: 'too_long', message: `Nicknames are at most ${MAX_NICKNAME_CODE_POINTS} characters` };
  }
  return { ok: true, nickname };
}

/**
 * The key two nicknames are compared on: NFKC (width, ligatures) then an upper-then-lower
 * round trip, which approximates Unicode full case folding ("Straße" and "STRASSE" collide).
 */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}
