/**
 * Who may change organizations and teams. Decisions only; routes enforce them with `authorize`.
 * @module
 */
import { allow, deny, type PolicyDecision } from '../../policy/authorize.ts';
import type { Actor } from '../../policy/actor.ts';

/** Organization owners and admins may edit it; plain members and outsiders may not. */
export function canEditOrganization(
  actor: Actor,
  org: { id: string; regionCode: string | null },
  membership: { role: string } | undefined,
): PolicyDecision {
  const extra = { target: { type: 'organization', id: org.id }, regionCode: org.regionCode };
  return membership && (membership.role === 'owner' || membership.role === 'admin')
    ? allow('org.update', extra)
    : deny('org.update', extra);
}

/** Only the team's lead invites members. */
export function canInviteToTeam(
  actor: Actor,
  team: { id: string; leadId: string; regionCode: string | null },
): PolicyDecision {
  const extra = { target: { type: 'team', id: team.id }, regionCode: team.regionCode };
  return team.leadId === actor.userId ? allow('team.invite', extra) : deny('team.invite', extra);
}
