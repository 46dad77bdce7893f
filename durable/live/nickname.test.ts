import { describe, expect, it } from 'vitest';
import { MAX_NICKNAME_CODE_POINTS, nicknameKey, normalizeNickname } from './nickname';

describe('normalizeNickname', () => {
  it.each([
    ['Ann', 'Ann'],
    ['  Ann  ', 'Ann'],
    ['Ann   \t Lee', 'Ann Lee'],
    ['Ann\n', 'Ann'], // pasted with a newline: whitespace, collapsed rather than refused
    ['Ｔｏｍ', 'Tom'], // full-width letters fold under NFKC
    ['\u3000Kim\u3000', 'Kim'], // ideographic spaces
    ['ﬁona', 'fiona'], // the fi ligature
    ['Zoe\u0308', 'Zo\u00EB'], // e + combining diaeresis composes to one code point
    ['x'.repeat(20), 'x'.repeat(20)],
    ['😀'.repeat(20), '😀'.repeat(20)], // 20 code points, 40 UTF-16 units
    ['Ünïcödé ñame 名前', 'Ünïcödé ñame 名前'],
  ])('accepts %j as %j (happy)', (raw, nickname) => {
    expect(normalizeNickname(raw)).toEqual({ ok: true, nickname });
  });

  it.each([
    ['', 'empty'],
    [' \t\n ', 'empty'],
    ['x'.repeat(21), 'too_long'],
    ['😀'.repeat(21), 'too_long'],
    ['ﷺ ﷺ', 'too_long'], // each ligature expands to 18 characters under NFKC
    ['A\u202Enn', 'forbidden_characters'], // right-to-left override
    ['Ann\u200F', 'forbidden_characters'], // right-to-left mark
    ['A\u200Bnn', 'forbidden_characters'], // zero-width space
    ['Ann\u0000', 'forbidden_characters'],
    ['Ann\u001b[31m', 'forbidden_characters'], // terminal escape
    ['Ann\u007f', 'forbidden_characters'],
    ['Ann\u0085x', 'forbidden_characters'], // a C1 control
    ['Ann\uD800', 'forbidden_characters'], // lone surrogate
  ])('refuses %j: %s (security)', (raw, reason) => {
    const checked = normalizeNickname(raw);
    expect(checked).toMatchObject({ ok: false, reason });
    if (!checked.ok) expect(checked.message).not.toBe('');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(MAX_NICKNAME_CODE_POINTS).toBe(20);
    expect(normalizeNickname('𠀀'.repeat(20)).ok).toBe(true); // each one is a surrogate pair
    expect(normalizeNickname('𠀀'.repeat(21)).ok).toBe(false);
  });
});

describe('nicknameKey', () => {
  it.each([
    ['Ann', 'ANN'],
    ['Ann', 'aNn'],
    ['Ann', 'Ａｎｎ'], // full width
    ['Straße', 'STRASSE'], // full case folding
    ['Zo\u00EB', 'ZOE\u0308'], // composed vs decomposed
  ])('treats %j and %j as the same name', (a, b) => {
    expect(nicknameKey(a)).toBe(nicknameKey(b));
  });

  it('keeps different names apart', () => {
    expect(nicknameKey('Ann')).not.toBe(nicknameKey('Anne'));
    expect(nicknameKey('Ann Lee')).not.toBe(nicknameKey('AnnLee'));
  });
});
