/**
 * Structured features of a (query, entity) pair, each in [0, 1], and the hard filters.
 * Region codes are Chinese administrative division codes (GB/T 2260): 2 digits province,
 * 4 city, 6 county; trailing zeros mean "the whole unit" (510100 = all of Chengdu).
 *
 * @module
 */
import type { FusionWeights, MatchEntity, MatchFilter, MatchQuery, MatchReason } from '../types.ts';

/** Significant prefix of a region code: `510100` → `5101`, `510000` → `51`. */
export function regionPrefix(code: string | undefined): string {
  if (!code) return '';
  let c = code.trim();
  while (c.length > 2 && c.endsWith('00')) c = c.slice(0, -2);
  return c;
}

/** 1 same county, 0.6 same city, 0.3 same province, 0 otherwise or unknown. */
export function regionCloseness(a: string | undefined, b: string | undefined): number {
  const x = (a ?? '').trim();
  const y = (b ?? '').trim();
  if (x.length < 2 || y.length < 2 || x.slice(0, 2) !== y.slice(0, 2)) return 0;
  if (x.length >= 6 && y.length >= 6 && x.slice(0, 6) === y.slice(0, 6) && !x.endsWith('00')) return 1;
  if (x.slice(0, 4) === y.slice(0, 4) && x.slice(2, 4) !== '00') return 0.6;
  return 0.3;
}

/** Best code agreement: 1 equal code, 0.5 one code a prefix of the other (related), else 0. */
export function codeMatch(a: readonly string[] | undefined, b: readonly string[] | undefined): number {
  if (!a?.length || !b?.length) return 0;
  let best = 0;
  for (const x of a)
    for (const y of b) {
      if (x === y) return 1;
      if (x.length >= 2 && y.length >= 2 && (x.startsWith(y) || y.startsWith(x))) best = 0.5;
    }
  return best;
}

/** Price against budget: 1 within budget, decaying with the overshoot, undefined when unknown. */
export function budgetFit(
  budget: { min?: number; max?: number } | undefined,
  price: number | undefined,
): number | undefined {
  if (!budget || typeof price !== 'number' || !Number.isFinite(price)) return undefined;
  const max = budget.max;
  if (typeof max !== 'number' || max <= 0) return undefined;
  if (price <= max) return 1;
  return Math.max(0, max / price) ** 2;
}

/** The structured parts of a pair, and the reasons they give. */
export function structuredParts(
  q: MatchQuery,
  e: MatchEntity,
): { parts: Partial<Record<keyof FusionWeights, number>>; reasons: MatchReason[] } {
  const parts: Partial<Record<keyof FusionWeights, number>> = {};
  const reasons: MatchReason[] = [];
  const disc = codeMatch(q.disciplines, e.disciplines);
  if (q.disciplines?.length && e.disciplines?.length) {
    parts.discipline = disc;
    if (disc === 1) reasons.push({ code: 'same_discipline' });
    else if (disc > 0) reasons.push({ code: 'related_discipline' });
  }
  if (q.industries?.length && e.industries?.length) {
    parts.industry = codeMatch(q.industries, e.industries);
    if (parts.industry > 0) reasons.push({ code: 'same_industry' });
  }
  const qRegion = q.region ?? q.requester?.region;
  if (qRegion && e.region) {
    const r = regionCloseness(qRegion, e.region);
    parts.region = r;
    if (r === 1) reasons.push({ code: 'same_county', params: { region: e.region } });
    else if (r === 0.6) reasons.push({ code: 'same_city', params: { region: e.region } });
    else if (r > 0) reasons.push({ code: 'same_province', params: { region: e.region } });
  }
  const fit = budgetFit(q.budget, e.price) ?? budgetFit(e.budget, q.price);
  if (fit !== undefined) {
    parts.budget = fit;
    reasons.push({ code: fit === 1 ? 'within_budget' : 'over_budget' });
  }
  if (e.capacity && e.capacity.total > 0) {
    const open = Math.max(0, Math.min(e.capacity.open, e.capacity.total));
    parts.capacity = open / e.capacity.total;
    reasons.push({ code: open > 0 ? 'has_capacity' : 'no_capacity', params: { open } });
  }
  if (e.verified) {
    parts.verified = 1;
    reasons.push({ code: 'verified' });
  }
  if (typeof e.reputation === 'number' && Number.isFinite(e.reputation)) {
    parts.reputation = Math.max(0, Math.min(1, e.reputation));
    if (parts.reputation >= 0.8) reasons.push({ code: 'reputation', params: { value: parts.reputation } });
  }
  return { parts, reasons };
}

/**
 * The largest weighted sum of structured parts any entity can get for this query (`structuredParts`
 * sets discipline, industry, region and budget only when the query carries them).
 */
export function structuredBound(q: MatchQuery, w: FusionWeights): number {
  const p = (x: number): number => Math.max(0, x);
  let s = p(w.capacity) + p(w.verified) + p(w.reputation);
  if (q.disciplines?.length) s += p(w.discipline);
  if (q.industries?.length) s += p(w.industry);
  if (q.region ?? q.requester?.region) s += p(w.region);
  if (q.budget || typeof q.price === 'number') s += p(w.budget);
  return s;
}

/** True when the entity passes the hard filter. */
export function passesFilter(e: MatchEntity, f: MatchFilter | undefined): boolean {
  if (!f) return true;
  if (f.regionPrefix) {
    const p = regionPrefix(f.regionPrefix);
    if (!e.region || !e.region.startsWith(p)) return false;
  }
  if (
    f.disciplines?.length &&
    !(e.disciplines ?? []).some((c) => f.disciplines!.some((p) => c.startsWith(p)))
  )
    return false;
  if (f.industries?.length && !(e.industries ?? []).some((c) => f.industries!.some((p) => c.startsWith(p))))
    return false;
  if (f.verifiedOnly && !e.verified) return false;
  if (f.openCapacityOnly && e.capacity && e.capacity.open <= 0) return false;
  if (typeof f.maxPrice === 'number' && typeof e.price === 'number' && e.price > f.maxPrice) return false;
  return true;
}

/** The metadata columns `compileFilter` reads (see `IndexCore`). */
export interface FilterColumns {
  live: Uint8Array;
  kindId: Uint8Array;
  regionId: Int32Array;
  discOff: Int32Array;
  discCnt: Uint8Array;
  indOff: Int32Array;
  indCnt: Uint8Array;
  codePool: { data: Int32Array };
  verified: Uint8Array;
  openCap: Int32Array;
  price: Float64Array;
  kinds: { names: string[] };
  regions: { names: string[] };
  codes: { names: string[] };
}

/** Per dictionary entry: 1 when the code starts with one of the prefixes. */
function prefixFlags(names: readonly string[], prefixes: readonly string[]): Uint8Array {
  const f = new Uint8Array(names.length);
  names.forEach((c, i) => {
    if (prefixes.some((p) => c.startsWith(p))) f[i] = 1;
  });
  return f;
}

/**
 * The query's kinds and hard filter compiled to typed-array checks over the index columns:
 * equivalent to `admissible`'s kind test plus `passesFilter`, without touching entity objects
 * (dictionary codes are tested once per query, entities by their code ids).
 */
export function compileFilter(
  c: FilterColumns,
  kinds: readonly string[] | undefined,
  f: MatchFilter | undefined,
): (idx: number) => boolean {
  const live = c.live;
  const kindOk = kinds?.length
    ? Uint8Array.from(c.kinds.names, (k) => (kinds.includes(k) ? 1 : 0))
    : undefined;
  const regionOk = f?.regionPrefix ? prefixFlags(c.regions.names, [regionPrefix(f.regionPrefix)]) : undefined;
  const discOk = f?.disciplines?.length ? prefixFlags(c.codes.names, f.disciplines) : undefined;
  const indOk = f?.industries?.length ? prefixFlags(c.codes.names, f.industries) : undefined;
  const verifiedOnly = f?.verifiedOnly === true;
  const openOnly = f?.openCapacityOnly === true;
  const maxPrice = typeof f?.maxPrice === 'number' ? f.maxPrice : Number.NaN;
  const { kindId, regionId, discOff, discCnt, indOff, indCnt, verified, openCap, price } = c;
  const pool = c.codePool.data;
  const anyCode = (flags: Uint8Array, off: number, n: number): boolean => {
    for (let k = off; k < off + n; k++) if (flags[pool[k] as number] === 1) return true;
    return false;
  };
  if (!kindOk && !regionOk && !discOk && !indOk && !verifiedOnly && !openOnly && Number.isNaN(maxPrice))
    return (idx) => live[idx] === 1;
  return (idx) => {
    if (live[idx] !== 1) return false;
    if (kindOk && kindOk[kindId[idx] as number] !== 1) return false;
    if (regionOk) {
      const r = regionId[idx] as number;
      if (r < 0 || regionOk[r] !== 1) return false;
    }
    if (discOk && !anyCode(discOk, discOff[idx] as number, discCnt[idx] as number)) return false;
    if (indOk && !anyCode(indOk, indOff[idx] as number, indCnt[idx] as number)) return false;
    if (verifiedOnly && verified[idx] !== 1) return false;
    if (openOnly && (openCap[idx] as number) !== -2147483648 && (openCap[idx] as number) <= 0) return false;
    if (!Number.isNaN(maxPrice) && (price[idx] as number) > maxPrice) return false;
    return true;
  };
}
