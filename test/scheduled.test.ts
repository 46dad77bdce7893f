/** The daily maintenance Cron Trigger, run in workerd against the test database. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWorkerRuntime, type WorkerRuntime } from '../ops/stack/worker-runtime.ts';

let worker: WorkerRuntime;
let db: pg.Client;

beforeAll(async () => {
  const stack = inject('stack');
  worker = await startWorkerRuntime({ bundlePath: stack.bundlePath, bindings: stack.workerBindings });
  db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await worker?.close();
});

describe('daily maintenance (17 3 * * *)', () => {
  it('purges sessions past their lifetime or idle too long, and keeps live ones', async () => {
    const email = `cron-${randomUUID()}@example.test`;
    const user = await db.query<{ id: string }>(
      `insert into users (email, display_name, password_hash) values ($1, 'Cron Test', 'x') returning id`,
      [email],
    );
    const userId = user.rows[0]?.id;
    const now = Date.now();
    const day = 86_400_000;
    const sessions = {
      live: { lastSeen: now - day, expires: now + 10 * day },
      expired: { lastSeen: now - day, expires: now - 1000 },
      idle: { lastSeen: now - 8 * day, expires: now + 10 * day },
    };
    for (const [name, s] of Object.entries(sessions)) {
      await db.query(`insert into sessions (token_hash, user_id, last_seen_at, expires_at) values ($1, $2, $3, $4)`, [
        `${name}-${userId}`,
        userId,
        new Date(s.lastSeen),
        new Date(s.expires),
      ]);
    }

    const fetcher = (await worker.miniflare.getWorker()) as unknown as {
      scheduled(options: { cron: string; scheduledTime?: Date }): Promise<{ outcome: string }>;
    };
    const result = await fetcher.scheduled({ cron: '17 3 * * *', scheduledTime: new Date(now) });
    expect(result.outcome).toBe('ok');

    const left = await db.query<{ token_hash: string }>('select token_hash from sessions where user_id = $1', [userId]);
    expect(left.rows.map((row) => row.token_hash)).toEqual([`live-${userId}`]);
    await db.query('delete from users where id = $1', [userId]);
  });
});
