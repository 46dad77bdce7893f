/**
 * A course's own links in its lessons, `concept:slug` and `lesson:slug`, as the app's paths
 * (given to ui/markdown.ts as its `link` option by the lesson reader).
 */

/** A link as the app serves it: `concept:walkers` opens the concept on the course map, `lesson:x` the lesson. */
export function appHref(href: string, course: string): string {
  const link = /^(concept|lesson):([a-z0-9][a-z0-9-]*)$/i.exec(href.trim());
  if (!link) return href;
  const [, kind, slug] = link as unknown as [string, string, string];
  const base = `/courses/${encodeURIComponent(course)}`;
  return kind.toLowerCase() === 'lesson'
    ? `${base}/lessons/${encodeURIComponent(slug)}`
    : `${base}?concept=${encodeURIComponent(slug)}`;
}
