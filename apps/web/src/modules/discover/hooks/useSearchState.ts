import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  CATALOG_KINDS,
  SEARCH_SORTS,
  type CatalogKind,
  type SearchCriteria,
  type SearchSort,
} from '@tianfu/contracts';

/** The search as it lives in the address bar, so a result page can be shared and reloaded. */
export interface SearchState {
  text: string;
  kind: CatalogKind | null;
  region: string | null;
  discipline: string | null;
  industry: string | null;
  priceMax: number | null;
  maturityMin: number | null;
  sort: SearchSort | null;
  page: number;
}

const num = (v: string | null) => (v !== null && /^\d+$/.test(v) ? Number(v) : null);

/** Parses the query string; unknown kinds or sorts are ignored rather than sent to the server. */
export function parseSearch(params: URLSearchParams): SearchState {
  const kind = params.get('kind');
  const sort = params.get('sort');
  return {
    text: params.get('q') ?? '',
    kind: (CATALOG_KINDS as readonly string[]).includes(kind ?? '') ? (kind as CatalogKind) : null,
    region: params.get('region'),
    discipline: params.get('discipline'),
    industry: params.get('industry'),
    priceMax: num(params.get('priceMax')),
    maturityMin: num(params.get('maturityMin')),
    sort: (SEARCH_SORTS as readonly string[]).includes(sort ?? '') ? (sort as SearchSort) : null,
    page: Math.max(1, num(params.get('page')) ?? 1),
  };
}

/** The saved-search criteria of a state (no paging, no sort). */
export function toCriteria(s: SearchState): SearchCriteria {
  const c: SearchCriteria = {};
  if (s.text.trim()) c.text = s.text.trim();
  if (s.kind) c.kinds = [s.kind];
  if (s.region) c.region = s.region;
  if (s.discipline) c.discipline = s.discipline;
  if (s.industry) c.industry = s.industry;
  if (s.priceMax !== null) c.priceMax = s.priceMax;
  if (s.maturityMin !== null) c.maturityMin = s.maturityMin;
  return c;
}

/** Query of `GET /api/search` for a state. */
export function toQuery(s: SearchState, pageSize: number) {
  const c = toCriteria(s);
  return {
    text: c.text,
    kinds: c.kinds?.join(','),
    region: c.region,
    discipline: c.discipline,
    industry: c.industry,
    priceMax: c.priceMax,
    maturityMin: c.maturityMin,
    sort: s.sort ?? undefined,
    page: s.page,
    pageSize,
  };
}

/** Reads and writes the search state in the URL; any change but paging returns to page 1. */
export function useSearchState(): [SearchState, (patch: Partial<SearchState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearch(params), [params]);
  const update = useCallback(
    (patch: Partial<SearchState>) => {
      const next: SearchState = { ...state, page: 1, ...patch };
      const out = new URLSearchParams();
      if (next.text.trim()) out.set('q', next.text.trim());
      if (next.kind) out.set('kind', next.kind);
      if (next.region) out.set('region', next.region);
      if (next.discipline) out.set('discipline', next.discipline);
      if (next.industry) out.set('industry', next.industry);
      if (next.priceMax !== null) out.set('priceMax', String(next.priceMax));
      if (next.maturityMin !== null) out.set('maturityMin', String(next.maturityMin));
      if (next.sort) out.set('sort', next.sort);
      if (next.page > 1) out.set('page', String(next.page));
      setParams(out);
    },
    [state, setParams],
  );
  return [state, update];
}
