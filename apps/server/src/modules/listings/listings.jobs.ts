/**
 * Expiry: every 10 minutes, published needs past their deadline and listings past `expires_at`
 * become `expired` (with a status event). Idempotent: a second run finds nothing due. The match
 * index drops them on its next `updated_at` poll (the worker has no in-process event hub).
 * @module
 */
import type { WorkerContext } from '../worker-context.ts';
import { listingsService } from './listings.service.ts';
import { loadSensitiveWords } from './sensitive-words.ts';

export const LISTINGS_EXPIRE_JOB = 'listings.expire';
export const LISTINGS_EXPIRE_CRON = '*/10 * * * *';

/** Runs the expiry once (exported for tests and manual runs). */
export async function expireListings(ctx: Pick<WorkerContext, 'db' | 'config'>, now: Date = new Date()) {
  const svc = listingsService({
    db: ctx.db,
    config: ctx.config,
    now: () => now,
    events: { changed: () => undefined },
    words: loadSensitiveWords(ctx.config.CATALOG_SENSITIVE_WORDS_FILE),
  });
  return svc.expireDue(now);
}

/** Registers the expiry handler and its schedule. */
export async function registerListingsJobs(ctx: WorkerContext): Promise<void> {
  await ctx.jobs.work(LISTINGS_EXPIRE_JOB, async () => {
    const expired = await expireListings(ctx);
    if (expired.length) ctx.logger.info({ expired: expired.length }, 'listings expired');
    return { expired: expired.length };
  });
  await ctx.jobs.boss.schedule(LISTINGS_EXPIRE_JOB, LISTINGS_EXPIRE_CRON, {}, { tz: 'UTC' });
}
