/**
 * Who settles an organization's claim and who answers its join requests. Decisions only; routes
 * enforce them with `authorize` (denials are audited there).
 *
 * - Verifying or rejecting a claim: an officer whose region contains the organization, or an
 *   administrator — never someone who belongs to the organization (no vouching for oneself).
 * - Reading the claim queue: officers and administrators (the rows are limited to their regions).
 * - Submitting a claim (again): the organization's owner. Claiming an organization nobody acts for
 *   (an officer imported it): anyone signed in — and then nobody decides their own claim.
 * - Accepting or declining a join request: the organization's owner or admin members.
 * @module
 */
import { allow, deny, type PolicyDecision } from '../../policy/authorize.ts';
import { hasRole, isAdmin, type Actor } from '../../policy/actor.ts';
import { canAccessRegion } from '../../policy/region-scope.ts';

interface OrgRef {
  id: string;
  regionCode: string;
}
type OrgRole = 'owner' | 'admin' | 'member' | null;

const target = (o: OrgRef) => ({ target: { type: 'organization', id: o.id }, regionCode: o.regionCode });

export function canReadClaimQueue(actor: Actor): PolicyDecision {
  return hasRole(actor, 'officer') || isAdmin(actor) ? allow('org_claim.queue') : deny('org_claim.queue');
}

/**
 * `role` is the deciding actor's own role in the organization (null when not a member);
 * `claimantId` the person whose claim it is.
 */
export function canDecideClaim(
  actor: Actor,
  o: OrgRef,
  role: OrgRole,
  claimantId: string | null = null,
): PolicyDecision {
  const action = 'org_claim.decide';
  if (role !== null || (claimantId !== null && claimantId === actor.userId))
    return deny(action, { ...target(o), reason: 'org_claim.own_organization' });
  if (isAdmin(actor) || (hasRole(actor, 'officer') && canAccessRegion(actor, o.regionCode)))
    return allow(action, target(o));
  return deny(action, {
    ...target(o),
    reason: hasRole(actor, 'officer') ? 'error.forbidden_region' : 'error.forbidden',
  });
}

export function canSubmitClaim(o: OrgRef, role: OrgRole): PolicyDecision {
  return role === 'owner' ? allow('org_claim.submit', target(o)) : deny('org_claim.submit', target(o));
}

export function canManageJoinRequests(o: OrgRef, role: OrgRole): PolicyDecision {
  return role === 'owner' || role === 'admin'
    ? allow('org_join_request.decide', target(o))
    : deny('org_join_request.decide', target(o));
}

/** Claiming an organization that has no owner: anyone signed in (the officer's check follows). */
export function canClaimUnowned(actor: Actor): PolicyDecision {
  return actor.userId ? allow('org_claim.claim') : deny('org_claim.claim');
}
