/**
 * "Notify me of new matches": runs every saved search with `notify` against what was published
 * since its last run and writes one notification per search that found something.
 *
 * Runs in the worker (no app, no shared index): the window's publications are few, so they are
 * indexed in a small engine of their own and each saved search's text is matched against it
 * (filters as in `GET /api/search`). A user's own entries never alert them.
 *
 * Idempotent: per saved search, one transaction claims the window (`last_run_at` moves from the
 * value read to the run's end only if nobody moved it first) and inserts the notification under
 * the key `saved-search:{id}:{window end}`; a retried or concurrent run finds the window taken and
 * writes nothing. SMS copies are sent afterwards from `sms_status = 'pending'` rows with the
 * idempotency key `notification:{id}`, so a retry after a crash sends each at most once.
 * @module
 */
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { MatchEngine } from '@tianfu/match';
import type { CatalogKind } from '@tianfu/contracts';
import { notifications, savedSearches, users, type Db } from '@tianfu/db';
import type { SmsSender } from '../sms/sms.types.ts';
import { createCatalogEngine, INDEX_KINDS, type IndexDoc } from './catalog-index.ts';
import { catalogIndexRepository } from './catalog-index.repository.ts';
import { storedCriteria } from './matching.presenter.ts';
import { engineFilter, kindsOf, metaFilter } from './search.logic.ts';
import { MATCH_ALERT_TEMPLATE } from './matching.sms.ts';

/** Newest publications per kind one run looks at (a bulk import of 100,000 rows stays cheap). */
export const MAX_WINDOW_PER_KIND = 2000;

/** Most matched entries listed in one notification's data. */
export const MAX_ALERT_ITEMS = 20;

/** What one run did. */
export interface AlertRunReport {
  searches: number;
  notified: number;
  sms: { sent: number; failed: number };
}

/** Inputs of {@link runSavedSearchAlerts}. */
export interface AlertDeps {
  db: Db;
  logger: Pick<Logger, 'info' | 'warn'>;
  sms?: SmsSender;
  now?: () => Date;
  /** `MATCH_SEMANTIC_DIM`. */
  semanticDim?: number;
}

/** Entries of the window that a saved search matches, best first. */
function matchesOf(
  criteria: ReturnType<typeof storedCriteria>,
  window: IndexDoc[],
  engine: MatchEngine | null,
  since: number,
  userId: string,
): IndexDoc[] {
  const pass = metaFilter(criteria);
  const fresh = (d: IndexDoc) =>
    d.meta.publishedAt > since && !d.meta.people.includes(userId) && pass(d.meta);
  const text = criteria.text?.trim();
  if (!text) return window.filter(fresh).sort((a, b) => b.meta.publishedAt - a.meta.publishedAt);
  if (!engine) return [];
  const byId = new Map(window.map((d) => [d.meta.id, d]));
  return engine
    .search({ text, kinds: kindsOf(criteria), filter: engineFilter(criteria), top: 200 })
    .filter((h) => h.explanation.terms.length > 0)
    .map((h) => byId.get(h.id))
    .filter((d): d is IndexDoc => d !== undefined && fresh(d));
}

/** Sends the SMS copies still pending (at most `limit` per run). */
async function sendPendingSms(deps: AlertDeps, limit = 200): Promise<{ sent: number; failed: number }> {
  const out = { sent: 0, failed: 0 };
  if (!deps.sms) return out;
  const orm = deps.db.orm;
  const pending = await orm
    .select({ id: notifications.id, params: notifications.params, phone: users.phone, locale: users.locale })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.smsStatus, 'pending'))
    .orderBy(asc(notifications.createdAt))
    .limit(limit);
  for (const n of pending) {
    let status: 'sent' | 'failed' = 'failed';
    if (n.phone) {
      try {
        await deps.sms.send({
          to: n.phone,
          template: MATCH_ALERT_TEMPLATE.name,
          params: { name: String(n.params.name ?? ''), count: String(n.params.count ?? '') },
          purpose: 'saved_search',
          idempotencyKey: `notification:${n.id}`,
          locale: n.locale === 'en' ? 'en' : 'zh-CN',
        });
        status = 'sent';
      } catch (err) {
        deps.logger.warn({ err, notification: n.id }, 'saved-search SMS not delivered');
      }
    }
    await orm.update(notifications).set({ smsStatus: status }).where(eq(notifications.id, n.id));
    out[status]++;
  }
  return out;
}

/**
 * One alert run (the `matching.saved-search-alerts` job).
 * @example await runSavedSearchAlerts({ db, logger, sms });
 */
export async function runSavedSearchAlerts(deps: AlertDeps): Promise<AlertRunReport> {
  const orm = deps.db.orm;
  const until = (deps.now ?? (() => new Date()))();
  const searches = await orm
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.notify, true), lte(savedSearches.lastRunAt, until)));
  const report: AlertRunReport = { searches: searches.length, notified: 0, sms: { sent: 0, failed: 0 } };
  if (searches.length > 0) {
    const since = new Date(Math.min(...searches.map((s) => s.lastRunAt.getTime())));
    const source = catalogIndexRepository(deps.db);
    const window: IndexDoc[] = [];
    for (const kind of INDEX_KINDS)
      window.push(...(await source.publishedBetween(kind as CatalogKind, since, until, MAX_WINDOW_PER_KIND)));
    let engine: MatchEngine | null = null;
    if (window.length > 0) {
      engine = createCatalogEngine(deps.semanticDim);
      engine.upsertMany(window.map((d) => d.entity));
    }
    const key = (id: string) => `saved-search:${id}:${until.toISOString()}`;
    for (const s of searches) {
      const found = matchesOf(storedCriteria(s.criteria), window, engine, s.lastRunAt.getTime(), s.userId);
      const wrote = await deps.db.orm.transaction(async (tx) => {
        const claimed = await tx
          .update(savedSearches)
          .set({ lastRunAt: until })
          .where(
            and(
              eq(savedSearches.id, s.id),
              // Millisecond precision: what JavaScript read back is what it compares.
              sql`date_trunc('milliseconds', ${savedSearches.lastRunAt}) = ${s.lastRunAt.toISOString()}::timestamptz`,
            ),
          )
          .returning({ id: savedSearches.id });
        if (claimed.length === 0 || found.length === 0) return false;
        const items = found.slice(0, MAX_ALERT_ITEMS).map((d) => ({ kind: d.meta.kind, id: d.meta.id }));
        const first = found[0]!.entity.title ?? found[0]!.entity.fields?.name ?? '';
        const inserted = await tx
          .insert(notifications)
          .values({
            userId: s.userId,
            type: 'saved_search',
            params: { name: s.name, count: found.length, first: String(first) },
            data: { savedSearchId: s.id, items },
            link: `/search?saved=${s.id}`,
            idempotencyKey: key(s.id),
            smsStatus: s.channels.includes('sms') ? 'pending' : 'none',
          })
          .onConflictDoNothing({ target: notifications.idempotencyKey })
          .returning({ id: notifications.id });
        return inserted.length > 0;
      });
      if (wrote) report.notified++;
    }
  }
  report.sms = await sendPendingSms(deps);
  if (report.notified > 0 || report.sms.sent > 0 || report.sms.failed > 0)
    deps.logger.info({ alerts: report }, 'saved-search alerts');
  return report;
}
