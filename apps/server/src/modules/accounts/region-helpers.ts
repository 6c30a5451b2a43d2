/**
 * Region lookups used by accounts and identity (thin re-exports plus USCC/ID-number region parsing).
 * @module
 */
import { canonicalRegionCode, getRegion } from '@tianfu/db';

export { canonicalRegionCode, getRegion };

/**
 * The region encoded in characters 3–8 of a (validated) USCC, canonical; falls back to the
 * province when the county is not in the table (codes retired since registration).
 */
export function parseUsccRegion(uscc: string): string {
  return regionFromSixDigits(uscc.slice(2, 8));
}

/** Canonical region for a 6-digit address code, degrading to city/province when unknown. */
export function regionFromSixDigits(six: string): string {
  for (const candidate of [six, six.slice(0, 4), six.slice(0, 2)]) {
    const c = canonicalRegionCode(candidate);
    if (c && getRegion(c)) return c;
  }
  return canonicalRegionCode(six.slice(0, 2)) ?? six.slice(0, 2);
}
