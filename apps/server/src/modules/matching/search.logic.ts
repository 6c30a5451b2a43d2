/**
 * Catalog search over the index, without I/O: text search through the engine, browsing by
 * filters over the side table, the extra filters the engine does not know (maturity), sorting
 * and paging. Hydration of the page's rows happens in search.service.ts.
 * @module
 */
import type { MatchExplanation, MatchFilter, MatchKind } from '@tianfu/match';
import type { CatalogKind, SearchCriteria, SearchSort } from '@tianfu/contracts';
import { canonicalRegionCode, fullRegionCode } from '@tianfu/db';
import type { CatalogIndex, IndexMeta } from './catalog-index.ts';

/** Most text hits considered for one query (deeper pages than this are not served). */
export const MAX_TEXT_HITS = 1000;

/** One ranked id before hydration. */
export interface RankedId {
  kind: CatalogKind;
  id: string;
  score: number | null;
  explanation: MatchExplanation | null;
}

/** A page of ranked ids. */
export interface RankedPage {
  items: RankedId[];
  total: number;
  sort: SearchSort;
}

/** The kinds a criteria set can return (maturity only exists on results). */
export function kindsOf(criteria: Pick<SearchCriteria, 'kinds' | 'maturityMin'>): CatalogKind[] | undefined {
  let kinds = criteria.kinds?.length ? [...new Set(criteria.kinds)] : undefined;
  if (criteria.maturityMin !== undefined) kinds = (kinds ?? ['result']).filter((k) => k === 'result');
  return kinds;
}

/** The side-table filter of a criteria set (the same rules the engine's hard filter applies). */
export function metaFilter(criteria: SearchCriteria): (m: IndexMeta) => boolean {
  const kinds = kindsOf(criteria);
  const region = criteria.region ? canonicalRegionCode(criteria.region) : null;
  return (m) => {
    if (kinds && !kinds.includes(m.kind)) return false;
    if (criteria.region && (!region || !m.regionCode?.startsWith(region))) return false;
    if (criteria.discipline && !m.disciplines.some((c) => c.startsWith(criteria.discipline!))) return false;
    if (criteria.industry && !m.industries.some((c) => c.startsWith(criteria.industry!))) return false;
    if (criteria.priceMax !== undefined && m.price !== null && m.price > criteria.priceMax) return false;
    if (criteria.maturityMin !== undefined && (m.maturity === null || m.maturity < criteria.maturityMin))
      return false;
    return true;
  };
}

/** The engine's hard filter for a criteria set. */
export function engineFilter(criteria: SearchCriteria): MatchFilter {
  const filter: MatchFilter = {};
  if (criteria.region) filter.regionPrefix = canonicalRegionCode(criteria.region) ?? 'none';
  if (criteria.discipline) filter.disciplines = [criteria.discipline];
  if (criteria.industry) filter.industries = [criteria.industry];
  if (criteria.priceMax !== undefined) filter.maxPrice = criteria.priceMax;
  return filter;
}

/** Marked by the embedding fusion when the cosine reaches `MATCH_EMBEDDINGS_MIN_SIMILARITY`. */
const isEmbeddingMatch = (e: MatchExplanation) =>
  e.reasons.some((r) => r.code === 'semantic' && r.params?.source === 'embedding');

const byNewest = (a: IndexMeta, b: IndexMeta) => b.publishedAt - a.publishedAt || (a.id < b.id ? -1 : 1);
// Unpriced (on quote, needs, profiles) after every priced row.
const byPrice = (a: IndexMeta, b: IndexMeta) =>
  (a.price ?? Number.POSITIVE_INFINITY) - (b.price ?? Number.POSITIVE_INFINITY) || byNewest(a, b);

/**
 * Ranks the index for a query. Text → engine relevance (or re-sorted by newest / price);
 * no text → every row passing the filters, newest first (or by price).
 * @example rankCatalog(index, { text: '猕猴桃溃疡病', kinds: ['scientist'] }, { page: 1, pageSize: 20 })
 */
export async function rankCatalog(
  index: CatalogIndex,
  criteria: SearchCriteria,
  paging: { page: number; pageSize: number; sort?: SearchSort },
): Promise<RankedPage> {
  const text = criteria.text?.trim() ?? '';
  const start = (paging.page - 1) * paging.pageSize;
  const pass = metaFilter(criteria);
  if (!text) {
    const sort: SearchSort = paging.sort === 'price' ? 'price' : 'newest';
    const rows: IndexMeta[] = [];
    for (const m of index.allMeta()) if (pass(m)) rows.push(m);
    rows.sort(sort === 'price' ? byPrice : byNewest);
    return {
      total: rows.length,
      sort,
      items: rows
        .slice(start, start + paging.pageSize)
        .map((m) => ({ kind: m.kind, id: m.id, score: null, explanation: null })),
    };
  }
  const sort: SearchSort = paging.sort ?? 'relevance';
  const kinds = kindsOf(criteria);
  const hits = await index.search({
    text,
    kinds: kinds as MatchKind[] | undefined,
    filter: engineFilter(criteria),
    region: criteria.region ? (fullRegionCode(criteria.region) ?? undefined) : undefined,
    disciplines: criteria.discipline ? [criteria.discipline] : undefined,
    industries: criteria.industry ? [criteria.industry] : undefined,
    top: MAX_TEXT_HITS,
  });
  const rows: { meta: IndexMeta; score: number; explanation: MatchExplanation }[] = [];
  for (const h of hits) {
    const meta = index.meta(h.id);
    // A search result shares at least one term with the query; on small corpora the engine scores
    // everything (semantic neighbours), which belongs in recommendations, not in a result count.
    // With an embedding provider (MATCH_EMBEDDINGS), a hit close enough in meaning counts too.
    if (meta && pass(meta) && (h.explanation.terms.length > 0 || isEmbeddingMatch(h.explanation)))
      rows.push({ meta, score: h.score, explanation: h.explanation });
  }
  if (sort === 'newest') rows.sort((a, b) => byNewest(a.meta, b.meta));
  else if (sort === 'price') rows.sort((a, b) => byPrice(a.meta, b.meta));
  return {
    total: rows.length,
    sort,
    items: rows.slice(start, start + paging.pageSize).map((r) => ({
      kind: r.meta.kind,
      id: r.meta.id,
      score: r.score,
      explanation: r.explanation,
    })),
  };
}
