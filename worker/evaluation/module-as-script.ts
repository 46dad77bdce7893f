/**
 * An exercise's code is an ES module whose exports the tests use by name; the sandboxes that
 * run it take one script. This turns the module into a script body: each top-level `export`
 * keyword (or `export { … }` clause) is blanked out with spaces, so every line and column
 * stays where the learner wrote it and the engine's error positions still point into their
 * code, and the exported names are listed so the harness can put exactly those in the tests'
 * scope. Imports are refused: an exercise is one module with JavaScript's built-ins only.
 *
 * Code that does not even scan (a bracket or string left open) is refused here, before it is
 * placed inside the harness, where it could otherwise close or swallow the code around it.
 */
import { scan, type Token } from './js-scanner';

export interface ModuleExport {
  /** The name the tests see. */
  name: string;
  /** The module's own binding behind it (different only for `export { local as name }`). */
  local: string;
}

export type ScriptModule =
  | { ok: true; body: string; exports: ModuleExport[] }
  /** Why the code cannot be run, as a SyntaxError message would say it, and where. */
  | { ok: false; message: string; line: number };

class ModuleProblem extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const NO_IMPORTS = 'an exercise is a single module with only JavaScript’s built-ins, so it cannot import';
const NAMED_ONLY = 'the tests use exports by name: write `export function name(…)` or `export const name = …`';

function tokenAt(tokens: readonly Token[], index: number, after: Token): Token {
  const token = tokens[index];
  if (!token) throw new ModuleProblem(`the code ends in the middle of the export on line ${after.line}`, after.line);
  return token;
}

function isPropertyAccess(token: Token | undefined): boolean {
  return token?.kind === 'punct' && (token.value === '.' || token.value === '?.');
}

/** Index of the bracket closing the one at `open`: the first later token at the same depth. */
function closerOf(tokens: readonly Token[], open: number): number {
  const depth = tokens[open]?.depth;
  for (let index = open + 1; index < tokens.length; index += 1) if (tokens[index]?.depth === depth) return index;
  return tokens.length; // unreachable: the scanner has matched every bracket
}

/** Names bound by a binding target (`a`, `{ a, b: [c], ...d }`, `[x, , y = 1]`) at `at`. */
function boundNames(tokens: readonly Token[], at: number, owner: Token): { names: string[]; next: number } {
  const target = tokenAt(tokens, at, owner);
  if (target.kind === 'name') return { names: [target.value], next: at + 1 };
  if (target.value !== '{' && target.value !== '[') {
    throw new ModuleProblem(`cannot tell which names the export on line ${owner.line} declares`, target.line);
  }
  const close = closerOf(tokens, at);
  const names: string[] = [];
  let index = at + 1;
  while (index < close) {
    const token = tokenAt(tokens, index, owner);
    if (token.value === ',') {
      index += 1;
      continue;
    }
    let bound = index;
    if (token.value === '...') bound = index + 1;
    else if (target.value === '{') {
      const keyEnd = token.value === '[' ? closerOf(tokens, index) + 1 : index + 1;
      if (tokens[keyEnd]?.value === ':') bound = keyEnd + 1;
      else if (token.kind === 'name') {
        names.push(token.value); // shorthand `{ a }` or `{ a = 1 }`
        bound = -1;
        index = keyEnd;
      } else throw new ModuleProblem(`cannot tell which names the export on line ${owner.line} declares`, token.line);
    }
    if (bound >= 0) {
      const inner = boundNames(tokens, bound, owner);
      names.push(...inner.names);
      index = inner.next;
    }
    if (tokens[index]?.value === '=') {
      // A default value runs to the next comma of this pattern.
      index += 1;
      while (index < close && !(tokens[index]?.depth === target.depth + 1 && tokens[index]?.value === ',')) index += 1;
    }
  }
  return { names, next: close + 1 };
}

function endsExpression(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'punct') return [')', ']', '}', '++', '--'].includes(token.value);
  if (token.kind === 'template') return token.value.endsWith('`');
  return true;
}

function startsStatement(token: Token): boolean {
  if (token.kind === 'name') return token.value !== 'in' && token.value !== 'instanceof';
  return token.kind === 'number' || token.kind === 'string' || ['++', '--', '!', '~'].includes(token.value);
}

/**
 * Where an initializer at the top level ends: at a comma or semicolon of the top level, or
 * at a line break where the next token cannot continue it (automatic semicolon insertion).
 */
function initializerEnd(tokens: readonly Token[], from: number): number {
  for (let index = from; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (!token || token.depth !== 0) continue;
    if (token.value === ',' || token.value === ';') return index;
    if (index > from && token.newlineBefore && endsExpression(tokens[index - 1]) && startsStatement(token))
      return index;
  }
  return tokens.length;
}

/** Names declared by `const|let|var a = 1, { b } = c` whose keyword is at `keyword`. */
function declaredNames(tokens: readonly Token[], keyword: number, owner: Token): string[] {
  const names: string[] = [];
  let index = keyword + 1;
  for (;;) {
    const declarator = boundNames(tokens, index, owner);
    names.push(...declarator.names);
    index = declarator.next;
    if (tokens[index]?.value === '=') index = initializerEnd(tokens, index + 1);
    if (tokens[index]?.value !== ',' || tokens[index]?.depth !== 0) return names;
    index += 1;
  }
}

/** `export { a, b as c }` from its `{` at `open`; returns the names and the index of its `}`. */
function exportList(tokens: readonly Token[], open: number, owner: Token): { exports: ModuleExport[]; close: number } {
  const close = closerOf(tokens, open);
  if (tokens[close + 1]?.value === 'from') throw new ModuleProblem(`export … from: ${NO_IMPORTS}`, owner.line);
  const exports: ModuleExport[] = [];
  for (let index = open + 1; index < close; index += 1) {
    const local = tokenAt(tokens, index, owner);
    if (local.value === ',') continue;
    if (local.kind !== 'name')
      throw new ModuleProblem(`export { … } lists names; "${local.value}" is not one`, local.line);
    let name = local.value;
    if (tokens[index + 1]?.value === 'as') {
      const alias = tokenAt(tokens, index + 2, owner);
      if (alias.kind !== 'name' || alias.value === 'default') {
        throw new ModuleProblem(`export { ${local.value} as ${alias.value} }: ${NAMED_ONLY}`, alias.line);
      }
      name = alias.value;
      index += 2;
    }
    exports.push({ name, local: local.value });
  }
  return { exports, close };
}

/** What the `export` at `index` declares, and the last token to blank out with it. */
function exportAt(tokens: readonly Token[], index: number, keyword: Token): { exports: ModuleExport[]; last: number } {
  const next = tokenAt(tokens, index + 1, keyword);
  const named = (names: string[]) => ({ exports: names.map((name) => ({ name, local: name })), last: index });
  switch (next.value) {
    case 'default':
      throw new ModuleProblem(`export default is not supported: ${NAMED_ONLY}`, keyword.line);
    case '*':
      throw new ModuleProblem(`export * from: ${NO_IMPORTS}`, keyword.line);
    case '{': {
      const list = exportList(tokens, index + 1, keyword);
      return { exports: list.exports, last: list.close };
    }
    case 'const':
    case 'let':
    case 'var':
      return named(declaredNames(tokens, index + 1, keyword));
    case 'async':
    case 'function':
    case 'class': {
      let at = index + 1;
      if (next.value === 'async') {
        at += 1;
        if (tokens[at]?.value !== 'function') throw new ModuleProblem('export async must be a function', keyword.line);
      }
      if (tokens[at]?.value === 'function' && tokens[at + 1]?.value === '*') at += 1;
      const name = tokens[at + 1];
      if (name?.kind !== 'name' || name.value === 'extends') {
        throw new ModuleProblem(
          `an exported ${next.value === 'class' ? 'class' : 'function'} needs a name`,
          keyword.line,
        );
      }
      return named([name.value]);
    }
    default:
      throw new ModuleProblem(`export must be followed by a declaration, not "${next.value}"`, next.line);
  }
}

/** `text` with [start, end) replaced by spaces, keeping its line breaks. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n\r\u2028\u2029]/g, ' ') + text.slice(end);
}

export function moduleAsScript(code: string): ScriptModule {
  const scanned = scan(code);
  if (!scanned.ok) return scanned;
  const { tokens } = scanned;
  let body = code;
  const exports: ModuleExport[] = [];
  try {
    for (const [index, token] of tokens.entries()) {
      if (token.kind !== 'name' || token.depth !== 0 || isPropertyAccess(tokens[index - 1])) continue;
      if (token.value === 'import') {
        // import(…) and import.meta are expressions: the engine says what it makes of them.
        if (['(', '.'].includes(tokens[index + 1]?.value ?? '')) continue;
        throw new ModuleProblem(`import: ${NO_IMPORTS}`, token.line);
      }
      if (token.value !== 'export') continue;
      const found = exportAt(tokens, index, token);
      for (const entry of found.exports) {
        if (exports.some((other) => other.name === entry.name)) {
          throw new ModuleProblem(`"${entry.name}" is exported twice`, token.line);
        }
        exports.push(entry);
      }
      body = blank(body, token.start, tokens[found.last]?.end ?? token.end);
    }
  } catch (err) {
    if (err instanceof ModuleProblem) return { ok: false, message: err.message, line: err.line };
    throw err;
  }
  return { ok: true, body, exports };
}
