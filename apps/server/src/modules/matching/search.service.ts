/**
 * `GET /api/search`: ranks from the index (search.logic.ts), then hydrates the page's rows from
 * the database as public cards. A row unpublished since it was indexed is dropped from the page.
 * @module
 */
import type { CatalogCard, CatalogKind, SearchHit, SearchPage, SearchQuery } from '@tianfu/contracts';
import type { Db } from '@tianfu/db';
import type { CatalogIndex } from './catalog-index.ts';
import { matchingRepository } from './matching.repository.ts';
import { presentExplanation, queryWords } from './matching.presenter.ts';
import { rankCatalog } from './search.logic.ts';

/** Runs a catalog search. */
export async function searchCatalog(db: Db, index: CatalogIndex, query: SearchQuery): Promise<SearchPage> {
  const { page, pageSize, sort, ...criteria } = query;
  const ranked = await rankCatalog(index, criteria, { page, pageSize, sort });
  const repo = matchingRepository(db);
  const byKind = new Map<CatalogKind, string[]>();
  for (const item of ranked.items) byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item.id]);
  const cards = new Map<string, CatalogCard>();
  for (const [kind, ids] of byKind) for (const [id, card] of await repo.cards(kind, ids)) cards.set(id, card);
  const words = criteria.text ? queryWords(criteria.text) : undefined;
  const items: SearchHit[] = [];
  for (const item of ranked.items) {
    const card = cards.get(item.id);
    if (!card) continue;
    items.push({
      ...card,
      score: item.score === null ? null : Math.round(item.score * 1e4) / 1e4,
      explanation: item.explanation ? presentExplanation(item.explanation, words) : null,
    });
  }
  return { items, page, pageSize, total: ranked.total, sort: ranked.sort };
}
