/**
 * The engine behind code highlighting: turns source text into tokens by a grammar's
 * scanners, then names each word by its neighbours (a word after `.` is a property, a word
 * before `(` a function). Grammars (jac-grammar.ts, javascript-grammar.ts) only say what
 * their language looks like. Whatever the input, even broken code a learner is typing, the
 * tokens' texts concatenate back to exactly the source: highlighting never changes code.
 */

export type TokenKind =
  | 'keyword'
  | 'type'
  | 'string'
  | 'number'
  | 'comment'
  | 'operator'
  | 'punctuation'
  | 'function'
  | 'property'
  | 'builtin'
  | 'plain';

export interface Token {
  kind: TokenKind;
  text: string;
}

/** A scanned identifier, named only once its neighbours are known. */
export interface Word {
  kind: 'word';
  text: string;
}

export type Scanned = Token | Word;

/** Scans code from `at` up to (not including) the `}` that closes it, for `${…}` and `{…}` in strings. */
export type ScanNested = (at: number) => { tokens: Scanned[]; end: number };

/** Tokens for the source starting exactly at `at`, or undefined when this scanner does not apply. */
export type Scanner = (source: string, at: number, nested: ScanNested) => Scanned[] | undefined;

export interface WordContext {
  /** The closest token before the word that is not whitespace or a comment, already named. */
  previous?: Token;
  /** The text of the closest token after it that is not whitespace or a comment. */
  next?: string;
}

export interface Grammar {
  /** Tried in order at each position; the first that matches wins. */
  scanners: readonly Scanner[];
  nameWord: (word: string, context: WordContext) => TokenKind;
}

/** A scanner for one sticky regular expression (flag `y`), all of its match one token. */
export function pattern(kind: TokenKind | 'word', regex: RegExp): Scanner {
  if (!regex.sticky) throw new Error(`pattern ${regex} needs the sticky flag (y)`);
  return (source, at) => {
    regex.lastIndex = at;
    const text = regex.exec(source)?.[0];
    return text ? [{ kind, text }] : undefined;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A scanner for fixed symbols, longest first, so `<++>` is never read as `<` `++` `>`. */
export function symbols(kind: TokenKind, list: readonly string[]): Scanner {
  const longestFirst = [...list].sort((a, b) => b.length - a.length);
  return pattern(kind, new RegExp(longestFirst.map(escapeRegExp).join('|'), 'y'));
}

/** One character (a whole code point, never half a surrogate pair) as plain text. */
function oneCharacter(source: string, at: number): Token {
  const code = source.charCodeAt(at);
  const width = code >= 0xd800 && code <= 0xdbff && at + 1 < source.length ? 2 : 1;
  return { kind: 'plain', text: source.slice(at, at + width) };
}

function length(tokens: readonly Scanned[]): number {
  return tokens.reduce((sum, token) => sum + token.text.length, 0);
}

function scan(source: string, grammar: Grammar, start: number, untilBrace: boolean) {
  const tokens: Scanned[] = [];
  const nested: ScanNested = (at) => scan(source, grammar, at, true);
  let at = start;
  let depth = 0;
  while (at < source.length) {
    if (untilBrace && depth === 0 && source[at] === '}') break;
    let produced: Scanned[] | undefined;
    for (const scanner of grammar.scanners) {
      produced = scanner(source, at, nested);
      // A scanner that consumes nothing would loop forever; treat it as not matching.
      if (produced && length(produced) > 0) break;
      produced = undefined;
    }
    produced ??= [oneCharacter(source, at)];
    const [only] = produced;
    if (untilBrace && produced.length === 1 && only?.kind === 'punctuation') {
      if (only.text === '{') depth += 1;
      if (only.text === '}') depth -= 1;
    }
    tokens.push(...produced);
    at += length(produced);
  }
  return { tokens, end: at };
}

function isSignificant(token: Scanned): boolean {
  return token.kind !== 'comment' && !(token.kind === 'plain' && token.text.trim() === '');
}

/** Names every word, then joins neighbouring plain tokens so the output stays small. */
function finish(scanned: Scanned[], grammar: Grammar): Token[] {
  // The next significant text after each token, found in one pass from the end.
  const nextText = new Array<string | undefined>(scanned.length);
  let upcoming: string | undefined;
  for (let index = scanned.length - 1; index >= 0; index -= 1) {
    nextText[index] = upcoming;
    const token = scanned[index];
    if (token && isSignificant(token)) upcoming = token.text;
  }
  const tokens: Token[] = [];
  let previous: Token | undefined;
  scanned.forEach((token, index) => {
    let named: Token;
    if (token.kind === 'word') {
      named = { kind: grammar.nameWord(token.text, { previous, next: nextText[index] }), text: token.text };
    } else {
      named = token;
    }
    if (isSignificant(named)) previous = named;
    const last = tokens.at(-1);
    if (last && last.kind === 'plain' && named.kind === 'plain') last.text += named.text;
    else tokens.push({ ...named });
  });
  return tokens;
}

export function tokenize(source: string, grammar: Grammar): Token[] {
  return finish(scan(source, grammar, 0, false).tokens, grammar);
}
