import { describe, expect, it } from 'vitest';
import { cleanGroupMessage, MAX_GROUP_MESSAGE_CHARS, progressByMember } from './group-chat';

describe('cleanGroupMessage', () => {
  it.each([
    ['plain text', 'hello there', 'hello there'],
    ['a comparison in code', 'is a < b when b > 2?', 'is a < b when b > 2?'],
    ['a script tag', '<script>alert(1)</script>hi', 'alert(1)hi'],
    ['an image with an onerror', 'look <img src=x onerror=alert(1)> here', 'look  here'],
    ['a bidi override', 'abc\u202Edef', 'abcdef'],
    ['control characters', 'a\u0007b\u0000c', 'abc'],
    ['new lines kept', 'line one\nline two', 'line one\nline two'],
  ])('cleans %s', (_label, raw, text) => {
    expect(cleanGroupMessage(raw)).toEqual({ ok: true, text });
  });

  it('refuses empty and over-long messages', () => {
    expect(cleanGroupMessage('  <b></b> ').ok).toBe(false);
    expect(cleanGroupMessage('x'.repeat(MAX_GROUP_MESSAGE_CHARS + 1)).ok).toBe(false);
    expect(cleanGroupMessage('x'.repeat(MAX_GROUP_MESSAGE_CHARS)).ok).toBe(true);
  });
});

describe('progressByMember', () => {
  it('counts each item once per member, the latest answer deciding, and ignores items outside the set', () => {
    expect(
      progressByMember(
        ['i1', 'i2'],
        [
          { itemId: 'i1', userId: 'u1', correct: false },
          { itemId: 'i1', userId: 'u1', correct: true },
          { itemId: 'i2', userId: 'u1', correct: true },
          { itemId: 'i2', userId: 'u2', correct: false },
          { itemId: 'other', userId: 'u2', correct: true },
        ],
      ),
    ).toEqual({
      u1: { answered: 2, correct: 2, items: { i1: true, i2: true } },
      u2: { answered: 1, correct: 0, items: { i2: false } },
    });
  });
});
