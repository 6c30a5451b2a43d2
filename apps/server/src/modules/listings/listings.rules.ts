/**
 * Rules of the listings service that need no database: region codes, cross-field checks on the
 * merged record, the text fields the sensitive-word check reads, version snapshots, the need
 * quality score.
 * @module
 */
import {
  assessNeed,
  type CapabilityCreate,
  type CapabilityPatch,
  type ListingType,
  type NeedCreate,
  type NeedPatch,
  type ResearchResultCreate,
  type ResearchResultPatch,
} from '@tianfu/contracts';
import { canonicalRegionCode, getRegion } from '@tianfu/db';
import { AppError } from '../../errors/app-error.ts';
import type { AnyListingRow, ListingRowOf } from './listings.repository.ts';

export type CreateBody<T extends ListingType> = T extends 'capability'
  ? CapabilityCreate
  : T extends 'result'
    ? ResearchResultCreate
    : NeedCreate;
export type PatchBody<T extends ListingType> = T extends 'capability'
  ? CapabilityPatch
  : T extends 'result'
    ? ResearchResultPatch
    : NeedPatch;

/** A region code as stored (canonical), or a 400 on the field when the region does not exist. */
export function knownRegion(code: string, field = 'regionCode'): string {
  const c = canonicalRegionCode(code);
  if (!c || !getRegion(c))
    throw new AppError('error.validation', 400, { fields: { [field]: 'listing.region_unknown' } });
  return c;
}

const invalid = (fields: Record<string, string>) => new AppError('error.validation', 400, { fields });

/** Cross-field rules re-checked on the merged row (a PATCH may send one side only). */
export function checkMerged(type: ListingType, row: Record<string, unknown>): void {
  const n = (k: string) => (row[k] === null || row[k] === undefined ? null : Number(row[k]));
  if (type === 'need') {
    const min = n('budgetMin');
    const max = n('budgetMax');
    if (min !== null && max !== null && min > max) throw invalid({ budgetMax: 'validation.budget_range' });
  } else if (type === 'result') {
    const asking = n('askingPrice');
    const reserve = n('reservePrice');
    if (asking !== null && reserve !== null && reserve > asking)
      throw invalid({ reservePrice: 'validation.reserve_above_asking' });
    if (row.priceType === 'fixed' && asking === null)
      throw invalid({ askingPrice: 'validation.price_required' });
  } else if (row.priceType === 'fixed' && n('price') === null) {
    throw invalid({ price: 'validation.price_required' });
  }
}

/** The text fields checked for sensitive words, by type. */
export function textFields(
  type: ListingType,
  row: AnyListingRow,
): Record<string, string | readonly string[] | null> {
  if (type === 'need') {
    const r = row as ListingRowOf['need'];
    return { title: r.title, summary: r.summary, description: r.description, keywords: r.keywords };
  }
  if (type === 'result') {
    const r = row as ListingRowOf['result'];
    return {
      title: r.title,
      abstract: r.abstract,
      keywords: r.keywords,
      ip: r.ip.map((i) => `${i.number} ${i.title ?? ''}`),
    };
  }
  const r = row as ListingRowOf['capability'];
  return { title: r.title, description: r.description, keywords: r.keywords };
}

/** The stored form of a row for `listing_versions.data` (dates as ISO strings). */
export function snapshot(row: AnyListingRow): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

export function qualityOf(row: Record<string, unknown>, now: Date): number {
  return assessNeed(row as Parameters<typeof assessNeed>[0], now).score;
}
