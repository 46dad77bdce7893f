/**
 * Code highlighting for the lesson reader: source text in, tokens or HTML out, by our own
 * small grammars (no highlighter dependency, no Solid), so the same function serves a
 * component, a Markdown renderer or a test. The HTML is built from escaped text and
 * class names from a closed list (`tok-keyword` …), styled by highlight.css; lesson text
 * can never inject markup through it.
 */
import { jacGrammar } from './jac-grammar';
import { javascriptGrammar } from './javascript-grammar';
import { tokenize, type Grammar, type Token } from './tokenizer';

export type { Token, TokenKind } from './tokenizer';

/** Fence languages (```jac, ```js …) and the grammar each is read with. */
const GRAMMARS = new Map<string, Grammar>([
  ['jac', jacGrammar],
  ['javascript', javascriptGrammar],
  ['js', javascriptGrammar],
  ['mjs', javascriptGrammar],
]);

/**
 * Tokens of `source` read as `language`, a fence's info string ("jac", "Jac fragment":
 * its first word counts); a single plain token for a language without a grammar.
 */
export function highlight(source: string, language: string): Token[] {
  const grammar = GRAMMARS.get((language.trim().split(/\s+/)[0] ?? '').toLowerCase());
  if (!grammar) return source ? [{ kind: 'plain', text: source }] : [];
  return tokenize(source, grammar);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Spans for every token but plain text, e.g. `<span class="tok-keyword">walker</span>`. */
export function tokensToHtml(tokens: readonly Token[]): string {
  return tokens
    .map(({ kind, text }) =>
      kind === 'plain' ? escapeHtml(text) : `<span class="tok-${kind}">${escapeHtml(text)}</span>`,
    )
    .join('');
}

/** The inside of a `<pre><code>` for `source`: highlighted when its language is known, escaped always. */
export function highlightToHtml(source: string, language: string): string {
  return tokensToHtml(highlight(source, language));
}
