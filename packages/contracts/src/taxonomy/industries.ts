/**
 * GB/T 4754-2017 《国民经济行业分类》: the 20 sections (门类 A–T) and 97 divisions (大类 01–97),
 * each with zh-CN and en names. Data in `industries.data.ts`.
 * @module
 */
import { INDUSTRY_ROWS } from './industries.data.ts';
import type { Industry, IndustryDivision, IndustrySection } from './types.ts';

/** The 20 sections in the standard's order. */
export const INDUSTRY_SECTIONS: readonly IndustrySection[] = INDUSTRY_ROWS.map(({ section, divisions }) => ({
  kind: 'industry_section',
  level: 'section',
  code: section[0],
  names: { 'zh-CN': section[1], en: section[2] },
  divisions: [divisions[0]?.[0] ?? '', divisions[divisions.length - 1]?.[0] ?? ''],
}));

/** The 97 divisions in code order, each pointing at its section. */
export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = INDUSTRY_ROWS.flatMap(
  ({ section, divisions }) =>
    divisions.map(([code, zh, en]): IndustryDivision => ({
      kind: 'industry_division',
      level: 'division',
      code,
      section: section[0],
      names: { 'zh-CN': zh, en },
    })),
);

const BY_CODE = new Map<string, Industry>([
  ...INDUSTRY_SECTIONS.map((s) => [s.code, s] as const),
  ...INDUSTRY_DIVISIONS.map((d) => [d.code, d] as const),
]);

/** Trims, upper-cases a section letter and pads a one-digit division (`'1'` → `'01'`). */
function normalizeIndustryCode(code: string): string {
  const value = code.trim().toUpperCase();
  return /^\d$/.test(value) ? `0${value}` : value;
}

/**
 * A section (`'C'`) or division (`'39'`) by code, or `undefined` when unknown.
 * @example getIndustry('39')?.names['zh-CN'] // '计算机、通信和其他电子设备制造业'
 */
export function getIndustry(code: string): Industry | undefined {
  return BY_CODE.get(normalizeIndustryCode(code));
}

/** True when `code` is a known section letter or division code. */
export function isIndustryCode(code: string): boolean {
  return BY_CODE.has(normalizeIndustryCode(code));
}

/** True when `code` is a known two-digit division code. */
export function isIndustryDivisionCode(code: string): boolean {
  return getIndustry(code)?.level === 'division';
}

/** Filter for {@link listIndustries}. */
export interface IndustryListOptions {
  /** The divisions of this section (`'A'` → 01–05). An unknown section lists nothing. */
  section?: string;
}

/**
 * Without options, the 20 sections; with `section`, that section's divisions.
 * @example listIndustries().length // 20
 * @example listIndustries({ section: 'A' }).map((d) => d.code) // ['01', '02', '03', '04', '05']
 */
export function listIndustries(options: IndustryListOptions = {}): Industry[] {
  if (options.section === undefined) return [...INDUSTRY_SECTIONS];
  const section = options.section.trim().toUpperCase();
  return INDUSTRY_DIVISIONS.filter((d) => d.section === section);
}

/**
 * The section a division belongs to (a section code answers itself), or `undefined` when unknown.
 * @example industrySection('27')?.code // 'C'
 */
export function industrySection(divisionCode: string): IndustrySection | undefined {
  const entry = getIndustry(divisionCode);
  if (!entry) return undefined;
  if (entry.level === 'section') return entry;
  const section = BY_CODE.get(entry.section);
  return section?.level === 'section' ? section : undefined;
}
