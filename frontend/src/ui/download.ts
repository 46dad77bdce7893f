/** Saving text the app fetched (a CSV report, a game's results) as a file. */

/**
 * Saves `text` as `fileName` through a Blob URL: no navigation, so the page, its session
 * cookie and any live socket stay where they are.
 */
export function saveTextFile(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once this task ends.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "Graphs warm-up!" → "graphs-warm-up": a file name from a title (`fallback` when nothing is left). */
export function fileSlug(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    // NFKD splits "é" into "e" and its accent; the accent goes.
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || fallback;
}
