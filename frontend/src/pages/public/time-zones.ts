/**
 * The time-zone choices of the sign-up and settings forms: the runtime's IANA zones (the
 * API accepts what `Intl` knows), labelled with their current UTC offset, filtered by
 * what the person types. The zone in use is always kept, so a filter never unselects it.
 */

/** The browser's own zone, which sign-up proposes; UTC when the runtime cannot tell. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every zone the runtime knows (empty on engines without `Intl.supportedValuesOf`). */
export function supportedTimeZones(): string[] {
  try {
    return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  } catch {
    return [];
  }
}

/** The zones to offer: the supported ones plus UTC and any `extra` (the account's), once each, sorted. */
export function timeZoneChoices(supported: readonly string[], ...extra: string[]): string[] {
  const zones = new Set([...supported, 'UTC', ...extra.filter(Boolean)]);
  return [...zones].sort((a, b) => a.localeCompare(b, 'en'));
}

/** `UTC+05:30`, `UTC−08:00` or `UTC` for a zone at an instant; '' for a zone the runtime does not know. */
export function utcOffset(zone: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at);
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
    // Engines write zero as "GMT" or "GMT+00:00"; both read as plain UTC.
    const offset = name.replace(/^GMT/, '');
    return offset && offset !== '+00:00' ? `UTC${offset.replace('-', '−')}` : 'UTC';
  } catch {
    return '';
  }
}

/** "America/New York (UTC−05:00)": underscores read as spaces, the offset as of `at`. */
export function timeZoneLabel(zone: string, at: Date): string {
  const offset = utcOffset(zone, at);
  const name = zone.replaceAll('_', ' ');
  return offset && offset !== name ? `${name} (${offset})` : name;
}

function searchable(text: string): string {
  return text.toLowerCase().replaceAll('_', ' ').replaceAll('−', '-');
}

/** The choices matching every word of `query` (in the zone's name or label, any case, `_` and spaces alike). */
export function filterTimeZones<T extends { zone: string; label: string }>(choices: readonly T[], query: string): T[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...choices];
  return choices.filter(({ zone, label }) => {
    const text = `${searchable(zone)} ${searchable(label)}`;
    return words.every((word) => text.includes(word));
  });
}

/** What the select shows: the matches, with the current choice first when the filter hides it (so it stays selected). */
export function visibleTimeZones<T extends { zone: string }>(
  matches: readonly T[],
  all: readonly T[],
  current: string,
): T[] {
  if (matches.some((choice) => choice.zone === current)) return [...matches];
  const kept = all.find((choice) => choice.zone === current);
  return kept ? [kept, ...matches] : [...matches];
}
