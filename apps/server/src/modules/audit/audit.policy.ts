/**
 * Who may read the audit log: administrators (everything) and officers (their region subtree;
 * the scope itself is applied in the query by audit.service).
 * @module
 */
import type { Actor } from '../../policy/actor.ts';
import { hasRole, isAdmin } from '../../policy/actor.ts';
import { allow, deny, type PolicyDecision } from '../../policy/authorize.ts';
import { canAccessRegion } from '../../policy/region-scope.ts';

/** May `actor` search the audit log, optionally narrowed to `regionCode`? */
export function canSearchAudit(actor: Actor | null, regionCode?: string): PolicyDecision {
  const action = 'audit.search';
  if (!actor) return deny(action);
  if (isAdmin(actor)) return allow(action);
  if (!hasRole(actor, 'officer')) return deny(action);
  // An officer asking for a region outside their subtree is refused (not silently emptied).
  if (regionCode && !canAccessRegion(actor, regionCode)) {
    return deny(action, {
      regionCode,
      reason: 'error.forbidden_region',
      target: { type: 'region', id: regionCode },
    });
  }
  return allow(action);
}
