/**
 * Localized names of taxonomy entries.
 * @module
 */
import type { TaxonomyLocale, TaxonomyNamed } from './types.ts';

/**
 * The entry's name in `locale`; any locale other than `'en'` (e.g. a stray `'zh'`) gets the
 * zh-CN name, the platform default.
 * @example taxonomyName(getIndustry('C')!, 'en') // 'Manufacturing'
 */
export function taxonomyName(entry: TaxonomyNamed, locale: TaxonomyLocale): string {
  return locale === 'en' ? entry.names.en : entry.names['zh-CN'];
}

/**
 * `code name`, the way pickers and exports show an entry.
 * @example taxonomyLabel(getDiscipline('520')!, 'zh-CN') // '520 计算机科学技术'
 */
export function taxonomyLabel(entry: TaxonomyNamed, locale: TaxonomyLocale): string {
  return `${entry.code} ${taxonomyName(entry, locale)}`;
}
