/**
 * A tutor's answer as structure, never as HTML: paragraphs (single newlines kept as line
 * breaks), quoted lesson excerpts, lists, code blocks, and inline `code`, **bold** and
 * links. A lesson or concept named in quotes ("Walkers") becomes a link when the answer's
 * own links name it, so the reference in the sentence is where the learner clicks. Links
 * inside the app stay in the router; outside links must be http(s); anything else
 * (javascript:, data:) is shown as its plain words.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'link'; text: string; href: string; external: boolean };

export type Block =
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'quote'; lines: Inline[][] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'code'; text: string };

export interface Reference {
  title: string;
  href: string;
}

const FENCE = /^\s*(```|~~~)/;
const QUOTE = /^\s*>\s?(.*)$/;
const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

export function parseReplyText(text: string, references: readonly Reference[] = []): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const inline = (line: string) => parseInline(line, references);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(fence[1] ?? '```')) body.push(lines[i++] ?? '');
      i += 1; // the closing fence (or the end)
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? '')) quoted.push(QUOTE.exec(lines[i++] ?? '')?.[1] ?? '');
      blocks.push({ kind: 'quote', lines: trimBlank(quoted).map(inline) });
      continue;
    }
    const listMatch = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (listMatch) {
      const ordered = !BULLET.test(line);
      const pattern = ordered ? NUMBERED : BULLET;
      const items: Inline[][] = [];
      while (i < lines.length && pattern.test(lines[i] ?? ''))
        items.push(inline(pattern.exec(lines[i++] ?? '')?.[1] ?? ''));
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length) {
      const next = lines[i] ?? '';
      if (next.trim() === '' || FENCE.test(next) || QUOTE.test(next) || BULLET.test(next) || NUMBERED.test(next)) break;
      paragraph.push(next.trim());
      i += 1;
    }
    blocks.push({ kind: 'paragraph', lines: paragraph.map(inline) });
  }
  return blocks;
}

function trimBlank(lines: string[]): string[] {
  const out = [...lines];
  while (out.length && out[0]?.trim() === '') out.shift();
  while (out.length && out.at(-1)?.trim() === '') out.pop();
  return out;
}

// `code`, **strong**, [text](target) — in that order of precedence at each position.
const TOKEN = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInline(line: string, references: readonly Reference[] = []): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of line.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) out.push(...withReferences(line.slice(last, index), references));
    const [, code, strong, label, target] = match;
    if (code !== undefined) out.push({ kind: 'code', text: code });
    else if (strong !== undefined) out.push({ kind: 'strong', text: strong });
    else if (label !== undefined && target !== undefined) out.push(linkOrText(label, target));
    last = index + match[0].length;
  }
  if (last < line.length) out.push(...withReferences(line.slice(last), references));
  return out;
}

/** A Markdown link: in the app, out to the web, or (any other scheme) just its words. */
export function linkOrText(text: string, target: string): Inline {
  if (target.startsWith('/') && !target.startsWith('//')) return { kind: 'link', text, href: target, external: false };
  if (/^https?:\/\//i.test(target)) return { kind: 'link', text, href: target, external: true };
  return { kind: 'text', text };
}

/** Splits plain text where a quoted title ("…" or “…”) names one of the answer's links. */
function withReferences(text: string, references: readonly Reference[]): Inline[] {
  if (!references.length) return [{ kind: 'text', text }];
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(/"([^"\n]{1,120})"|“([^”\n]{1,120})”/g)) {
    const title = match[1] ?? match[2] ?? '';
    const reference = references.find((candidate) => candidate.title === title);
    if (!reference) continue;
    const index = match.index ?? 0;
    // The quote marks stay as text around the link, as the sentence wrote them.
    out.push({ kind: 'text', text: text.slice(last, index + 1) });
    out.push({ kind: 'link', text: title, href: reference.href, external: false });
    last = index + match[0].length - 1;
  }
  out.push({ kind: 'text', text: text.slice(last) });
  return out.filter((part) => part.kind !== 'text' || part.text !== '');
}
