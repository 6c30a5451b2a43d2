/**
 * Public catalog search: `GET /api/search`, served from the match index. Every hit is a public
 * card (a need shows its summary, never its details) with the engine's explanation.
 * @module
 */
import { z } from 'zod';
import { IsoDateTime, PaginationQuery, paginated } from '../common.ts';
import { disciplineCode, industryCode } from '../taxonomy/schemas.ts';
import { CATALOG_KINDS, CatalogKind } from './enums.ts';
import { CatalogRegionCode, PlainText } from './fields.ts';

/** Orders of search results. `relevance` needs text; without text the default is `newest`. */
export const SEARCH_SORTS = ['relevance', 'newest', 'price'] as const;
export const SearchSort = z.enum(SEARCH_SORTS);
export type SearchSort = z.infer<typeof SearchSort>;

/** Longest search text accepted (the engine truncates much longer bodies itself). */
export const MAX_SEARCH_TEXT = 500;

/** `kinds=scientist,team` or `kinds=scientist&kinds=team` in a query string; a JSON array in a body. */
export const CatalogKindList = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(CatalogKind).max(CATALOG_KINDS.length),
);

/**
 * What a search looks for: the filters of `GET /api/search` without paging, also what a saved
 * search stores.
 */
export const SearchCriteria = z.object({
  /** Free text (Chinese or English); empty = browse by the filters. */
  text: PlainText.trim().max(MAX_SEARCH_TEXT).optional(),
  kinds: CatalogKindList.optional(),
  /** Province, city or county code: the whole subtree matches. */
  region: CatalogRegionCode.optional(),
  discipline: disciplineCode.optional(),
  industry: industryCode.optional(),
  /** Highest price (capabilities, results) or lowest budget ceiling (needs) in yuan. */
  priceMax: z.coerce.number().int().min(0).optional(),
  /** Lowest technology readiness level (results only; other kinds are left out when set). */
  maturityMin: z.coerce.number().int().min(1).max(9).optional(),
});
export type SearchCriteria = z.infer<typeof SearchCriteria>;

/** Stored search criteria as returned (plain values, no parsing). */
export const SearchCriteriaView = z.object({
  text: z.string().optional(),
  kinds: z.array(CatalogKind).optional(),
  region: z.string().optional(),
  discipline: z.string().optional(),
  industry: z.string().optional(),
  priceMax: z.number().optional(),
  maturityMin: z.number().optional(),
});
export type SearchCriteriaView = z.infer<typeof SearchCriteriaView>;

/** Query string of `GET /api/search`. */
export const SearchQuery = PaginationQuery.extend(SearchCriteria.shape)
  .extend({
    sort: SearchSort.optional(),
    /** Alias of `text`, as on every list route (`?q=`); `text` wins when both are sent. */
    q: PlainText.trim().max(MAX_SEARCH_TEXT).optional(),
    /** Alias of `kinds` for a single kind (`?kind=need`). */
    kind: CatalogKind.optional(),
  })
  .transform(({ q, kind, ...rest }) => ({
    ...rest,
    text: rest.text ?? q,
    kinds: rest.kinds ?? (kind ? [kind] : undefined),
  }));
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A term of the query that matched, and the field it matched in. */
export const MatchedTermView = z.object({
  term: z.string(),
  field: z.string(),
  weight: z.number(),
});

/** A structured reason (`same_discipline`, `same_city`, `within_budget`…) with its parameters. */
export const MatchReasonView = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type MatchReasonView = z.infer<typeof MatchReasonView>;

/** Why a hit ranked where it did: matched terms, reasons, and the score parts before weighting. */
export const MatchExplanationView = z
  .object({
    terms: z.array(MatchedTermView),
    reasons: z.array(MatchReasonView),
    parts: z.record(z.string(), z.number()),
  })
  .meta({ id: 'MatchExplanation' });
export type MatchExplanationView = z.infer<typeof MatchExplanationView>;

/** One public catalog card (any kind), as listed by search and matches. */
export const CatalogCard = z
  .object({
    kind: CatalogKind,
    id: z.string(),
    title: z.string(),
    /** Public text: a need's summary, a capability's description, a scientist's title and affiliation… */
    summary: z.string().nullable(),
    regionCode: z.string().nullable(),
    disciplines: z.array(z.string()),
    industries: z.array(z.string()),
    /** Capability price or result asking price (yuan); null when on quote or not priced. */
    price: z.number().nullable(),
    budgetMin: z.number().nullable(),
    budgetMax: z.number().nullable(),
    /** Result maturity (TRL 1–9). */
    maturity: z.number().nullable(),
    verified: z.boolean(),
    /** Scientist availability, when a scientist. */
    availability: z.string().nullable(),
    publishedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'CatalogCard' });
export type CatalogCard = z.infer<typeof CatalogCard>;

/** A search hit: the card, its score and explanation (null when browsing without text). */
export const SearchHit = CatalogCard.extend({
  score: z.number().nullable(),
  explanation: MatchExplanationView.nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** A page of search hits; `sort` is the order actually applied. */
export const SearchPage = paginated(SearchHit).extend({ sort: SearchSort });
export type SearchPage = z.infer<typeof SearchPage>;
