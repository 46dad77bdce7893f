/**
 * Words and numbers for the learner's screens (dashboard, course map, progress,
 * achievements, leaderboards): percentages, counts, days and due dates. Pure, so the
 * screens agree and the rules are tested once.
 */

export function percentOf(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

/** "1 answer", "3 answers". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** Parts of a text between backticks, for titles written with Markdown code spans. */
export function codeSpans(text: string): { text: string; code: boolean }[] {
  return text
    .split('`')
    .map((part, index) => ({ text: part, code: index % 2 === 1 }))
    .filter((part) => part.text.length > 0);
}

const DAY_MS = 86_400_000;

/** Whole days from `now`'s calendar day to `date`'s, in the browser's time zone. */
function dayDistance(date: Date, now: Date): number {
  const start = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  return Math.round((start(date) - start(now)) / DAY_MS);
}

/** When something falls due: "now", "today", "tomorrow", "in 5 days", or the date. */
export function dueWords(iso: string, now: Date): string {
  const date = new Date(iso);
  if (date.getTime() <= now.getTime()) return 'now';
  const days = dayDistance(date, now);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days < 7) return `in ${days} days`;
  return `on ${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}`;
}

/**
 * A calendar day ("2025-03-10", as the API gives it) as a short weekday, and as a full
 * date for screen readers. Read as a UTC date so the browser's zone cannot shift it.
 */
export function weekday(day: string, style: 'short' | 'long' = 'short'): string {
  const date = new Date(`${day}T00:00:00Z`);
  return style === 'short'
    ? date.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' })
    : date.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
}

/** A day ("2025-03-10") as "10 Mar". */
export function shortDate(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
