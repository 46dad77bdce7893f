/**
 * Jac (jaclang 0.8), as its own grammar (jaclang/compiler/jac.lark) lexes it: its keywords
 * and builtin types, the object-spatial operators (`++>`, `<++>`, `+>:E:+>`, `-->`,
 * `->:E:->` …), strings without backslash-escaped quotes, f-strings whose `{…}` are code and
 * may span lines, `#` and `#* … *#` comments, `` `root `` type references and `<>name`
 * escaped names. What jac.lark calls a keyword is a keyword here, except the references a
 * program reads like variables (`here`, `self`, `visitor`, `root`, `super`), which are builtins.
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
  // Archetypes and their parts.
  'obj',
  'node',
  'edge',
  'walker',
  'class',
  'enum',
  'has',
  'can',
  'def',
  'static',
  'override',
  'abs',
  'impl',
  'sem',
  'init',
  'postinit',
  'priv',
  'pub',
  'protect',
  // Object-spatial statements.
  'with',
  'entry',
  'exit',
  'visit',
  'spawn',
  'report',
  'disengage',
  'skip',
  'ignore',
  // Modules and globals.
  'import',
  'include',
  'from',
  'as',
  'glob',
  'let',
  'test',
  // Control flow.
  'if',
  'elif',
  'else',
  'for',
  'to',
  'by',
  'while',
  'continue',
  'break',
  'return',
  'yield',
  'try',
  'except',
  'finally',
  'raise',
  'assert',
  'check',
  'del',
  'match',
  'case',
  'lambda',
  'async',
  'await',
  'flow',
  'wait',
  // Word operators.
  'and',
  'or',
  'not',
  'in',
  'is',
]);

const TYPES = new Set(['str', 'int', 'float', 'list', 'tuple', 'set', 'dict', 'bool', 'bytes', 'any', 'type']);

const BUILTINS = new Set([
  'here',
  'self',
  'visitor',
  'root',
  'super',
  'True',
  'False',
  'None',
  // Python builtins a course uses all the time.
  'print',
  'len',
  'range',
  'enumerate',
  'zip',
  'sorted',
  'reversed',
  'sum',
  'min',
  'max',
  'round',
  'isinstance',
  'input',
  'open',
  'map',
  'filter',
]);

/** Keywords after which a word is the name of a type they declare (`node Room`). */
const DECLARES_TYPE = new Set(['obj', 'node', 'edge', 'walker', 'class', 'enum', 'impl']);

const OPERATORS = [
  // Connect (`++>`) and disconnect, plain and typed (`+>:E:+>`).
  '<++>',
  '<++',
  '++>',
  '<+:',
  ':+>',
  ':<+',
  '+>:',
  // Edge references (`[-->]`), plain and typed (`[->:E:->]`).
  '<-->',
  '<--',
  '-->',
  '<-:',
  ':->',
  ':<-',
  '->:',
  // Pipes and the rest, as jac.lark names them.
  ':>',
  '<:',
  '|>',
  '<|',
  '.>',
  '<.',
  '->',
  '...',
  ':=',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '**=',
  '//=',
  '<<=',
  '>>=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '@=',
  '&=',
  '|=',
  '^=',
  '~=',
  '**',
  '//',
  '<<',
  '>>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '@',
  '&',
  '|',
  '^',
  '~',
  '<',
  '>',
  '=',
  '?',
];

/** `::py:: … ::py::`: Python inside Jac, shown as is between its markers. */
const inlinePython: Scanner = (source, at) => {
  const match = /::py::([\s\S]*?)(::py::|$)/y;
  match.lastIndex = at;
  const found = match.exec(source);
  if (!found) return undefined;
  const [, body = '', close = ''] = found;
  const tokens: Scanned[] = [{ kind: 'keyword', text: '::py::' }];
  if (body) tokens.push({ kind: 'plain', text: body });
  if (close) tokens.push({ kind: 'keyword', text: close });
  return tokens;
};

/**
 * f"…" and f'…': text pieces are string, each `{…}` is code (with its own strings, even in
 * the same quotes), `{{` and `}}` are escaped braces. Like jac.lark, a piece may span lines;
 * an f-string never closed runs to the end.
 */
const fString: Scanner = (source, at, nested) => {
  const quote = source[at + 1];
  if (source[at] !== 'f' || (quote !== '"' && quote !== "'")) return undefined;
  const tokens: Scanned[] = [];
  let piece = `f${quote}`;
  const flush = () => {
    if (piece) tokens.push({ kind: 'string', text: piece });
    piece = '';
  };
  let index = at + 2;
  while (index < source.length) {
    const char = source[index];
    if (char === quote) {
      piece += char;
      break;
    }
    if (source.startsWith('{{', index) || source.startsWith('}}', index)) {
      piece += source.slice(index, index + 2);
      index += 2;
    } else if (char === '{') {
      flush();
      tokens.push({ kind: 'punctuation', text: '{' });
      const code = nested(index + 1);
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
  pattern('comment', /#\*[\s\S]*?(?:\*#|$)/y),
  pattern('comment', /#[^\r\n]*/y),
  inlinePython,
  fString,
  // Prefixes r, b, rb, br; triple quotes may span lines; no escaped quotes (jac.lark has none).
  pattern('string', /(?:rb|br|r|b)?(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$))/y),
  pattern('string', /(?:rb|br|r|b)?(?:"[^"\r\n]*"?|'[^'\r\n]*'?)/y),
  pattern('number', /0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y),
  pattern('keyword', /:(?:global|nonlocal|g|nl):/y),
  // A type reference: `root, `Station, `int.
  pattern('type', /`[A-Za-z_]\w*/y),
  // An escaped name: <>node is a name, not the keyword.
  pattern('word', /<>[A-Za-z_]\w*/y),
  pattern('word', /[A-Za-z_]\w*/y),
  symbols('operator', OPERATORS),
  symbols('punctuation', ['{', '}', '(', ')', '[', ']', ';', ',', '.', ':', '`']),
];

function isCamelCase(word: string): boolean {
  return /^_*[A-Z]/.test(word) && /[a-z]/.test(word);
}

function nameWord(word: string, { previous, next }: WordContext): TokenKind {
  const escaped = word.startsWith('<>');
  if (!escaped) {
    if (KEYWORDS.has(word)) return 'keyword';
    if (TYPES.has(word)) return 'type';
  }
  if (previous?.kind === 'punctuation' && previous.text === '.') return next === '(' ? 'function' : 'property';
  if (!escaped && BUILTINS.has(word)) return 'builtin';
  if (previous?.kind === 'keyword') {
    if (DECLARES_TYPE.has(previous.text)) return 'type';
    if (previous.text === 'def' || previous.text === 'can') return 'function';
    if (previous.text === 'has') return 'property';
  }
  if (isCamelCase(word)) return 'type';
  if (next === '(') return 'function';
  return 'plain';
}

export const jacGrammar: Grammar = { scanners: SCANNERS, nameWord };
