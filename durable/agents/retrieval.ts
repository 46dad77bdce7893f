/**
 * Full-text retrieval over a course's lessons, so "explain walkers" quotes what the course
 * itself says instead of a canned answer. Okapi BM25 (Robertson & Zaragoza 2009, "The
 * Probabilistic Relevance Framework: BM25 and Beyond") with title terms counted several
 * times, a BM25F-style field weight. Tokens keep Jac's identifiers and graph operators
 * (`walker`, `can`, `++>`), so code words in a question find the lessons that use them.
 * Pure and small enough to run per message over a course (tens of lessons).
 */
import type { SnapshotLesson } from './snapshot';

// Common English function words only. Words that are also Jac keywords (`can`, `has`,
// `with`, `in`, `if`, `for`, `not`, `and`, `or`) stay: in a programming course they carry meaning.
const STOP_WORDS = new Set(
  (
    'a an the is are was were be been being am of to it its this that these those i me my you your we our ' +
    'they them their he she his her what which who whom how why when where do does did doing on at by from as ' +
    'about into onto so just some any there then than also would should could will shall may might must ' +
    'please tell explain show give let s t don doesn isn aren very really'
  )
    .split(' ')
    .filter(Boolean),
);

// Graph operators first (longest first), then words; a hyphenated word is also one token.
const TOKEN = /<\+\+>|<\+\+|\+\+>|<-->|-->|<--|[a-z0-9_]+(?:-[a-z0-9_]+)*/g;

/** Light suffix stripping (plural -s/-es/-ies, -ing, -ed); applied to queries and lessons alike. */
export function stem(word: string): string {
  if (!/^[a-z_]+$/.test(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  for (const suffix of ['ing', 'ed']) {
    const base = word.slice(0, -suffix.length);
    if (word.endsWith(suffix) && base.length >= 4) {
      // "running" → "run", but "calling" → "call" and "passed" → "pass".
      return /([^aeiouls])\1$/.test(base) ? base.slice(0, -1) : base;
    }
  }
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lowercased, stemmed terms without stop words; code identifiers and operators are kept. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const [raw] of text.toLowerCase().replace(/[’']/g, '').matchAll(TOKEN)) {
    const parts = raw.includes('-') && /[a-z]/.test(raw) ? [raw, ...raw.split('-')] : [raw];
    for (const part of parts) if (part && !STOP_WORDS.has(part)) terms.push(stem(part));
  }
  return terms;
}

/** A paragraph as a learner should read it: inline Markdown reduced to plain text. */
function cleanProse(paragraph: string): string {
  return paragraph
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The prose paragraphs of a lesson, without front matter, headings, code blocks or tables. */
export function proseParagraphs(markdown: string): string[] {
  const withoutFrontMatter = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const prose = withoutFrontMatter
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '\n')
    .replace(/^\s*(?:#{1,6}\s|\||<|-{3,}\s*$).*$/gm, '');
  return prose
    .split(/\n\s*\n/)
    .map(cleanProse)
    .filter((paragraph) => paragraph.length > 0);
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function trimAtWord(text: string, max = 300): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

export interface LessonHit {
  lesson: SnapshotLesson;
  score: number;
  /** The prose paragraph that best matches the query, trimmed for a chat message. */
  excerpt: string;
}

// BM25 defaults from the literature; a title term counts as TITLE_WEIGHT body terms.
const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 3;

function counts(terms: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const term of terms) map.set(term, (map.get(term) ?? 0) + 1);
  return map;
}

// A paragraph scores by which query terms it contains (weighted by rarity), not how often:
// lessons define a term in the first paragraph that uses it, later ones repeat it more.
function bestParagraph(body: string, queryTerms: readonly string[], idf: ReadonlyMap<string, number>): string {
  const paragraphs = proseParagraphs(body);
  let best = paragraphs[0] ?? '';
  let bestScore = 0;
  for (const paragraph of paragraphs) {
    const terms = new Set(tokenize(paragraph));
    const score = queryTerms.reduce((sum, term) => sum + (terms.has(term) ? (idf.get(term) ?? 0) : 0), 0);
    if (score > bestScore) [best, bestScore] = [paragraph, score];
  }
  return trimAtWord(best);
}

/**
 * Term counts of a lesson's body, remembered by its text: lessons change only with a
 * re-seed, and every question searches all of them again. A memo, so results are the same
 * with or without it; bounded, so a long-lived isolate does not grow without end.
 */
const BODY_TERMS_KEPT = 256;
const bodyTermsMemo = new Map<string, { tf: Map<string, number>; length: number }>();
function bodyTerms(body: string): { tf: Map<string, number>; length: number } {
  let terms = bodyTermsMemo.get(body);
  if (!terms) {
    const tokens = tokenize(body);
    terms = { tf: counts(tokens), length: tokens.length };
    if (bodyTermsMemo.size >= BODY_TERMS_KEPT) bodyTermsMemo.delete(bodyTermsMemo.keys().next().value ?? '');
    bodyTermsMemo.set(body, terms);
  }
  return terms;
}

/** Lessons ranked by BM25 relevance to `query`; only lessons sharing a term with it. */
export function searchLessons(lessons: readonly SnapshotLesson[], query: string, limit = 5): LessonHit[] {
  const queryTerms = [...new Set(tokenize(query))];
  if (queryTerms.length === 0 || lessons.length === 0) return [];
  const docs = lessons.map((lesson) => {
    const title = tokenize(lesson.title);
    const body = bodyTerms(lesson.body);
    const tf = new Map(body.tf);
    for (const term of title) tf.set(term, (tf.get(term) ?? 0) + TITLE_WEIGHT);
    return { lesson, tf, length: body.length + TITLE_WEIGHT * title.length };
  });
  const avgLength = docs.reduce((sum, doc) => sum + doc.length, 0) / docs.length || 1;
  const idf = new Map<string, number>();
  for (const term of queryTerms) {
    const df = docs.filter((doc) => doc.tf.has(term)).length;
    idf.set(term, Math.log(1 + (docs.length - df + 0.5) / (df + 0.5)));
  }
  const scored = docs.map((doc) => {
    const norm = K1 * (1 - B + (B * doc.length) / avgLength);
    const score = queryTerms.reduce((sum, term) => {
      const tf = doc.tf.get(term) ?? 0;
      return sum + ((idf.get(term) ?? 0) * tf * (K1 + 1)) / (tf + norm);
    }, 0);
    return { doc, score };
  });
  return scored
    .filter((hit) => hit.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.doc.lesson.position - b.doc.lesson.position ||
        a.doc.lesson.slug.localeCompare(b.doc.lesson.slug),
    )
    .slice(0, Math.max(0, limit))
    .map(({ doc, score }) => ({
      lesson: doc.lesson,
      score: Math.round(score * 1000) / 1000,
      excerpt: bestParagraph(doc.lesson.body, queryTerms, idf),
    }));
}
