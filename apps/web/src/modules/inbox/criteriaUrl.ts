import type { SearchCriteria } from '@tianfu/contracts';

/** The discover URL that re-runs saved criteria. */
export function criteriaUrl(c: SearchCriteria): string {
  const p = new URLSearchParams();
  if (c.text) p.set('q', c.text);
  if (c.kinds?.length === 1 && c.kinds[0]) p.set('kind', c.kinds[0]);
  if (c.region) p.set('region', c.region);
  if (c.discipline) p.set('discipline', c.discipline);
  if (c.industry) p.set('industry', c.industry);
  if (c.priceMax !== undefined) p.set('priceMax', String(c.priceMax));
  if (c.maturityMin !== undefined) p.set('maturityMin', String(c.maturityMin));
  const qs = p.toString();
  return qs ? `/discover?${qs}` : '/discover';
}
