/**
 * Who may do what with capabilities, results and needs. Decisions only, from facts the service
 * gathered (is the caller the owner? which region?); routes enforce them with `authorize`, which
 * audits every denial.
 *
 * Owners: the author, the scientist whose profile offers it, the lead of the offering team, an
 * owner/admin of the offering organization. Officers act only inside their region (review,
 * closing, reading unpublished listings and confidential details) and never edit content.
 * @module
 */
import type { ListingStatus, ListingType } from '@tianfu/contracts';
import { allow, deny, type PolicyDecision } from '../../policy/authorize.ts';
import { hasRole, isAdmin, type Actor } from '../../policy/actor.ts';
import { canAccessRegion } from '../../policy/region-scope.ts';

/** The facts about a listing a decision needs. */
export interface ListingFacts {
  type: ListingType;
  id: string;
  status: ListingStatus;
  regionCode: string;
  /** The caller owns it (see the module comment). */
  owner: boolean;
}

const target = (l: Pick<ListingFacts, 'type' | 'id'>) => ({ type: l.type, id: l.id });
const extra = (l: ListingFacts) => ({ target: target(l), regionCode: l.regionCode });

/** What the caller wants to create a listing as. */
export type CreationFacts =
  | { ownerType: 'scientist'; self: boolean; regionCode: string }
  | { ownerType: 'team'; lead: boolean; regionCode: string | null }
  | { ownerType: 'organization'; role: 'owner' | 'admin' | 'member' | null; regionCode: string | null }
  | { ownerType: 'person' };

/**
 * Creating a draft: as yourself (your scientist profile), for a team you lead, for an
 * organization you belong to (needs: as its owner/admin); officers may enter a listing for a
 * scientist of their region (e.g. a rural expert without an account).
 */
export function canCreate(actor: Actor, type: ListingType, f: CreationFacts): PolicyDecision {
  const action = `${type}.create`;
  const region = 'regionCode' in f ? { regionCode: f.regionCode } : {};
  switch (f.ownerType) {
    case 'person':
      return allow(action);
    case 'scientist':
      return f.self || canAccessRegion(actor, f.regionCode) ? allow(action, region) : deny(action, region);
    case 'team':
      return f.lead ? allow(action, region) : deny(action, { ...region, reason: 'listing.not_owner' });
    case 'organization': {
      const ok = type === 'need' ? f.role === 'owner' || f.role === 'admin' : f.role !== null;
      return ok ? allow(action, region) : deny(action, { ...region, reason: 'listing.not_owner' });
    }
  }
}

/** Editing and submitting: owners only. */
export function canEdit(actor: Actor, l: ListingFacts, action: 'update' | 'submit'): PolicyDecision {
  const name = `${l.type}.${action}`;
  return l.owner ? allow(name, extra(l)) : deny(name, { ...extra(l), reason: 'listing.not_owner' });
}

/** Closing: the owner, or an officer of the listing's region (taking it down). */
export function canClose(actor: Actor, l: ListingFacts): PolicyDecision {
  const ok = l.owner || isStaffFor(actor, l.regionCode);
  return ok ? allow(`${l.type}.close`, extra(l)) : deny(`${l.type}.close`, extra(l));
}

/** Officers and administrators acting inside the region. */
function isStaffFor(actor: Actor | null, regionCode: string): boolean {
  return !!actor && (isAdmin(actor) || (hasRole(actor, 'officer') && canAccessRegion(actor, regionCode)));
}

/** Seeing a listing that is not published: the owner and staff of the region. */
export function canSeeUnpublished(actor: Actor | null, l: ListingFacts): boolean {
  return l.owner || isStaffFor(actor, l.regionCode);
}

/** The owner's / officer's view: rejection reason, reserve price, confidential details. */
export function canSeePrivate(actor: Actor | null, l: ListingFacts): boolean {
  return l.owner || isStaffFor(actor, l.regionCode);
}

/** A confidential need's details: owner, staff of the region, or a viewer who accepted the NDA. */
export function canSeeNeedDetails(
  actor: Actor | null,
  l: ListingFacts & { confidential: boolean },
  ndaAccepted: boolean,
): boolean {
  return !l.confidential || ndaAccepted || canSeePrivate(actor, l);
}

/** A listing's versions and status events: the owner, officers of its region, administrators. */
export function canReadHistory(actor: Actor, l: ListingFacts): PolicyDecision {
  const action = `${l.type}.history`;
  return l.owner || isStaffFor(actor, l.regionCode) ? allow(action, extra(l)) : deny(action, extra(l));
}

/** Reading the review queue: officers (their regions) and administrators. */
export function canReadReviewQueue(actor: Actor): PolicyDecision {
  return hasRole(actor, 'officer') || isAdmin(actor) ? allow('review.queue') : deny('review.queue');
}

/**
 * Approving or rejecting: an officer of the listing's region or an administrator, never on a
 * listing they own (an officer who entered a listing for a scientist, or posted a need of their
 * own, must not wave it through themselves).
 */
export function canReview(actor: Actor, l: ListingFacts): PolicyDecision {
  if (l.owner) return deny(`${l.type}.review`, { ...extra(l), reason: 'review.own_listing' });
  return isStaffFor(actor, l.regionCode)
    ? allow(`${l.type}.review`, extra(l))
    : deny(`${l.type}.review`, {
        ...extra(l),
        reason: hasRole(actor, 'officer') ? 'error.forbidden_region' : 'error.forbidden',
      });
}

/** Reading or changing a region's publish mode: officers of that region, administrators. */
export function canManageRegionSetting(actor: Actor, regionCode: string, write: boolean): PolicyDecision {
  const action = write ? 'region_setting.update' : 'region_setting.read';
  const ctx = { target: { type: 'region', id: regionCode }, regionCode };
  if (isStaffFor(actor, regionCode)) return allow(action, ctx);
  return deny(action, {
    ...ctx,
    reason: hasRole(actor, 'officer') ? 'error.forbidden_region' : 'error.forbidden',
  });
}
