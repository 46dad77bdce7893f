import { describe, expect, it } from 'vitest';
import { pattern, symbols, tokenize, type Grammar, type Scanner } from './tokenizer';

/** A toy language: words, numbers, `{ }` and `"…{code}…"` strings with code inside. */
const interpolated: Scanner = (source, at, nested) => {
  if (source[at] !== '"') return undefined;
  const inner = nested(at + 1);
  const close = source[inner.end] === '}' ? '}' : '';
  return [{ kind: 'string', text: '"' }, ...inner.tokens, ...(close ? [{ kind: 'string' as const, text: close }] : [])];
};

const toy: Grammar = {
  scanners: [
    pattern('plain', /\s+/y),
    pattern('comment', /#.*/y),
    interpolated,
    pattern('number', /\d+/y),
    pattern('word', /[a-z]+/y),
    symbols('operator', ['=', '==', '=>']),
    symbols('punctuation', ['{', '}', '(', ')']),
  ],
  nameWord: (word, { previous, next }) => {
    if (word === 'let') return 'keyword';
    if (previous?.text === 'let') return 'property';
    return next === '(' ? 'function' : 'plain';
  },
};

describe('tokenize', () => {
  it('happy: scanners in order, longest symbol first, words named by their neighbours', () => {
    expect(tokenize('let x == f (1) => y', toy)).toEqual([
      { kind: 'keyword', text: 'let' },
      { kind: 'plain', text: ' ' },
      { kind: 'property', text: 'x' },
      { kind: 'plain', text: ' ' },
      { kind: 'operator', text: '==' },
      { kind: 'plain', text: ' ' },
      { kind: 'function', text: 'f' },
      { kind: 'plain', text: ' ' },
      { kind: 'punctuation', text: '(' },
      { kind: 'number', text: '1' },
      { kind: 'punctuation', text: ')' },
      { kind: 'plain', text: ' ' },
      { kind: 'operator', text: '=>' },
      { kind: 'plain', text: ' y' },
    ]);
  });

  it('happy: whitespace and comments do not hide a word from its neighbours', () => {
    const tokens = tokenize('let # why\n  total', toy);
    expect(tokens.at(-1)).toEqual({ kind: 'property', text: 'total' });
  });

  it('happy: a nested scan stops at the brace that closes it, counting the braces inside', () => {
    expect(tokenize('"a {b} c} d', toy).map((token) => token.text)).toEqual([
      '"',
      'a ',
      '{',
      'b',
      '}',
      ' c',
      '}',
      ' d',
    ]);
  });

  it('edge: characters no scanner knows become plain text, joined with their plain neighbours', () => {
    expect(tokenize('x ¿€ 😀!', toy)).toEqual([{ kind: 'plain', text: 'x ¿€ 😀!' }]);
  });

  it('edge: a lone surrogate or a scanner matching nothing cannot stall or split the text', () => {
    const empty: Grammar = { scanners: [pattern('plain', /a*/y)], nameWord: () => 'plain' };
    expect(tokenize('b\ud800c', empty)).toEqual([{ kind: 'plain', text: 'b\ud800c' }]);
    expect(tokenize('', toy)).toEqual([]);
  });

  it('error: a pattern without the sticky flag is refused when the grammar is built', () => {
    expect(() => pattern('number', /\d+/)).toThrow(/sticky/);
  });
});
