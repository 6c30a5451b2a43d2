/**
 * Background work of the matching module: the saved-search alert run (alerts.service.ts) on the
 * `MATCH_ALERTS_CRON` schedule. Idempotent: a retry after a failure writes nothing twice.
 * @module
 */
import type { WorkerContext } from '../worker-context.ts';
import { runSavedSearchAlerts } from './alerts.service.ts';

export const SAVED_SEARCH_ALERTS_JOB = 'matching.saved-search-alerts';

/** Registers the alert handler and its schedule. */
export async function registerMatchingJobs(ctx: WorkerContext): Promise<void> {
  await ctx.jobs.work(SAVED_SEARCH_ALERTS_JOB, async () =>
    runSavedSearchAlerts({
      db: ctx.db,
      logger: ctx.logger,
      sms: ctx.sms,
      semanticDim: ctx.config.MATCH_SEMANTIC_DIM,
    }),
  );
  await ctx.jobs.boss.schedule(SAVED_SEARCH_ALERTS_JOB, ctx.config.MATCH_ALERTS_CRON, {}, { tz: 'UTC' });
}
