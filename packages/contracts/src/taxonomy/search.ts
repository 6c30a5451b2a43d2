/**
 * Name search over disciplines and industries, for pickers in the web app.
 * The lists are small (under a thousand entries), so a linear scan is fast enough and needs no index.
 * @module
 */
import { DISCIPLINES } from './disciplines.ts';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from './industries.ts';
import type { Discipline, Industry, TaxonomyLocale } from './types.ts';

/** Which list(s) {@link searchTaxonomy} looks in. */
export type TaxonomyKind = 'discipline' | 'industry';

/** Options for {@link searchTaxonomy}. */
export interface TaxonomySearchOptions {
  /** Restrict to disciplines or industries; default both. */
  kind?: TaxonomyKind;
  /** Most results to return; default 20. */
  limit?: number;
}

/** A search hit. */
export type TaxonomySearchHit = Discipline | Industry;

const ALL: readonly TaxonomySearchHit[] = [...DISCIPLINES, ...INDUSTRY_SECTIONS, ...INDUSTRY_DIVISIONS];

/**
 * Folds width and case and drops spaces and list punctuation, so `畜牧兽医` finds `畜牧、兽医科学`
 * and `machine learning` style input is compared case-insensitively.
 */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s、，,·.\-–—()（）'’]+/g, '');
}

function kindOf(entry: TaxonomySearchHit): TaxonomyKind {
  return entry.kind === 'discipline' ? 'discipline' : 'industry';
}

/**
 * Entries whose name in `locale` contains `text` (after folding case, width, spaces and punctuation),
 * or whose code starts with `text`. Best first: exact name, then name prefix, then shorter names;
 * ties keep the standards' order. Blank text finds nothing.
 * @example searchTaxonomy('软件', 'zh-CN').map((e) => e.code) // ['52040', '65']
 * @example searchTaxonomy('software', 'en', { kind: 'industry' })[0]?.code // '65'
 */
export function searchTaxonomy(
  text: string,
  locale: TaxonomyLocale,
  options: TaxonomySearchOptions = {},
): TaxonomySearchHit[] {
  const query = fold(text);
  if (!query) return [];
  const limit = Math.max(0, options.limit ?? 20);
  const scored: { entry: TaxonomySearchHit; rank: number; length: number; order: number }[] = [];
  ALL.forEach((entry, order) => {
    if (options.kind && kindOf(entry) !== options.kind) return;
    const name = fold(locale === 'en' ? entry.names.en : entry.names['zh-CN']);
    let rank: number;
    if (name === query) rank = 0;
    else if (name.startsWith(query)) rank = 1;
    else if (name.includes(query)) rank = 2;
    else if (entry.code.toLowerCase().startsWith(query)) rank = 3;
    else return;
    scored.push({ entry, rank, length: name.length, order });
  });
  scored.sort((a, b) => a.rank - b.rank || a.length - b.length || a.order - b.order);
  return scored.slice(0, limit).map((s) => s.entry);
}
