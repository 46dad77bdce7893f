import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupOptionsFromArgs, main, r2Keys, r2PutArgs } from './backup.ts';
import { connectionArgs, redactUrl, restoreArgs } from './postgres.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

describe('backup options', () => {
  it('--env takes <ENV>_DATABASE_URL and the environment’s Redis prefix from wrangler.toml', () => {
    const options = backupOptionsFromArgs(['--env', 'production'], {
      PRODUCTION_DATABASE_URL: 'postgres://u:p@db.example/neondb',
      DATABASE_URL: 'postgres://local/jeseci',
      UPSTASH_REDIS_REST_URL: 'https://redis.example',
      UPSTASH_REDIS_REST_TOKEN: 't',
    });
    expect(options).toMatchObject({
      databaseUrl: 'postgres://u:p@db.example/neondb',
      label: 'production',
      redis: { url: 'https://redis.example', token: 't', prefix: 'jeseci:prod:' },
    });
  });

  it('without --env: --database-url or DATABASE_URL, labelled with the database name; usage errors say what to pass', () => {
    expect(backupOptionsFromArgs([], { DATABASE_URL: 'postgres://h/jeseci' })).toMatchObject({
      label: 'jeseci',
      redis: null,
    });
    expect(() => backupOptionsFromArgs([], {})).toThrow(/pass --database-url URL/);
    expect(() => backupOptionsFromArgs(['--env', 'prod'], {})).toThrow(/staging or production/);
    expect(() => backupOptionsFromArgs(['--r2-local', '/tmp/x'], { DATABASE_URL: 'postgres://h/db' })).toThrow(
      /needs --r2-bucket/,
    );
  });
});

describe('commands', () => {
  it('security: the password goes in PGPASSWORD, never on the command line or in the output', () => {
    const url = 'postgres://app:s3cret@db.example:5432/neondb?sslmode=require';
    expect(connectionArgs(url)).toEqual({
      dbname: 'postgres://app@db.example:5432/neondb?sslmode=require',
      env: { PGPASSWORD: 's3cret' },
    });
    expect(restoreArgs(url, 'x.dump', { clean: false }).join(' ')).not.toContain('s3cret');
    expect(redactUrl(url)).toBe('postgres://app:***@db.example:5432/neondb?sslmode=require');
  });

  it('uploads to daily/, and a Sunday backup to weekly/ too (each prefix has its lifecycle rule)', () => {
    expect(r2Keys('production', 'f.dump', new Date('2026-11-26T02:00:00Z'))).toEqual(['daily/production/f.dump']);
    expect(r2Keys('production', 'f.dump', new Date('2026-11-29T02:00:00Z'))).toEqual([
      'daily/production/f.dump',
      'weekly/production/f.dump',
    ]);
    expect(r2PutArgs('b', 'daily/x', '/tmp/x').slice(1)).toEqual([
      'r2',
      'object',
      'put',
      'b/daily/x',
      '--file=/tmp/x',
      '--content-type=application/octet-stream',
      '--remote',
    ]);
  });
});

describe('npm run backup -- --dry-run', () => {
  it('prints pg_dump, the R2 uploads and what retention would remove, and touches nothing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'jeseci-backup-'));
    // Nine nightly backups already there: with today's, two fall out of 7 daily + 4 weekly.
    const old = Array.from(
      { length: 9 },
      (_, i) => `jeseci-production-202611${String(17 + i).padStart(2, '0')}T020000Z.dump`,
    );
    for (const name of old) await writeFile(join(dir, name), 'x');
    const lines: string[] = [];
    const code = await main(
      ['--env', 'production', '--out', dir, '--r2-bucket', 'jeseci-backups', '--dry-run'],
      { PRODUCTION_DATABASE_URL: 'postgres://app:s3cret@db.example/neondb' },
      {
        exec: async (argv) => {
          throw new Error(`dry run ran ${argv.join(' ')}`);
        },
        now: () => new Date('2026-11-29T02:00:00Z'),
        log: (line) => lines.push(line),
      },
    );
    const text = lines.join('\n');
    expect(code).toBe(0);
    expect(text).toContain('$ pg_dump --format=custom --compress=6 --file=');
    expect(text).toContain('jeseci-production-20261129T020000Z.dump');
    expect(text).toContain(
      '$ wrangler r2 object put jeseci-backups/daily/production/jeseci-production-20261129T020000Z.dump',
    );
    expect(text).toContain('$ wrangler r2 object put jeseci-backups/weekly/production/');
    expect(text).toContain('retention: would remove jeseci-production-20261117T020000Z.dump');
    expect(text).not.toContain('s3cret');
    expect((await readdir(dir)).sort()).toEqual(old.sort());
  });
});
