/**
 * Region scope: an officer sees and acts only inside the subtree of the region(s) they were
 * granted; administrators everywhere; everyone else nowhere (as staff). Region arithmetic is
 * @tianfu/db's region table (canonical six-digit codes; `51`/`5101` accepted).
 * @module
 */
import { isWithin, canonicalRegionCode } from '@tianfu/db';
import type { Actor } from './actor.ts';
import { isAdmin } from './actor.ts';

/**
 * The regions an actor may act in as staff: `null` = everywhere (administrator),
 * otherwise the officer grants' canonical region codes (empty = none).
 */
export function regionScopeOf(actor: Actor | null | undefined): string[] | null {
  if (!actor) return [];
  if (isAdmin(actor)) return null;
  const codes = actor.roles
    .filter((r) => r.role === 'officer')
    .map((r) => canonicalRegionCode(r.regionCode))
    .filter((c): c is string => c !== null);
  // Drop codes already covered by a wider grant so SQL filters stay short.
  return [...new Set(codes)].filter((c, _i, all) => !all.some((other) => other !== c && isWithin(c, other)));
}

/**
 * May this actor act on something located in `regionCode`? A record without a region is only
 * within an administrator's reach.
 * @example canAccessRegion(chengduOfficer, '510104') // true; canAccessRegion(chengduOfficer, '510700') // false
 */
export function canAccessRegion(
  actor: Actor | null | undefined,
  regionCode: string | null | undefined,
): boolean {
  const scope = regionScopeOf(actor);
  if (scope === null) return true;
  if (!regionCode) return false;
  return scope.some((granted) => isWithin(regionCode, granted));
}
