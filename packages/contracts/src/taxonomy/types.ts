/**
 * Shapes shared by the discipline and industry taxonomies.
 * @module
 */

/** The two languages every taxonomy entry is named in. */
export type TaxonomyLocale = 'zh-CN' | 'en';

/** A name in both supported languages. */
export type TaxonomyNames = Readonly<Record<TaxonomyLocale, string>>;

/** Anything with bilingual names: a discipline, a discipline category, an industry section or division. */
export interface TaxonomyNamed {
  readonly code: string;
  readonly names: TaxonomyNames;
}

/** The five 门类 of GB/T 13745-2009. */
export type DisciplineCategoryCode = 'A' | 'B' | 'C' | 'D' | 'E';

/** A 门类 (category) of GB/T 13745: groups first-level disciplines, has no numeric code of its own. */
export interface DisciplineCategory extends TaxonomyNamed {
  readonly code: DisciplineCategoryCode;
  readonly kind: 'discipline_category';
}

/**
 * A GB/T 13745 discipline: level 1 (一级学科, 3 digits such as `520`) or level 2 (二级学科, 5 digits
 * such as `52040`, whose first three digits are its parent).
 */
export interface Discipline extends TaxonomyNamed {
  readonly kind: 'discipline';
  readonly level: 1 | 2;
  readonly category: DisciplineCategoryCode;
  /** The first-level code for a level-2 entry; `null` for level 1. */
  readonly parent: string | null;
}

/** A GB/T 4754-2017 section (门类, one letter A–T). */
export interface IndustrySection extends TaxonomyNamed {
  readonly kind: 'industry_section';
  readonly level: 'section';
  /** First and last division codes in the section, inclusive (e.g. `['13', '43']` for C). */
  readonly divisions: readonly [string, string];
}

/** A GB/T 4754-2017 division (大类, two digits 01–97) inside one section. */
export interface IndustryDivision extends TaxonomyNamed {
  readonly kind: 'industry_division';
  readonly level: 'division';
  readonly section: string;
}

/** Either level of the industry classification. */
export type Industry = IndustrySection | IndustryDivision;

/** Every entry kind the taxonomy module can return. */
export type TaxonomyEntry = DisciplineCategory | Discipline | IndustrySection | IndustryDivision;

/** Compact source row used by the data files: `[code, zh-CN name, en name]`. */
export type TaxonomyRow = readonly [code: string, zh: string, en: string];
