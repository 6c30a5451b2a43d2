/**
 * The matching module: the catalog index (`app.catalogIndex`, rebuilt from the database when the
 * app becomes ready, followed by catalog events and an `updated_at` poll), search, recommendations,
 * feedback, the need assistant, saved searches and notifications.
 *
 * Registered with `global: true` so `app.catalogIndex` is visible to every module (imports call
 * `app.catalogIndex.refresh()` after a bulk write).
 * @module
 */
import { join, resolve } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { OutcomeLog } from '@tianfu/match';
import { CatalogIndex } from './catalog-index.ts';
import { embeddingProviderFromConfig } from './embeddings.ts';
import { catalogIndexRepository } from './catalog-index.repository.ts';
import './matching.errors.ts';
import './matching.sms.ts';
import { matchingRoutes } from './matching.routes.ts';
import { outcomeFileLog } from './outcomes.service.ts';
import { savedSearchRoutes } from './saved-searches.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The match index of this API node (see modules/matching/catalog-index.ts). */
    catalogIndex: CatalogIndex;
    /** Optional JSONL copy of recommendation outcomes (`MATCH_OUTCOME_LOG_FILE`). */
    matchingOutcomeLog: OutcomeLog | undefined;
  }
}

export const matchingPlugin: FastifyPluginAsync = async (app) => {
  const index = new CatalogIndex({
    source: catalogIndexRepository(app.deps.db),
    logger: app.log,
    pollMs: app.config.MATCH_INDEX_POLL_MS,
    semanticDim: app.config.MATCH_SEMANTIC_DIM,
  });
  app.decorate('catalogIndex', index);
  app.decorate('matchingOutcomeLog', outcomeFileLog(app.config.MATCH_OUTCOME_LOG_FILE));

  const unsubscribe = app.catalogEvents.on((changes) =>
    index.apply(changes).catch((err: unknown) => app.log.warn({ err }, 'catalog index update failed')),
  );

  // Snapshots live in the data directory; tests never write there.
  const snapshotDir =
    app.config.MATCH_INDEX_SNAPSHOT && app.config.NODE_ENV !== 'test'
      ? join(resolve(app.config.TIANFU_DATA_DIR), 'match-index')
      : null;
  const save = async (why: string) => {
    if (!snapshotDir) return;
    const started = performance.now();
    try {
      await index.saveSnapshot(snapshotDir);
      app.log.info({ index: { dir: snapshotDir, ms: Math.round(performance.now() - started) } }, why);
    } catch (err) {
      app.log.warn({ err }, 'could not save the catalog index snapshot');
    }
  };

  let saveTimer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    const started = performance.now();
    // MATCH_EMBEDDINGS: provider vectors fused into search and recommendations (off by default).
    const embeddings = await embeddingProviderFromConfig(app.config, app.log);
    if (embeddings) index.useEmbeddings(embeddings.provider, embeddings.options);
    if (snapshotDir && (await index.loadSnapshot(snapshotDir))) {
      await index.refresh();
      app.log.info(
        {
          index: {
            entities: index.size,
            byKind: index.counts(),
            ms: Math.round(performance.now() - started),
          },
        },
        'catalog index loaded from its snapshot and caught up with the database',
      );
    } else {
      const report = await index.rebuild();
      app.log.info(
        { index: { entities: report.count, byKind: report.byKind, ms: report.ms, trainMs: report.trainMs } },
        'catalog index built',
      );
      // Written a little later, off the start-up path (the shutdown save covers normal restarts).
      if (snapshotDir) {
        saveTimer = setTimeout(() => void save('catalog index snapshot saved'), 30_000);
        saveTimer.unref();
      }
    }
    index.start();
  });
  app.addHook('onClose', async () => {
    if (saveTimer) clearTimeout(saveTimer);
    unsubscribe();
    await index.stop();
    await save('catalog index snapshot saved at shutdown');
  });

  await app.register(matchingRoutes(app));
  await app.register(savedSearchRoutes(app));
};
