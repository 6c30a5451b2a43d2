/**
 * Retention: a daily job removes audit rows older than AUDIT_RETENTION_DAYS (≥ 180).
 * Idempotent by nature: running it twice removes nothing the second time.
 * @module
 */
import type { WorkerContext } from '../worker-context.ts';
import { createAuditService } from './audit.service.ts';

export const AUDIT_PURGE_JOB = 'audit.purge';
/** 03:17 every day (UTC): off-peak, and not on the hour when other schedules pile up. */
export const AUDIT_PURGE_CRON = '17 3 * * *';

/** Registers the purge handler and its daily schedule. */
export async function registerAuditJobs(ctx: WorkerContext): Promise<void> {
  const audit = createAuditService(ctx);
  await ctx.jobs.work(AUDIT_PURGE_JOB, async () => {
    const removed = await audit.purge();
    ctx.logger.info({ removed, retentionDays: ctx.config.AUDIT_RETENTION_DAYS }, 'audit retention purge');
    return { removed };
  });
  await ctx.jobs.boss.schedule(AUDIT_PURGE_JOB, AUDIT_PURGE_CRON, {}, { tz: 'UTC' });
}
