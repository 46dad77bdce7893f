/**
 * The learner's own calendar: which local day and hour an instant falls on in an IANA
 * time zone, and calendar-day arithmetic on 'YYYY-MM-DD' strings. Uses only
 * `Intl.DateTimeFormat`, so DST and historical offsets come from the runtime's tz data
 * instead of a fixed UTC offset. Serves the streak and Early Bird / Night Owl rules of
 * LEARNING-SCIENCE.md "Gamification rules" ("in the learner's own time zone").
 */

/** A local calendar date, 'YYYY-MM-DD'. */
export type LocalDay = string;

export interface LocalTime {
  day: LocalDay;
  /** 0–23; `hourCycle: 'h23'` avoids engines that print midnight as 24. */
  hour: number;
  minute: number;
}

// Per-isolate cache: building a DateTimeFormat is far costlier than formatting with one,
// and the set of time zones in use is small.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  } catch {
    throw new Error(`Unknown IANA time zone: ${JSON.stringify(timeZone)}`);
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** Local date and time of an instant (a Date or epoch milliseconds) in `timeZone`. */
export function localTime(instant: Date | number, timeZone: string): LocalTime {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new Error(`Invalid instant: ${String(instant)}`);
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  const { year, month, day, hour, minute } = parts;
  if (!year || !month || !day || !hour || !minute) {
    throw new Error(`Could not read local time in ${timeZone} for ${new Date(ms).toISOString()}`);
  }
  return { day: `${year.padStart(4, '0')}-${month}-${day}`, hour: Number(hour), minute: Number(minute) };
}

/** The learner's local calendar date of an instant, 'YYYY-MM-DD'. */
export function localDay(instant: Date | number, timeZone: string): LocalDay {
  return localTime(instant, timeZone).day;
}

const DAY_MS = 86_400_000;
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 for a local date. Calendar arithmetic is done on UTC midnights,
 * where every day is 24 h long, so DST transitions cannot skip or repeat a date.
 */
export function dayNumber(day: LocalDay): number {
  const match = dayPattern.exec(day);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Round-tripping rejects impossible dates such as 2026-02-30, which Date.UTC would roll over.
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new Error(`Expected a calendar date 'YYYY-MM-DD', got ${JSON.stringify(day)}`);
  }
  return ms / DAY_MS;
}

export function dayFromNumber(n: number): LocalDay {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: LocalDay, delta: number): LocalDay {
  return dayFromNumber(dayNumber(day) + delta);
}

/** The Monday that starts the ISO week containing `day`; it identifies that week. */
export function isoWeekStart(day: LocalDay): LocalDay {
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday, so (n + 3) mod 7 counts days since Monday.
  const sinceMonday = (((n + 3) % 7) + 7) % 7;
  return dayFromNumber(n - sinceMonday);
}

/**
 * The canonical IANA name of a time zone (e.g. "utc" → "UTC"), or null when the runtime
 * does not know it. Accounts store this form, so streaks are computed in a zone that exists.
 */
export function canonicalTimeZone(timeZone: string): string | null {
  if (timeZone.length === 0 || timeZone.length > 64) return null;
  try {
    return formatterFor(timeZone).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const QUARTER_HOUR = 15 * 60_000;

/**
 * The instant the learner's local day containing `instant` began. Counted back from the
 * wall clock, then corrected in quarter hours (every zone offset is a multiple of 15
 * minutes), because on a DST change day the wall clock skipped or repeated an hour.
 */
export function startOfLocalDay(instant: Date | number, timeZone: string): Date {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  const { day, hour, minute } = localTime(t, timeZone);
  let start = Math.floor(t / 60_000) * 60_000 - (hour * 60 + minute) * 60_000;
  while (localDay(start, timeZone) !== day) start += QUARTER_HOUR;
  while (localDay(start - QUARTER_HOUR, timeZone) === day) start -= QUARTER_HOUR;
  return new Date(start);
}
