/**
 * Presenters for profiles, organizations and teams: masked phone numbers, ISO dates, no raw rows.
 * @module
 */
import type { Organization, Profile, Team, TeamInvitation } from '@tianfu/contracts';
import type { MeUser } from '@tianfu/contracts';
import type { OrganizationRow, TeamRow } from './accounts.repository.ts';

/** The own profile (from the `me` user plus the bio). */
export function presentProfile(user: MeUser, bio: string | null): Profile {
  return { ...user, bio };
}

export function presentOrganization(
  org: OrganizationRow,
  myRole: 'owner' | 'admin' | 'member',
): Organization {
  return {
    id: org.id,
    name: org.name,
    uscc: org.uscc,
    orgType: org.orgType,
    regionCode: org.regionCode,
    description: org.description,
    myRole,
    createdAt: org.createdAt.toISOString(),
  };
}

export function presentTeam(
  team: TeamRow,
  members: { userId: string; displayName: string; status: 'invited' | 'active'; joinedAt: Date | null }[],
): Team {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    leadUserId: team.leadId,
    createdAt: team.createdAt.toISOString(),
    members: members.map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      role: m.userId === team.leadId ? 'lead' : 'member',
      status: m.status,
      joinedAt: m.joinedAt ? m.joinedAt.toISOString() : null,
    })),
  };
}

export function presentInvitation(
  inv: { teamId: string; teamName: string; createdAt: Date },
  invitedByName: string | null,
): TeamInvitation {
  return {
    teamId: inv.teamId,
    teamName: inv.teamName,
    invitedByName,
    createdAt: inv.createdAt.toISOString(),
  };
}
