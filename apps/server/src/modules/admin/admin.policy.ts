/**
 * Who may do what in the administration API.
 * - administrators: everything;
 * - officers: list and view users whose region lies in their region subtree (read-only);
 * - everyone else: nothing.
 * @module
 */
import { hasRole, isAdmin, type Actor } from '../../policy/actor.ts';
import { allow, deny, type PolicyDecision } from '../../policy/authorize.ts';
import { canAccessRegion } from '../../policy/region-scope.ts';

/** The part of a user record the policies look at. */
export interface PolicyUser {
  id: string;
  regionCode: string | null;
}

const target = (user: PolicyUser) => ({ type: 'user', id: user.id });

/** May `actor` search users, optionally narrowed to `regionCode`? */
export function canListUsers(actor: Actor | null, regionCode?: string): PolicyDecision {
  const action = 'admin.users.list';
  if (isAdmin(actor)) return allow(action);
  if (!hasRole(actor, 'officer')) return deny(action);
  // Asking for a region outside one's subtree is refused, not silently emptied.
  if (regionCode && !canAccessRegion(actor, regionCode)) {
    return deny(action, {
      regionCode,
      reason: 'error.forbidden_region',
      target: { type: 'region', id: regionCode },
    });
  }
  return allow(action);
}

/** Staff at all? Checked before loading a user so strangers cannot probe which ids exist. */
export function canUseAdminArea(actor: Actor | null, action: string): PolicyDecision {
  return isAdmin(actor) || hasRole(actor, 'officer') ? allow(action) : deny(action);
}

/** May `actor` see this user's administrative record? */
export function canViewUser(actor: Actor | null, user: PolicyUser): PolicyDecision {
  const action = 'admin.users.view';
  if (isAdmin(actor)) return allow(action, { target: target(user) });
  if (hasRole(actor, 'officer') && canAccessRegion(actor, user.regionCode))
    return allow(action, { target: target(user) });
  return deny(action, {
    target: target(user),
    regionCode: user.regionCode,
    reason: hasRole(actor, 'officer') ? 'error.forbidden_region' : undefined,
  });
}

/** Granting and revoking staff roles: administrators only. */
export function canManageRoles(actor: Actor | null, userId: string): PolicyDecision {
  const action = 'admin.roles.manage';
  return isAdmin(actor) ? allow(action) : deny(action, { target: { type: 'user', id: userId } });
}

/** Disabling and enabling accounts: administrators only. */
export function canChangeStatus(actor: Actor | null, userId: string): PolicyDecision {
  const action = 'admin.users.status';
  return isAdmin(actor) ? allow(action) : deny(action, { target: { type: 'user', id: userId } });
}
