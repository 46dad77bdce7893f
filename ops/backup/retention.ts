/**
 * Backup file names and the retention rule, as pure functions over names: a backup is
 * `jeseci-<label>-<YYYYMMDDTHHMMSSZ>.dump` (pg_dump custom format), with its Redis export
 * `….redis.json` beside it, both stamped with the same instant (one backup "set").
 *
 * Retention keeps 7 daily + 4 weekly, counted the way restic's --keep-daily/--keep-weekly
 * count: the newest set of each of the 7 most recent days that have a backup, and the
 * newest of each of the 4 most recent ISO weeks that have one (a set may count for both).
 * Counting days that *have* backups, not calendar days, means a pause in backups never
 * lets old ones age out until new ones exist. Everything else of the same label goes.
 */

export const BACKUP_PATTERN = /^jeseci-([a-z0-9][a-z0-9_-]*)-(\d{8}T\d{6}Z)\.(dump|redis\.json)$/;

export interface BackupName {
  name: string;
  label: string;
  /** The stamp as written in the name: the set's identity. */
  stamp: string;
  at: Date;
  kind: 'dump' | 'redis';
}

export interface RetentionPolicy {
  daily: number;
  weekly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4 };

export function stampOf(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** A label safe in a file name: lower case letters, digits, `_` and `-`. */
export function backupLabel(text: string): string {
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  return label || 'db';
}

export function backupFileName(label: string, at: Date, kind: 'dump' | 'redis' = 'dump'): string {
  return `jeseci-${backupLabel(label)}-${stampOf(at)}.${kind === 'dump' ? 'dump' : 'redis.json'}`;
}

export function parseBackupName(name: string): BackupName | null {
  const match = BACKUP_PATTERN.exec(name);
  if (!match) return null;
  const [, label, stamp, extension] = match;
  if (!label || !stamp) return null;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return { name, label, stamp, at, kind: extension === 'dump' ? 'dump' : 'redis' };
}

/** The Monday (UTC) of the ISO week `at` falls in, 'YYYY-MM-DD'. */
export function isoWeekOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

export interface RetentionPlan {
  keep: string[];
  remove: string[];
  /** Why each kept set is kept, by stamp: 'daily', 'weekly' or both. */
  reasons: Record<string, string[]>;
}

/**
 * Which files to keep and which to remove. Names that are not backups are never touched;
 * labels are judged separately (two databases backed up into one folder).
 */
export function planRetention(names: readonly string[], policy: RetentionPolicy = DEFAULT_RETENTION): RetentionPlan {
  const parsed = names.map(parseBackupName).filter((b): b is BackupName => b !== null);
  const keep = new Set<string>();
  const reasons: Record<string, string[]> = {};
  const labels = new Set(parsed.map((b) => b.label));
  for (const label of labels) {
    // Sets of this label, newest first. Only sets with a database dump count: a Redis
    // export alone cannot restore anything.
    const sets = [...new Set(parsed.filter((b) => b.label === label && b.kind === 'dump').map((b) => b.stamp))]
      .map((stamp) => ({ stamp, at: parseBackupName(`jeseci-${label}-${stamp}.dump`)?.at ?? new Date(0) }))
      .sort((a, b) => b.at.getTime() - a.at.getTime());
    const pick = (bucketOf: (at: Date) => string, count: number, reason: string) => {
      const seen = new Set<string>();
      for (const set of sets) {
        const bucket = bucketOf(set.at);
        if (seen.has(bucket)) continue;
        if (seen.size >= count) break;
        seen.add(bucket);
        (reasons[`${label}/${set.stamp}`] ??= []).push(reason);
        keep.add(`${label}/${set.stamp}`);
      }
    };
    pick((at) => at.toISOString().slice(0, 10), policy.daily, 'daily');
    pick(isoWeekOf, policy.weekly, 'weekly');
  }
  const kept = (b: BackupName) => keep.has(`${b.label}/${b.stamp}`);
  return {
    keep: parsed
      .filter(kept)
      .map((b) => b.name)
      .sort(),
    remove: parsed
      .filter((b) => !kept(b))
      .map((b) => b.name)
      .sort(),
    reasons,
  };
}

/** The newest database dump among `names`, for "is the last backup recent?". */
export function newestBackup(names: readonly string[]): BackupName | null {
  return (
    names
      .map(parseBackupName)
      .filter((b): b is BackupName => b !== null && b.kind === 'dump')
      .sort((a, b) => b.at.getTime() - a.at.getTime())[0] ?? null
  );
}
