/**
 * Cron Triggers (the edge's Celery beat): the handler looks up the jobs of the trigger's
 * expression (schedule.ts) and runs them one after another, each on its own: one that
 * fails is logged and the others still run; the trigger then fails (so the Cron dashboard
 * shows it) with every job's error. Every job is idempotent, so a rerun is always safe.
 */
import { openDatabase } from '../db/client';
import { createLogger, errorFields } from '../log';
import { getRedis } from '../redis/client';
import { SCHEDULE, type JobContext } from './schedule';

export { DAILY_MAINTENANCE, HOURLY_ROLLUP, WEEKLY_ROLLOVER } from './schedule';

export async function runScheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
  const log = createLogger({ cron: controller.cron, job: 'scheduled' });
  const jobs = SCHEDULE[controller.cron];
  if (!jobs) {
    log.warn('no job for this cron expression');
    return;
  }
  const database = openDatabase(env);
  const context: JobContext = {
    db: database.db,
    redis: getRedis(env),
    now: new Date(controller.scheduledTime),
  };
  const failures: Error[] = [];
  try {
    for (const job of jobs) {
      const started = Date.now();
      try {
        const result = await job.run(context);
        log.info('job done', { name: job.name, result, ms: Date.now() - started });
      } catch (err) {
        log.error('job failed', { name: job.name, ...errorFields(err) });
        failures.push(err instanceof Error ? err : new Error(String(err)));
      }
    }
  } finally {
    ctx.waitUntil(database.close());
  }
  if (failures.length) {
    throw new AggregateError(failures, `${failures.length} of ${jobs.length} scheduled jobs failed`);
  }
}
