/**
 * Row shapes for the GB/T 13745 data files (kept apart so each data file stays a plain list).
 * @module
 */
import type { DisciplineCategoryCode, TaxonomyRow } from './types.ts';

/** A first-level discipline with its second-level children. */
export interface DisciplineGroupRow {
  readonly discipline: TaxonomyRow;
  readonly children: readonly TaxonomyRow[];
}

/** One 门类 and its first-level disciplines. */
export interface DisciplineCategoryRow {
  readonly category: TaxonomyRow & { readonly 0: DisciplineCategoryCode };
  readonly disciplines: readonly DisciplineGroupRow[];
}
