/**
 * GB/T 13745-2009 《学科分类与代码》 (Classification and code of disciplines), first and second level.
 *
 * What the lists follow:
 * - First level (一级学科, 3-digit codes) is complete: the 62 disciplines of the 2009 edition in its five
 *   门类 A 自然科学, B 农业科学, C 医药科学, D 工程与技术科学, E 人文与社会科学 (including the 2009
 *   additions 190 心理学, 413, 416 and 535).
 * - Second level (二级学科, 5-digit codes whose first three digits are the parent) is written from knowledge
 *   of the 2009 edition and cross-checked against two published listings of it: 677 named disciplines plus
 *   the 61 "…其他学科" (other) entries, 738 in all (the standard counts 676 second-level disciplines, so the
 *   list may hold one entry from a later amendment). An entry whose code could not be confirmed would be
 *   left out rather than guessed. Third level (7 digits) is not included.
 * - zh-CN titles are the standard's; the standard has no English titles, the English names are ours.
 * Codes sort as text; the standard leaves gaps in the numbering on purpose (room for additions).
 * @module
 */
import { NATURAL_SCIENCES } from './disciplines.a-natural.data.ts';
import { AGRICULTURAL_SCIENCES } from './disciplines.b-agriculture.data.ts';
import { MEDICAL_SCIENCES } from './disciplines.c-medicine.data.ts';
import { ENGINEERING_PART_1 } from './disciplines.d1-engineering.data.ts';
import { ENGINEERING_PART_2 } from './disciplines.d2-engineering.data.ts';
import { HUMANITIES_PART_1 } from './disciplines.e1-humanities.data.ts';
import { HUMANITIES_PART_2 } from './disciplines.e2-social.data.ts';
import type { DisciplineCategoryRow } from './disciplines.types.ts';
import type { Discipline, DisciplineCategory, DisciplineCategoryCode } from './types.ts';

const CATEGORY_ROWS: readonly DisciplineCategoryRow[] = [
  NATURAL_SCIENCES,
  AGRICULTURAL_SCIENCES,
  MEDICAL_SCIENCES,
  {
    category: ['D', '工程与技术科学', 'Engineering and Technology'],
    disciplines: [...ENGINEERING_PART_1, ...ENGINEERING_PART_2],
  },
  {
    category: ['E', '人文与社会科学', 'Humanities and Social Sciences'],
    disciplines: [...HUMANITIES_PART_1, ...HUMANITIES_PART_2],
  },
];

/** The five 门类 in the standard's order. */
export const DISCIPLINE_CATEGORIES: readonly DisciplineCategory[] = CATEGORY_ROWS.map(({ category }) => ({
  kind: 'discipline_category',
  code: category[0],
  names: { 'zh-CN': category[1], en: category[2] },
}));

/** Every discipline, first level followed by its second-level children, in the standard's order. */
export const DISCIPLINES: readonly Discipline[] = CATEGORY_ROWS.flatMap(({ category, disciplines }) =>
  disciplines.flatMap(({ discipline, children }): Discipline[] => [
    {
      kind: 'discipline',
      code: discipline[0],
      level: 1,
      category: category[0],
      parent: null,
      names: { 'zh-CN': discipline[1], en: discipline[2] },
    },
    ...children.map(([code, zh, en]): Discipline => ({
      kind: 'discipline',
      code,
      level: 2,
      category: category[0],
      parent: discipline[0],
      names: { 'zh-CN': zh, en },
    })),
  ]),
);

const BY_CODE = new Map(DISCIPLINES.map((d) => [d.code, d]));
const CATEGORY_BY_CODE = new Map(DISCIPLINE_CATEGORIES.map((c) => [c.code, c]));

/**
 * A discipline by its 3- or 5-digit code, or `undefined` when the code is not in the list.
 * @example getDiscipline('52040')?.names['zh-CN'] // '计算机软件'
 */
export function getDiscipline(code: string): Discipline | undefined {
  return BY_CODE.get(code.trim());
}

/** True when `code` is a known first- or second-level discipline code. */
export function isDisciplineCode(code: string): boolean {
  return BY_CODE.has(code.trim());
}

/**
 * A 门类 by its letter.
 * @example getDisciplineCategory('D')?.names.en // 'Engineering and Technology'
 */
export function getDisciplineCategory(code: string): DisciplineCategory | undefined {
  return CATEGORY_BY_CODE.get(code.trim().toUpperCase() as DisciplineCategoryCode);
}

/** Filter for {@link listDisciplines}. */
export interface DisciplineListOptions {
  /**
   * A first-level code (`'520'`) lists its second-level children; a 门类 letter (`'E'`) lists the
   * disciplines of that category (narrow with `level`). An unknown parent lists nothing.
   */
  parent?: string;
  /** Only this level. */
  level?: 1 | 2;
}

/**
 * Disciplines in the standard's order, optionally under one parent and/or at one level.
 * Without options: every discipline (both levels).
 * @example listDisciplines({ level: 1 }).length // 62
 * @example listDisciplines({ parent: '520' }).map((d) => d.code) // ['52010', '52020', …, '52099']
 * @example listDisciplines({ parent: 'B', level: 1 }).map((d) => d.code) // ['210', '220', '230', '240']
 */
export function listDisciplines(options: DisciplineListOptions = {}): Discipline[] {
  const parent = options.parent?.trim().toUpperCase();
  const isCategory = parent !== undefined && CATEGORY_BY_CODE.has(parent as DisciplineCategoryCode);
  return DISCIPLINES.filter((d) => {
    if (options.level !== undefined && d.level !== options.level) return false;
    if (parent === undefined) return true;
    return isCategory ? d.category === parent : d.parent === parent;
  });
}

/**
 * The chain from the first level down to `code` (itself last): one entry for a first-level code, two for
 * a second-level one, empty for an unknown code. The 门类 is on each entry as `category`.
 * @example disciplinePath('52040').map((d) => d.names['zh-CN']) // ['计算机科学技术', '计算机软件']
 */
export function disciplinePath(code: string): Discipline[] {
  const entry = getDiscipline(code);
  if (!entry) return [];
  if (entry.parent === null) return [entry];
  const parent = BY_CODE.get(entry.parent);
  return parent ? [parent, entry] : [entry];
}
