/** A direct Postgres connection to the run's test database, for arranging and checking rows. */
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

/** Connects before the file's tests and closes after; call at the top level of a test file. */
export function useTestDatabase(): {
  client: () => pg.Client;
  query: (text: string, params?: unknown[]) => Promise<pg.QueryResult>;
} {
  let client: pg.Client | undefined;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: inject('stack').databaseUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });
  const connected = () => {
    if (!client) throw new Error('the test database is used outside a test');
    return client;
  };
  return { client: connected, query: (text, params) => connected().query(text, params) };
}
