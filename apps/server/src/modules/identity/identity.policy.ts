/**
 * Who may review real-name submissions: an officer whose region subtree contains the person's
 * region, or an administrator. Nobody reviews their own submission.
 * @module
 */
import { allow, deny, type PolicyDecision } from '../../policy/authorize.ts';
import { hasRole, isAdmin, type Actor } from '../../policy/actor.ts';
import { canAccessRegion } from '../../policy/region-scope.ts';

/** May `actor` verify or reject the submission of `person` located in `regionCode`? */
export function canReviewIdentity(
  actor: Actor | null,
  person: { userId: string; regionCode: string | null },
  action: 'identity.verify' | 'identity.reject',
): PolicyDecision {
  const extra = { target: { type: 'user', id: person.userId }, regionCode: person.regionCode };
  if (!actor) return deny(action, extra);
  if (actor.userId === person.userId) return deny(action, extra);
  const staff = isAdmin(actor) || hasRole(actor, 'officer');
  return staff && canAccessRegion(actor, person.regionCode)
    ? allow(action, extra)
    : deny(action, { ...extra, reason: staff ? 'error.forbidden_region' : 'error.forbidden' });
}

/** May `actor` list submissions for review (officers and administrators)? */
export function canListIdentities(actor: Actor | null): PolicyDecision {
  return actor && (isAdmin(actor) || hasRole(actor, 'officer'))
    ? allow('identity.list')
    : deny('identity.list');
}
