/**
 * `npm run leaderboard:rebuild`
 *
 * Rebuilds the weekly and all-time leaderboards in Redis from the XP ledger in Postgres
 * (xp_events), e.g. after Redis was flushed or restored from an older snapshot. The Worker
 * also rebuilds a board by itself when it finds it missing; this is the operator's lever.
 *
 * Environment: DATABASE_URL, UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN and
 * REDIS_PREFIX (the environment's key prefix, e.g. "jeseci:prod:"). Locally, with
 * `npm run dev` running, the defaults point at its embedded database and Redis bridge.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Redis } from '@upstash/redis';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Queryable } from '../../worker/db/types.ts';
import * as schema from '../../worker/db/schema/index.ts';
import { rebuildLeaderboard, type Board } from '../../worker/practice/leaderboards.ts';
import type { RedisClient } from '../../worker/redis/types.ts';

export interface RebuildTarget {
  databaseUrl: string;
  redisUrl: string;
  redisToken: string;
  redisPrefix: string;
}

export async function rebuildLeaderboards(target: RebuildTarget, now = new Date()): Promise<Record<Board, number>> {
  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    // The same queries the Worker runs; node-postgres stands in for the Neon driver.
    const db = drizzle({ client, schema }) as unknown as Queryable;
    const raw = new Redis({ url: target.redisUrl, token: target.redisToken, enableTelemetry: false });
    const redis = {
      raw,
      prefix: target.redisPrefix,
      key: (...parts: string[]) => target.redisPrefix + parts.join(':'),
    } as unknown as RedisClient;
    return {
      weekly: await rebuildLeaderboard(redis, db, 'weekly', now),
      'all-time': await rebuildLeaderboard(redis, db, 'all-time', now),
    };
  } finally {
    await client.end();
  }
}

function fromEnvironment(env: NodeJS.ProcessEnv): RebuildTarget {
  return {
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5433/jeseci',
    redisUrl: env.UPSTASH_REDIS_REST_URL ?? 'http://127.0.0.1:8079',
    redisToken: env.UPSTASH_REDIS_REST_TOKEN ?? 'local-dev-token',
    redisPrefix: env.REDIS_PREFIX ?? 'jeseci:dev:',
  };
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  try {
    return entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const target = fromEnvironment(process.env);
  try {
    const counts = await rebuildLeaderboards(target);
    console.log(
      `leaderboards rebuilt under "${target.redisPrefix}": weekly ${counts.weekly} learners, all-time ${counts['all-time']} learners`,
    );
  } catch (err) {
    console.error(`leaderboard rebuild failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
