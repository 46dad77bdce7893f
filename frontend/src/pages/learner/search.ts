/**
 * Catalogue search helpers: a snippet's highlight ranges as text segments (rendered as
 * <mark> elements, never as HTML), and a debounce so typing sends one request per pause.
 */

export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * The snippet cut at its highlight ranges ([start, end), in UTF-16 offsets as the API
 * sends them). Ranges out of order, overlapping or outside the text are tolerated: they
 * are sorted, merged and clamped, so a bad range can never drop or repeat text.
 */
export function snippetSegments(text: string, highlights: readonly (readonly number[])[]): Segment[] {
  const clamp = (offset: number | undefined) => Math.max(0, Math.min(offset ?? 0, text.length));
  const ranges = highlights
    .map(([start, end]) => [clamp(start), clamp(end)])
    .filter(([start, end]) => (end as number) > (start as number))
    .sort((a, b) => (a[0] as number) - (b[0] as number));
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges as [number, number][]) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    if (from > at) segments.push({ text: text.slice(at, from), marked: false });
    const last = segments[segments.length - 1];
    // Touching ranges ("walk" + "ers") become one mark.
    if (last?.marked && from === at) last.text += text.slice(from, end);
    else segments.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
}

/** Calls `run` once `wait` ms have passed without another call, with the last arguments. */
export function debounce<A extends unknown[]>(run: (...args: A) => void, wait: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run(...args);
    }, wait);
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}

/** The API refuses shorter queries; the screen says so instead of asking. */
export const MIN_QUERY_LENGTH = 2;
