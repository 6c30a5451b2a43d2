/**
 * Presenters: rows → the contracts' public views and owner details. Personal fields (gender,
 * birth year, phone) appear only in details, and the phone only masked.
 * @module
 */
import type {
  OrgClaimItem,
  OrgJoinRequest,
  OrgVerification,
  OrgVerificationStatus,
  OrganizationProfileDetail,
  OrganizationProfileSummary,
  OrganizationProfileView,
  ScientistDetail,
  ScientistSummary,
  ScientistView,
  TeamProfileDetail,
  TeamProfileMember,
  TeamProfileSummary,
  TeamProfileView,
} from '@tianfu/contracts';
import { maskPhone } from '../../http/mask.ts';
import type { ClaimQueueRow, JoinRequestRow } from './org-claims.repository.ts';
import type { ScientistRow } from './scientists.repository.ts';
import type { OrganizationRow, TeamListRow, TeamRow } from './teams-orgs.repository.ts';

export function presentScientistSummary(r: ScientistRow): ScientistSummary {
  return {
    id: r.id,
    name: r.name,
    title: r.title,
    affiliation: r.affiliation,
    education: r.education,
    disciplines: r.disciplines,
    skills: r.skills,
    regionCode: r.regionCode,
    availability: r.availability,
    openCapacity: r.openCapacity,
    remote: r.remote,
    onSiteRadiusKm: r.onSiteRadiusKm,
    ruralExpert: r.ruralExpert,
    verified: r.verified,
    reputation: r.reputation,
    paperCount: r.papers.length,
    patentCount: r.patents.length,
    deliveredServiceCount: r.deliveredServices.length,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentScientist(r: ScientistRow): ScientistView {
  return {
    ...presentScientistSummary(r),
    userId: r.userId,
    orgId: r.orgId,
    bio: r.bio,
    experience: r.experience,
    capacity: r.capacity,
    papers: r.papers,
    patents: r.patents,
    projects: r.projects,
    deliveredServices: r.deliveredServices,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentScientistDetail(
  r: ScientistRow,
  phone: string | null,
  canEdit: boolean,
): ScientistDetail {
  return {
    ...presentScientist(r),
    gender: r.gender,
    birthYear: r.birthYear,
    externalId: r.externalId,
    phoneMasked: phone ? maskPhone(phone) : null,
    canEdit,
  };
}

export function presentTeamSummary(t: TeamListRow): TeamProfileSummary {
  return {
    id: t.team.id,
    name: t.team.name,
    leadName: t.leadName,
    regionCode: t.team.regionCode,
    disciplines: t.team.disciplines,
    capabilities: t.team.capabilities,
    memberCount: t.memberCount,
    updatedAt: t.team.updatedAt.toISOString(),
  };
}

/** Active members only; the lead first. */
export function presentTeam(
  team: TeamRow,
  leadName: string,
  members: (Omit<TeamProfileMember, 'role'> & { status: 'invited' | 'active' })[],
): TeamProfileView {
  const active = members
    .filter((m) => m.status === 'active')
    .map((m): TeamProfileMember => ({
      userId: m.userId,
      displayName: m.displayName,
      role: m.userId === team.leadId ? 'lead' : 'member',
      scientistId: m.scientistId,
      title: m.title,
    }))
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
  return {
    ...presentTeamSummary({ team, leadName, memberCount: active.length }),
    description: team.description,
    leadUserId: team.leadId,
    members: active,
    status: team.status,
    createdAt: team.createdAt.toISOString(),
  };
}

export function presentTeamDetail(
  view: TeamProfileView,
  invitedCount: number,
  canEdit: boolean,
): TeamProfileDetail {
  return { ...view, invitedCount, canEdit };
}

export function presentOrganizationSummary(
  o: OrganizationRow,
  verificationStatus: OrgVerificationStatus,
): OrganizationProfileSummary {
  return {
    id: o.id,
    name: o.name,
    orgType: o.orgType,
    regionCode: o.regionCode,
    industrySection: o.industrySection,
    industryDivision: o.industryDivision,
    sizeClass: o.sizeClass,
    verificationStatus,
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function presentOrganization(
  o: OrganizationRow,
  verificationStatus: OrgVerificationStatus,
): OrganizationProfileView {
  return {
    ...presentOrganizationSummary(o, verificationStatus),
    uscc: o.uscc,
    description: o.description,
    employees: o.employees,
    createdAt: o.createdAt.toISOString(),
  };
}

export function presentOrganizationDetail(
  o: OrganizationRow,
  d: {
    myRole: 'owner' | 'admin' | 'member' | null;
    memberCount: number;
    canEdit: boolean;
    verification: OrgVerification;
    pendingJoinRequests: number;
  },
): OrganizationProfileDetail {
  return {
    ...presentOrganization(o, d.verification.status),
    ownerId: o.ownerId,
    externalId: o.externalId,
    ...d,
  };
}

export function presentClaimItem(r: ClaimQueueRow, ownOrganization: boolean): OrgClaimItem {
  return {
    orgId: r.org.id,
    orgName: r.org.name,
    uscc: r.org.uscc,
    orgType: r.org.orgType,
    regionCode: r.org.regionCode,
    status: r.claim.status,
    claimantName: r.claimantName,
    claimantPhoneMasked: r.claimantPhone ? maskPhone(r.claimantPhone) : null,
    reason: r.claim.reason,
    submittedAt: r.claim.submittedAt.toISOString(),
    decidedAt: r.claim.decidedAt ? r.claim.decidedAt.toISOString() : null,
    ownOrganization,
    handover: r.claim.status === 'pending' && r.claim.claimantId !== null && !r.claimantIsOwner,
  };
}

export function presentJoinRequest(r: JoinRequestRow): OrgJoinRequest {
  return {
    id: r.request.id,
    orgId: r.request.orgId,
    orgName: r.orgName,
    userName: r.userName,
    status: r.request.status,
    message: r.request.message,
    createdAt: r.request.createdAt.toISOString(),
    decidedAt: r.request.decidedAt ? r.request.decidedAt.toISOString() : null,
  };
}
