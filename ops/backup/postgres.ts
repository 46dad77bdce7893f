/**
 * pg_dump / pg_restore and what is checked around them: connection details passed so the
 * password never appears in a process list, whether a database is empty, and a checksum of
 * every table (row count and md5 of its rows in primary-key order) and sequence, to prove
 * a restore brought everything back.
 */
import pg from 'pg';
import { exec as realExec, type Exec, type ExecResult } from '../exec.ts';

/** The binaries to use; PG_DUMP / PG_RESTORE name others (pg_dump must be at least the server's version). */
export const pgDumpBinary = (env: NodeJS.ProcessEnv = process.env) => env.PG_DUMP ?? 'pg_dump';
export const pgRestoreBinary = (env: NodeJS.ProcessEnv = process.env) => env.PG_RESTORE ?? 'pg_restore';

/** `--dbname` without the password, which goes in PGPASSWORD instead. */
export function connectionArgs(databaseUrl: string): { dbname: string; env: Record<string, string> } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** The URL as it may be printed: no password. */
export function redactUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = '***';
  return url.toString();
}

export function dumpArgs(databaseUrl: string, file: string, env: NodeJS.ProcessEnv = process.env): string[] {
  return [
    pgDumpBinary(env),
    '--format=custom',
    '--compress=6',
    `--file=${file}`,
    `--dbname=${connectionArgs(databaseUrl).dbname}`,
  ];
}

export function restoreArgs(
  databaseUrl: string,
  file: string,
  options: { clean: boolean },
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  return [
    pgRestoreBinary(env),
    '--no-owner',
    '--no-acl',
    '--exit-on-error',
    // All or nothing: a restore that fails half-way leaves the database as it was.
    '--single-transaction',
    ...(options.clean ? ['--clean', '--if-exists'] : []),
    `--dbname=${connectionArgs(databaseUrl).dbname}`,
    file,
  ];
}

function explain(result: ExecResult, what: string): Error {
  const output = (result.stderr || result.stdout).trim();
  const hint = /server version mismatch/i.test(output)
    ? '\n(pg_dump must be at least as new as the server: install the matching postgresql-client and set PG_DUMP)'
    : '';
  return new Error(`${what} failed (exit ${result.code}): ${output.split('\n').slice(-8).join('\n')}${hint}`);
}

export async function dumpDatabase(databaseUrl: string, file: string, run: Exec = realExec): Promise<void> {
  const result = await run(dumpArgs(databaseUrl, file), {
    capture: true,
    env: { ...process.env, ...connectionArgs(databaseUrl).env },
  });
  if (result.code !== 0) throw explain(result, 'pg_dump');
}

/** Entries in the archive's table of contents: proves the file is a readable pg_dump archive. */
export async function archiveEntries(file: string, run: Exec = realExec): Promise<number> {
  const result = await run([pgRestoreBinary(), '--list', file], { capture: true });
  if (result.code !== 0) throw explain(result, `pg_restore --list ${file}`);
  return result.stdout.split('\n').filter((line) => line && !line.startsWith(';')).length;
}

export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  options: { clean: boolean },
  run: Exec = realExec,
): Promise<void> {
  const result = await run(restoreArgs(databaseUrl, file, options), {
    capture: true,
    env: { ...process.env, ...connectionArgs(databaseUrl).env },
  });
  if (result.code !== 0) throw explain(result, 'pg_restore');
}

async function withClient<T>(databaseUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Tables outside the system schemas: none means the database is empty. */
export async function userTables(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query<{ name: string }>(
      `select n.nspname || '.' || c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
       order by 1`,
    );
    return result.rows.map((row) => row.name);
  });
}

export interface TableChecksum {
  rows: number;
  md5: string;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Per table: the row count and the md5 of all rows as text, in primary-key order (every
 * column, so any changed value changes it); per sequence: its last value, so ids handed
 * out after a restore do not collide with restored ones.
 */
export async function databaseChecksums(databaseUrl: string): Promise<Record<string, TableChecksum | number>> {
  return withClient(databaseUrl, async (client) => {
    const tables = await client.query<{ schema: string; table: string; pk: string[] | null }>(
      `select n.nspname as schema, c.relname as table,
         (select array_agg(a.attname::text order by array_position(i.indkey::int2[], a.attnum))
            from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
           where i.indrelid = c.oid and i.indisprimary) as pk
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg\\_toast%'
       order by 1, 2`,
    );
    const sums: Record<string, TableChecksum | number> = {};
    for (const { schema, table, pk } of tables.rows) {
      const order = pk?.length ? pk.map((column) => `t.${ident(column)}`).join(', ') : 't::text';
      const result = await client.query<{ rows: string; md5: string }>(
        `select count(*)::bigint as rows, md5(coalesce(string_agg(t::text, E'\\n' order by ${order}), '')) as md5
         from ${ident(schema)}.${ident(table)} t`,
      );
      const row = result.rows[0];
      sums[`${schema}.${table}`] = { rows: Number(row?.rows ?? 0), md5: row?.md5 ?? '' };
    }
    const sequences = await client.query<{ name: string; last_value: string | null }>(
      `select schemaname || '.' || sequencename as name, last_value::text from pg_sequences
       where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
    );
    for (const sequence of sequences.rows) sums[`sequence ${sequence.name}`] = Number(sequence.last_value ?? 0);
    return sums;
  });
}
