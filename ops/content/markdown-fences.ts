/**
 * Fenced code blocks in a Markdown text, found by the CommonMark rules (``` or ~~~, up to
 * three spaces of indentation, closed by a fence of the same character at least as long).
 * Kept apart from any Markdown renderer so the content checks can ask "is this line code?"
 * and "which Jac programs does this lesson hold?" with line numbers an author can follow.
 */

export interface FencedBlock {
  /** The info string after the opening fence, trimmed: "jac", "jac fragment", "". */
  info: string;
  /** 0-based index of the opening fence line. */
  openLine: number;
  /** 0-based index of the closing fence line; the line count when the block is never closed. */
  closeLine: number;
  closed: boolean;
  /** The lines between the fences, without the fence's own indentation. */
  content: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: FencedBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const opening = OPENING.exec(lines[index] ?? '');
    const [, indent = '', fence = '', info = ''] = opening ?? [];
    // A backtick fence's info string cannot hold a backtick: "```a`b" is inline code.
    if (!opening || (fence.startsWith('`') && info.includes('`'))) {
      index += 1;
      continue;
    }
    const openLine = index;
    let closeLine = openLine + 1;
    while (closeLine < lines.length) {
      const marker = CLOSING.exec(lines[closeLine] ?? '')?.[1];
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) break;
      closeLine += 1;
    }
    // Content lines lose at most as many leading spaces as the opening fence had.
    const unindent = new RegExp(`^ {0,${indent.length}}`);
    blocks.push({
      info: info.trim(),
      openLine,
      closeLine,
      closed: closeLine < lines.length,
      content: lines
        .slice(openLine + 1, closeLine)
        .map((line) => line.replace(unindent, ''))
        .join('\n'),
    });
    index = closeLine + 1;
  }
  return blocks;
}

/** The block's language: the first word of its info string, lower-cased ("" for none). */
export function blockLanguage(block: FencedBlock): string {
  return (block.info.split(/\s+/)[0] ?? '').toLowerCase();
}
