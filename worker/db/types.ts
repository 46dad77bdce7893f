/**
 * The database types queries are written against, apart from the client that opens a
 * connection (which needs the Worker's bindings), so Node-side tools can share the queries.
 */
import type { NeonDatabase } from 'drizzle-orm/neon-serverless';
import type * as schema from './schema';

export type Database = NeonDatabase<typeof schema>;
/** A transaction handed to `db.transaction(async (tx) => …)`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything queries can run on: the request's database or a transaction inside it. */
export type Queryable = Database | Transaction;
