/**
 * Search snippets as text plus highlight ranges, never as HTML: Postgres marks matches
 * with control characters that cannot occur in lesson text, and they are turned into
 * offsets here, so the client renders highlights without trusting markup.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export interface Highlighted {
  text: string;
  /** [start, end) offsets into `text` of each matched word. */
  highlights: [number, number][];
}

export function parseHighlights(marked: string): Highlighted {
  let text = '';
  const highlights: [number, number][] = [];
  let start = -1;
  for (const char of marked) {
    if (char === HIGHLIGHT_START) start = text.length;
    else if (char === HIGHLIGHT_END) {
      if (start >= 0) highlights.push([start, text.length]);
      start = -1;
    } else text += char;
  }
  return { text, highlights };
}
