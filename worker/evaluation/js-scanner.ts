/**
 * Splits JavaScript source into tokens, with each bracket matched and each string, template,
 * comment and regular expression closed, so that learner code can be placed inside a larger
 * program without reaching out of its place in it (a stray `}` or an unclosed backtick would
 * otherwise swallow or close the harness around it).
 *
 * A scanner, not a parser: the one genuinely ambiguous character, `/` (division or the start
 * of a regular expression), is decided from the token before it, as engines and editors
 * do. Everything else is exact. Pure; no engine features beyond regular expressions.
 */

export type TokenKind = 'name' | 'number' | 'string' | 'template' | 'regex' | 'punct';

export interface Token {
  kind: TokenKind;
  value: string;
  /** Offsets into the source: `source.slice(start, end) === value`. */
  start: number;
  end: number;
  /** 1-based line of the token's first character. */
  line: number;
  /** Whether a line break comes between this token and the one before it. */
  newlineBefore: boolean;
  /** Open brackets around the token; an opening or closing bracket counts as outside itself. */
  depth: number;
}

export type ScanResult = { ok: true; tokens: Token[] } | { ok: false; message: string; line: number };

interface Opener {
  char: '{' | '(' | '[' | '${';
  line: number;
  /** Whether a `/` right after the matching closer starts a regular expression. */
  regexAfter: boolean;
}

const CLOSER_OF: Record<Opener['char'], string> = { '{': '}', '(': ')', '[': ']', '${': '}' };

/** Keywords after which an expression, and so an object literal or a regular expression, may start. */
const EXPRESSION_KEYWORDS = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'yield',
  'await',
]);

/** Keywords after which a statement starts: `/` begins a regular expression, `{` a block. */
const STATEMENT_KEYWORDS = new Set(['do', 'else']);

/** `if (…) /re/.test(s)`: after these keywords' parentheses a statement, not an operator, follows. */
const STATEMENT_PAREN_KEYWORDS = new Set(['if', 'while', 'for', 'with']);

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const NAME_START = /[\p{ID_Start}$_\\#]/u;
const NAME_PART = /[\p{ID_Continue}$\\\u200c\u200d]/u;
const NUMBER = /^(?:0[xXoObB][\da-fA-F_]+n?|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?n?)/;
const MULTI_CHAR_PUNCTUATORS = ['...', '=>', '?.', '++', '--'];

function isPropertyAccess(token: Token | undefined): boolean {
  return token?.kind === 'punct' && (token.value === '.' || token.value === '?.');
}

/**
 * Whether an opening brace after `previous` starts an expression (an object literal, after
 * which `/` divides) rather than a block (after which `/` starts a regular expression).
 */
function opensExpression(previous: Token | undefined, beforePrevious: Token | undefined): boolean {
  if (!previous) return false;
  if (previous.kind === 'name') return EXPRESSION_KEYWORDS.has(previous.value) && !isPropertyAccess(beforePrevious);
  if (previous.kind === 'template') return previous.value.endsWith('${');
  if (previous.kind !== 'punct') return false;
  return !['=>', ')', ']', '{', '}', ';', '++', '--'].includes(previous.value);
}

/** Whether `/` after this name starts a regular expression: after `return`, not after `x` or `a.return`. */
function keywordBeforeExpression(name: Token, before: Token | undefined): boolean {
  return (EXPRESSION_KEYWORDS.has(name.value) || STATEMENT_KEYWORDS.has(name.value)) && !isPropertyAccess(before);
}

export function scan(source: string): ScanResult {
  const tokens: Token[] = [];
  const stack: Opener[] = [];
  let index = 0;
  let line = 1;
  let newlineBefore = true;
  let regexAllowed = true;

  /** Line breaks inside a comment separate tokens (for automatic semicolons); inside a string they do not. */
  const countLines = (text: string, separatesTokens: boolean) => {
    const breaks = text.match(/\r\n|[\n\r\u2028\u2029]/g)?.length ?? 0;
    line += breaks;
    if (breaks && separatesTokens) newlineBefore = true;
  };
  const push = (kind: TokenKind, start: number, end: number, startLine: number): Token => {
    const token: Token = {
      kind,
      value: source.slice(start, end),
      start,
      end,
      line: startLine,
      newlineBefore,
      depth: stack.length,
    };
    tokens.push(token);
    newlineBefore = false;
    return token;
  };

  /** Scans template text from `from` (just after "`" or a "}" that closes "${"); undefined if unclosed. */
  const templateEnd = (from: number): { end: number; opensExpression: boolean } | undefined => {
    for (let at = from; at < source.length; at += 1) {
      const char = source[at];
      if (char === '\\') at += 1;
      else if (char === '`') return { end: at + 1, opensExpression: false };
      else if (char === '$' && source[at + 1] === '{') return { end: at + 2, opensExpression: true };
    }
    return undefined;
  };

  while (index < source.length) {
    const char = source[index] ?? '';
    const next = source[index + 1];
    if (LINE_BREAK.test(char)) {
      countLines(char, true);
      index += char === '\r' && next === '\n' ? 2 : 1;
      continue;
    }
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (char === '/' && next === '/') {
      const end = source.slice(index).search(LINE_BREAK);
      index = end < 0 ? source.length : index + end;
      continue;
    }
    if (char === '/' && next === '*') {
      const end = source.indexOf('*/', index + 2);
      if (end < 0) return { ok: false, message: 'a /* comment is never closed', line };
      countLines(source.slice(index, end), true);
      index = end + 2;
      continue;
    }

    const start = index;
    const startLine = line;
    const previous = tokens.at(-1);
    if (char === '"' || char === "'") {
      let at = index + 1;
      while (at < source.length && source[at] !== char) {
        if (source[at] === '\\') {
          // A backslash before a line break continues the string on the next line.
          if (source[at + 1] === '\r' && source[at + 2] === '\n') at += 1;
          at += 2;
        } else if (LINE_BREAK.test(source[at] ?? '')) break;
        else at += 1;
      }
      if (source[at] !== char) return { ok: false, message: `a string is never closed: add its ${char}`, line };
      index = at + 1;
      push('string', start, index, startLine);
      countLines(source.slice(start, at), false);
      regexAllowed = false;
      continue;
    }
    if (char === '`' || (char === '}' && stack.at(-1)?.char === '${')) {
      const resumes = char === '}';
      if (resumes) stack.pop();
      const text = templateEnd(index + 1);
      if (!text) return { ok: false, message: 'a template literal is never closed: add its `', line };
      index = text.end;
      push('template', start, index, startLine);
      countLines(source.slice(start, text.end), false);
      if (text.opensExpression) stack.push({ char: '${', line: startLine, regexAfter: false });
      regexAllowed = text.opensExpression;
      continue;
    }
    if (char === '/' && regexAllowed) {
      let at = index + 1;
      let inClass = false;
      while (at < source.length && (inClass || source[at] !== '/')) {
        const current = source[at] ?? '';
        if (LINE_BREAK.test(current)) break;
        if (current === '\\') at += 1;
        else if (current === '[') inClass = true;
        else if (current === ']') inClass = false;
        at += 1;
      }
      if (source[at] !== '/') return { ok: false, message: 'a regular expression is never closed: add its /', line };
      at += 1;
      while (at < source.length && NAME_PART.test(source[at] ?? '')) at += 1;
      index = at;
      push('regex', start, index, startLine);
      regexAllowed = false;
      continue;
    }
    const number = /\d/.test(char) || (char === '.' && /\d/.test(next ?? '')) ? NUMBER.exec(source.slice(index)) : null;
    if (number) {
      index += number[0].length;
      push('number', start, index, startLine);
      regexAllowed = false;
      continue;
    }
    if (NAME_START.test(char)) {
      let at = index + 1;
      while (at < source.length && NAME_PART.test(source[at] ?? '')) at += 1;
      index = at;
      regexAllowed = keywordBeforeExpression(push('name', start, index, startLine), previous);
      continue;
    }

    // Punctuation. `?.` followed by a digit is `?` then a number (`a ?.5 : 1`).
    const long = MULTI_CHAR_PUNCTUATORS.find(
      (candidate) => source.startsWith(candidate, index) && !(candidate === '?.' && /\d/.test(source[index + 2] ?? '')),
    );
    index += long ? long.length : 1;
    if (char === '{' || char === '(' || char === '[') {
      const beforePrevious = tokens.at(-2);
      push('punct', start, index, startLine);
      const afterKeyword =
        previous?.kind === 'name' && STATEMENT_PAREN_KEYWORDS.has(previous.value) && !isPropertyAccess(beforePrevious);
      const regexAfter = char === '{' ? !opensExpression(previous, beforePrevious) : char === '(' && afterKeyword;
      stack.push({ char, line: startLine, regexAfter });
      regexAllowed = true;
      continue;
    }
    if (char === '}' || char === ')' || char === ']') {
      const opener = stack.pop();
      if (!opener || CLOSER_OF[opener.char] !== char) {
        const open = opener ? `: the ${opener.char} on line ${opener.line} is still open` : '';
        return { ok: false, message: `unexpected ${char}${open}`, line };
      }
      push('punct', start, index, startLine);
      regexAllowed = opener.regexAfter;
      continue;
    }
    push('punct', start, index, startLine);
    regexAllowed = !(long === '++' || long === '--');
  }

  const open = stack.at(-1);
  if (open) {
    const closer = CLOSER_OF[open.char];
    const what = open.char === '${' ? 'a ${ in a template literal' : `a ${open.char}`;
    return { ok: false, message: `${what} is never closed: add its ${closer}`, line: open.line };
  }
  return { ok: true, tokens };
}
