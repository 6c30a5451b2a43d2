/**
 * In-process notifications that a published thing changed, so the match index (and anything
 * else that mirrors the catalog) can follow the database without waiting for its poll.
 *
 * Services emit after their transaction commits; listeners must not throw (errors are logged
 * and swallowed so a listener can never break a write). Other processes (the worker, another
 * API node, a bulk import) are covered by the index's periodic `updated_at` poll, so an event
 * is a fast path, never the only path.
 * @module
 */
import type { Logger } from 'pino';

/** The catalog entity types the match index mirrors. */
export type CatalogEntityType = 'scientist' | 'team' | 'organization' | 'capability' | 'result' | 'need';

/** One change: `removed` when the row was deleted or is no longer public. */
export interface CatalogChange {
  type: CatalogEntityType;
  id: string;
  removed?: boolean;
}

export type CatalogListener = (changes: CatalogChange[]) => void | Promise<void>;

/** A tiny typed event hub; `app.catalogEvents` holds the one per app. */
export interface CatalogEvents {
  /** Tell listeners that these rows changed (call after commit). */
  changed(changes: CatalogChange | CatalogChange[]): void;
  /** Subscribe; returns the unsubscribe function. */
  on(listener: CatalogListener): () => void;
}

export function createCatalogEvents(logger?: Pick<Logger, 'error'>): CatalogEvents {
  const listeners = new Set<CatalogListener>();
  return {
    changed(input) {
      const changes = Array.isArray(input) ? input : [input];
      if (changes.length === 0) return;
      for (const listener of listeners) {
        try {
          const out = listener(changes);
          if (out && typeof (out as Promise<void>).catch === 'function') {
            (out as Promise<void>).catch((err: unknown) => logger?.error({ err }, 'catalog listener failed'));
          }
        } catch (err) {
          logger?.error({ err }, 'catalog listener failed');
        }
      }
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
