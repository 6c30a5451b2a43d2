/**
 * Data minimization: a daily job deletes one-time codes older than 2 days, sessions dead for
 * 30 days and stale sign-in counters. Idempotent: a second run finds nothing to delete.
 * @module
 */
import type { WorkerContext } from '../worker-context.ts';
import { authRepository } from './auth.repository.ts';

export const AUTH_PURGE_JOB = 'auth.purge';
/** 03:41 every day (UTC). */
export const AUTH_PURGE_CRON = '41 3 * * *';

const DAY = 86_400_000;

/** Runs the purge once (exported for tests and manual runs). */
export async function purgeAuthData(ctx: Pick<WorkerContext, 'db'>, now: Date = new Date()) {
  const repo = authRepository(ctx.db);
  const codes = await repo.purgeOldOtps(new Date(now.getTime() - 2 * DAY));
  const sessions = await repo.purgeDeadSessions(new Date(now.getTime() - 30 * DAY));
  await repo.purgeStaleThrottles(new Date(now.getTime() - DAY));
  return { codes, sessions };
}

/** Registers the purge handler and its daily schedule. */
export async function registerAuthJobs(ctx: WorkerContext): Promise<void> {
  await ctx.jobs.work(AUTH_PURGE_JOB, async () => {
    const removed = await purgeAuthData(ctx);
    ctx.logger.info(removed, 'auth data purge');
    return removed;
  });
  await ctx.jobs.boss.schedule(AUTH_PURGE_JOB, AUTH_PURGE_CRON, {}, { tz: 'UTC' });
}
