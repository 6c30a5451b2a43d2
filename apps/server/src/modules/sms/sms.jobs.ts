/**
 * Retention of the SMS delivery log: a daily job deletes rows older than
 * {@link SMS_LOG_RETENTION_DAYS}. The log holds phone numbers (and, with the outbox adapter,
 * one-time codes), which are only useful for a short while; keeping them longer would be data we
 * hold without a purpose (PIPL minimization). Idempotent: a second run finds nothing to delete.
 * @module
 */
import { lt } from 'drizzle-orm';
import { smsMessages, type Db } from '@tianfu/db';
import type { WorkerContext } from '../worker-context.ts';

export const SMS_PURGE_JOB = 'sms.purge';
/** 03:41 UTC daily, away from the audit purge. */
export const SMS_PURGE_CRON = '41 3 * * *';
/** Days a delivery-log row is kept (long enough to answer "did my code go out?" complaints). */
export const SMS_LOG_RETENTION_DAYS = 30;

/** Deletes delivery-log rows created before `now - days`; returns how many. */
export async function purgeSmsLog(db: Db, now: Date, days = SMS_LOG_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const removed = await db.orm
    .delete(smsMessages)
    .where(lt(smsMessages.createdAt, cutoff))
    .returning({ id: smsMessages.id });
  return removed.length;
}

/** Registers the purge handler and its daily schedule. */
export async function registerSmsJobs(ctx: WorkerContext): Promise<void> {
  await ctx.jobs.work(SMS_PURGE_JOB, async () => {
    const removed = await purgeSmsLog(ctx.db, new Date());
    ctx.logger.info({ removed, retentionDays: SMS_LOG_RETENTION_DAYS }, 'SMS delivery-log retention purge');
    return { removed };
  });
  await ctx.jobs.boss.schedule(SMS_PURGE_JOB, SMS_PURGE_CRON, {}, { tz: 'UTC' });
}
