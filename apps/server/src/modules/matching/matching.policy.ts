/**
 * Who may see what in search and matching.
 * - search: everyone (public views only);
 * - a need's recommendations: its author, the managers of its organization, officers of its
 *   region, administrators;
 * - a scientist's / team's / capability's / result's recommendations: the people behind it (the
 *   scientist, the team lead, the listing's author or owner), managers of the owning
 *   organization, officers of its region, administrators;
 * - feedback, saved searches, notifications: any signed-in user, on their own records;
 * - the outcome-log export: administrators.
 * @module
 */
import { hasRole, isAdmin, type Actor } from '../../policy/actor.ts';
import { allow, deny, type PolicyDecision } from '../../policy/authorize.ts';
import { canAccessRegion } from '../../policy/region-scope.ts';

/** What the policy needs to know about the subject of a recommendation list. */
export interface MatchSubject {
  kind: string;
  id: string;
  regionCode: string | null;
  /** People who own it (scientist's account, author, team lead). */
  people: string[];
  /** True when the actor manages the organization behind it (resolved by the service). */
  actorManagesOrg: boolean;
}

/** May `actor` see the recommendations of this subject? */
export function canViewMatches(actor: Actor | null, subject: MatchSubject): PolicyDecision {
  const action = 'matching.matches.view';
  const target = { type: subject.kind, id: subject.id };
  if (!actor) return deny(action, { target });
  if (subject.people.includes(actor.userId) || subject.actorManagesOrg) return allow(action, { target });
  if (isAdmin(actor)) return allow(action, { target });
  if (hasRole(actor, 'officer') && canAccessRegion(actor, subject.regionCode))
    return allow(action, { target, regionCode: subject.regionCode });
  return deny(action, {
    target,
    regionCode: subject.regionCode,
    reason: hasRole(actor, 'officer') ? 'error.forbidden_region' : undefined,
  });
}

/** Exporting the outcome log (training data across every user): administrators only. */
export function canExportOutcomes(actor: Actor | null): PolicyDecision {
  return isAdmin(actor) ? allow('matching.outcomes.export') : deny('matching.outcomes.export');
}

/** A saved search or notification: its owner only. */
export function canUseOwnRecord(
  actor: Actor | null,
  action: string,
  record: { userId: string; id: string; type: string },
): PolicyDecision {
  const target = { type: record.type, id: record.id };
  return actor && actor.userId === record.userId ? allow(action, { target }) : deny(action, { target });
}
