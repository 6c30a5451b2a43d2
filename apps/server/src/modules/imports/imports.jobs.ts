/**
 * Staged rows: every hour, validated import batches past `expires_at` (IMPORT_BATCH_TTL) become
 * `expired` and their staged rows (the payload's large object) are dropped, as are the staged rows
 * a committed, failed or expired batch still holds. The batch row and its report stay. Idempotent:
 * a second run finds nothing due.
 * @module
 */
import type { WorkerContext } from '../worker-context.ts';
import { importsService } from './imports.service.ts';

export const IMPORTS_PURGE_JOB = 'imports.purge';
/** Minute 41 of every hour (UTC): a batch lives IMPORT_BATCH_TTL (24 h) plus at most an hour. */
export const IMPORTS_PURGE_CRON = '41 * * * *';

/** Runs the purge once (exported for tests and manual runs). */
export async function purgeImportBatches(ctx: Pick<WorkerContext, 'db' | 'config'>, now: Date = new Date()) {
  return importsService({ db: ctx.db, config: ctx.config, now: () => now }).purgeStaged(now);
}

/** Registers the purge handler and its hourly schedule. */
export async function registerImportsJobs(ctx: WorkerContext): Promise<void> {
  await ctx.jobs.work(IMPORTS_PURGE_JOB, async () => {
    const done = await purgeImportBatches(ctx);
    if (done.expired + done.cleared > 0) ctx.logger.info(done, 'import batches purged');
    return done;
  });
  await ctx.jobs.boss.schedule(IMPORTS_PURGE_JOB, IMPORTS_PURGE_CRON, {}, { tz: 'UTC' });
}
