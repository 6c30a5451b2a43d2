/**
 * Who may see the private side of a profile and who may change it. Decisions only; routes
 * enforce them with `authorize` (denials are audited there).
 *
 * - Scientist profile: the owner, or an officer whose region contains the profile (data care for
 *   imported people who have no account), or an administrator.
 * - Team: the lead edits; members, the lead and officers of the region see the detail.
 * - Organization: owners and admin members edit; members and officers of the region see the detail.
 * @module
 */
import { allow, deny, type PolicyDecision } from '../../policy/authorize.ts';
import { isAdmin, type Actor } from '../../policy/actor.ts';
import { canAccessRegion } from '../../policy/region-scope.ts';

interface ScientistRef {
  id: string;
  userId: string | null;
  regionCode: string;
}
interface TeamRef {
  id: string;
  leadId: string;
  regionCode: string | null;
}
interface OrgRef {
  id: string;
  regionCode: string | null;
}

/** An officer of the record's region (or an administrator). */
function isRegionStaff(actor: Actor | null | undefined, regionCode: string | null): boolean {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  return actor.roles.some((r) => r.role === 'officer') && canAccessRegion(actor, regionCode);
}

/** Owner or staff of the region: sees personal fields, drafts and closed profiles. */
export function canSeeScientistDetail(actor: Actor | null | undefined, p: ScientistRef): boolean {
  if (!actor) return false;
  return (p.userId !== null && p.userId === actor.userId) || isRegionStaff(actor, p.regionCode);
}

/**
 * The owner edits freely; an officer edits a profile of their region and may move it only to
 * another region they also act in (never out of their reach into a sibling region's).
 * `newRegionCode` is the canonical region the edit sets, when it sets one.
 */
export function canEditScientist(actor: Actor, p: ScientistRef, newRegionCode?: string): PolicyDecision {
  const extra = { target: { type: 'scientist', id: p.id }, regionCode: p.regionCode };
  if (!canSeeScientistDetail(actor, p)) return deny('scientist.update', extra);
  const owner = p.userId !== null && p.userId === actor.userId;
  if (!owner && newRegionCode !== undefined && !isRegionStaff(actor, newRegionCode))
    return deny('scientist.update', { ...extra, reason: 'error.forbidden_region' });
  return allow('scientist.update', extra);
}

/** Members and the lead see pending invitations and drafts; so do officers of the region. */
export function canSeeTeamDetail(actor: Actor | null | undefined, t: TeamRef, isMember: boolean): boolean {
  if (!actor) return false;
  return t.leadId === actor.userId || isMember || isRegionStaff(actor, t.regionCode);
}

/** Only the lead edits the public team profile (membership has its own routes). */
export function canEditTeam(actor: Actor, t: TeamRef): PolicyDecision {
  const extra = { target: { type: 'team', id: t.id }, regionCode: t.regionCode };
  return t.leadId === actor.userId ? allow('team.profile.update', extra) : deny('team.profile.update', extra);
}

type OrgRole = 'owner' | 'admin' | 'member' | null;

export function canSeeOrganizationDetail(actor: Actor | null | undefined, o: OrgRef, role: OrgRole): boolean {
  if (!actor) return false;
  return role !== null || isRegionStaff(actor, o.regionCode);
}

/** Owners and admin members edit the enterprise profile. */
export function canEditOrganization(actor: Actor, o: OrgRef, role: OrgRole): PolicyDecision {
  const extra = { target: { type: 'organization', id: o.id }, regionCode: o.regionCode };
  return role === 'owner' || role === 'admin'
    ? allow('organization.profile.update', extra)
    : deny('organization.profile.update', extra);
}
