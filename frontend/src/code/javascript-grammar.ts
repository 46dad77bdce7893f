/**
 * JavaScript, small but faithful where a course's snippets need it: keywords, strings with
 * escapes, template literals whose `${…}` are code, `//` and `/* *\/` comments, numbers
 * (hex, binary, octal, bigint, `1_000`, exponents), `#private` names and the operators.
 * Regular-expression literals are not recognised: a `/` is always an operator.
 */
import {
  pattern,
  symbols,
  type Grammar,
  type Scanned,
  type Scanner,
  type TokenKind,
  type WordContext,
} from './tokenizer';

const KEYWORDS = new Set([
  'async',
  'await',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'export',
  'extends',
  'finally',
  'for',
  'from',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'let',
  'new',
  'of',
  'return',
  'static',
  'super',
  'switch',
  'this',
  'throw',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
]);

const BUILTINS = new Set([
  'true',
  'false',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  'globalThis',
  'console',
  'Math',
  'JSON',
  'Object',
  'Array',
  'Number',
  'String',
  'Boolean',
  'Symbol',
  'BigInt',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Promise',
  'Error',
  'Date',
  'RegExp',
  'parseInt',
  'parseFloat',
  'structuredClone',
]);

const OPERATORS = [
  '>>>=',
  '...',
  '===',
  '!==',
  '**=',
  '<<=',
  '>>=',
  '>>>',
  '&&=',
  '||=',
  '??=',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '??',
  '?.',
  '++',
  '--',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '**',
  '<<',
  '>>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '&',
  '|',
  '^',
  '!',
  '~',
  '<',
  '>',
  '=',
  '?',
  '@',
];

/** `…${code}…`: text pieces are string, each `${…}` is code; never closed, it runs to the end. */
const templateLiteral: Scanner = (source, at, nested) => {
  if (source[at] !== '`') return undefined;
  const tokens: Scanned[] = [];
  let piece = '`';
  const flush = () => {
    if (piece) tokens.push({ kind: 'string', text: piece });
    piece = '';
  };
  let index = at + 1;
  while (index < source.length) {
    const char = source[index];
    if (char === '\\') {
      piece += source.slice(index, index + 2);
      index += 2;
    } else if (char === '`') {
      piece += char;
      break;
    } else if (source.startsWith('${', index)) {
      flush();
      tokens.push({ kind: 'punctuation', text: '${' });
      const code = nested(index + 2);
      tokens.push(...code.tokens);
      index = code.end;
      if (source[index] === '}') {
        tokens.push({ kind: 'punctuation', text: '}' });
        index += 1;
      }
    } else {
      piece += char;
      index += 1;
    }
  }
  flush();
  return tokens;
};

const SCANNERS: readonly Scanner[] = [
  pattern('plain', /\s+/y),
  pattern('comment', /\/\/[^\r\n]*/y),
  pattern('comment', /\/\*[\s\S]*?(?:\*\/|$)/y),
  // A quote left open ends with its line, as the language says; `\` escapes anything, a newline too.
  pattern('string', /"(?:\\[\s\S]|[^"\\\r\n])*"?|'(?:\\[\s\S]|[^'\\\r\n])*'?/y),
  templateLiteral,
  pattern(
    'number',
    /(?:0[xX][\da-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)n?/y,
  ),
  pattern('property', /#[A-Za-z_$][\w$]*/y),
  pattern('word', /[A-Za-z_$][\w$]*/y),
  symbols('operator', OPERATORS),
  symbols('punctuation', ['{', '}', '(', ')', '[', ']', ';', ',', '.', ':']),
];

function nameWord(word: string, { previous, next }: WordContext): TokenKind {
  const afterDot = previous?.text === '.' || previous?.text === '?.';
  if (afterDot) return next === '(' ? 'function' : 'property';
  if (KEYWORDS.has(word)) return 'keyword';
  if (BUILTINS.has(word)) return 'builtin';
  if (previous?.kind === 'keyword') {
    if (previous.text === 'function') return 'function';
    if (previous.text === 'class' || previous.text === 'extends' || previous.text === 'new') return 'type';
  }
  if (/^_*[A-Z]/.test(word) && /[a-z]/.test(word)) return 'type';
  if (next === '(') return 'function';
  return 'plain';
}

export const javascriptGrammar: Grammar = { scanners: SCANNERS, nameWord };
