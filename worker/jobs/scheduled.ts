/**
 * Cron Triggers (the edge's Celery beat): each cron expression in wrangler.toml maps to
 * the jobs it runs. A job's failure is logged and rethrown so the Cron dashboard shows it.
 */
import { openDatabase } from '../db/client';
import { createLogger, errorFields } from '../log';
import { purgeExpiredSessions } from './purge-sessions';

export const DAILY_MAINTENANCE = '17 3 * * *';

export async function runScheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
  const log = createLogger({ cron: controller.cron, job: 'scheduled' });
  if (controller.cron !== DAILY_MAINTENANCE) {
    log.warn('no job for this cron expression');
    return;
  }
  const database = openDatabase(env);
  try {
    const purged = await purgeExpiredSessions(database.db, new Date(controller.scheduledTime));
    log.info('daily maintenance done', { purgedSessions: purged });
  } catch (err) {
    log.error('daily maintenance failed', errorFields(err));
    throw err;
  } finally {
    ctx.waitUntil(database.close());
  }
}
