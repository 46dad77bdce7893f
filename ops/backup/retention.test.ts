import { describe, expect, it } from 'vitest';
import { backupFileName, isoWeekOf, newestBackup, parseBackupName, planRetention } from './retention.ts';

/** One nightly backup at 02:00 UTC for each of `days` days ending on `last`. */
function nightly(last: string, days: number, label = 'production'): string[] {
  const end = Date.parse(`${last}T02:00:00Z`);
  return Array.from({ length: days }, (_, i) => backupFileName(label, new Date(end - i * 86_400_000)));
}

describe('backup names', () => {
  it('stamps the UTC instant and reads it back', () => {
    const name = backupFileName('Production DB', new Date('2026-11-26T19:05:07.123Z'));
    expect(name).toBe('jeseci-production-db-20261126T190507Z.dump');
    expect(parseBackupName(name)).toMatchObject({
      label: 'production-db',
      kind: 'dump',
      at: new Date('2026-11-26T19:05:07Z'),
    });
    expect(parseBackupName('jeseci-production-20261126T190507Z.redis.json')?.kind).toBe('redis');
    expect(parseBackupName('notes.txt')).toBeNull();
    expect(parseBackupName('jeseci-x-20261399T000000Z.dump')).toBeNull();
  });

  it('weeks start on Monday', () => {
    expect(isoWeekOf(new Date('2026-11-29T23:59:59Z'))).toBe('2026-11-23'); // Sunday
    expect(isoWeekOf(new Date('2026-11-30T00:00:00Z'))).toBe('2026-11-30'); // Monday
  });
});

describe('planRetention (7 daily + 4 weekly)', () => {
  it('60 nightly backups: the last 7 days, plus the newest of each of the 4 most recent weeks', () => {
    const names = nightly('2026-11-26', 60); // a Thursday
    const { keep, remove, reasons } = planRetention(names);
    const days = keep.map((name) => parseBackupName(name)?.at.toISOString().slice(0, 10));
    // Daily: Nov 20–26. Weekly: the newest of the weeks starting Nov 23 (the 26th, already
    // daily), Nov 16 (Sunday the 22nd, already daily), Nov 9 (the 15th) and Nov 2 (the 8th).
    expect(days).toEqual([
      '2026-11-08',
      '2026-11-15',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
    expect(remove).toHaveLength(51);
    expect(reasons['production/20261126T020000Z']).toEqual(['daily', 'weekly']);
    expect(reasons['production/20261115T020000Z']).toEqual(['weekly']);
  });

  it('several backups a day: only the newest of each day counts', () => {
    const names = ['T010000Z', 'T130000Z', 'T230000Z'].map((t) => `jeseci-production-20261126${t}.dump`);
    expect(planRetention(names).keep).toEqual(['jeseci-production-20261126T230000Z.dump']);
  });

  it('a pause in backups never ages the last ones out: days with backups are counted, not calendar days', () => {
    const names = nightly('2026-01-10', 5);
    expect(planRetention(names).remove).toEqual([]);
  });

  it('keeps a Redis export with its dump, removes one whose dump goes, and leaves other files alone', () => {
    const names = [
      ...nightly('2026-11-26', 60),
      'jeseci-production-20261126T020000Z.redis.json',
      'jeseci-production-20260901T020000Z.redis.json',
      'README.txt',
    ];
    const { keep, remove } = planRetention(names);
    expect(keep).toContain('jeseci-production-20261126T020000Z.redis.json');
    expect(remove).toContain('jeseci-production-20260901T020000Z.redis.json');
    expect([...keep, ...remove]).not.toContain('README.txt');
  });

  it('judges each label on its own', () => {
    const names = [...nightly('2026-11-26', 9, 'production'), ...nightly('2026-11-26', 2, 'staging')];
    const { remove } = planRetention(names);
    expect(remove.every((name) => name.includes('-production-'))).toBe(true);
  });

  it('newestBackup ignores Redis exports and other files', () => {
    const names = [
      'jeseci-production-20261126T020000Z.dump',
      'jeseci-production-20261127T020000Z.redis.json',
      'x.dump',
    ];
    expect(newestBackup(names)?.name).toBe('jeseci-production-20261126T020000Z.dump');
    expect(newestBackup([])).toBeNull();
  });
});
