/**
 * Maps the generator's people and enterprises onto rows: scientist profiles (most without an
 * account), teams with their members, enterprises (organizations of type enterprise) with an owner
 * account each. Team leads and members get an account without phone or password (a team is led by
 * an account); such an account cannot sign in until its person registers and claims it.
 * @module
 */
import type { DemoEducation, DemoEnterprise, DemoScientist, DemoTeam } from '../demo/demo.types.ts';
import type {
  EducationLevel,
  organizations,
  orgMembers,
  scientistProfiles,
  teamMembers,
  teams,
  users,
} from '../../schema/index.ts';
import { bucket, demoUuid } from './ids.ts';
import { profileTimes } from './lifecycle.ts';

export type UserRow = typeof users.$inferInsert;
export type OrganizationRow = typeof organizations.$inferInsert;
export type OrgMemberRow = typeof orgMembers.$inferInsert;
export type ScientistRow = typeof scientistProfiles.$inferInsert;
export type TeamRow = typeof teams.$inferInsert;
export type TeamMemberRow = typeof teamMembers.$inferInsert;

const EDUCATION: Record<DemoEducation, EducationLevel> = {
  博士: 'doctorate',
  硕士: 'master',
  本科: 'bachelor',
  大专: 'college',
  中专: 'technical_secondary',
  高中: 'high_school',
  初中: 'middle_school',
};

/** The account id of a demo person or enterprise owner (whether or not it can sign in). */
export const userIdOf = (demoId: string): string => demoUuid(`user:${demoId}`);

/** An account row that cannot sign in (no phone, no password). */
export function placeholderUser(
  demoId: string,
  displayName: string,
  kind: UserRow['kind'],
  regionCode: string,
  now: Date,
): UserRow {
  return {
    id: userIdOf(demoId),
    displayName: displayName.slice(0, 100),
    kind,
    regionCode,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * 0–1: grows with papers, patents (counted double) and services delivered, plus a little spread,
 * so experienced people rank a bit higher (the engine gives it a small weight).
 */
export function reputationOf(s: DemoScientist): number {
  const record = s.papers.length + 2 * s.patents.length + s.deliveredServices.length;
  const value = 0.35 + Math.min(0.45, record / 40) + bucket(`${s.id}:rep`, 20) / 100;
  return Math.round(Math.min(1, value) * 100) / 100;
}

function openCapacity(s: DemoScientist): number {
  if (s.availability === 'busy') return 0;
  if (s.availability === 'limited') return Math.max(0, s.capacity - 1);
  return s.capacity;
}

/** A published scientist profile; `userId` is set for the people who have an account. */
export function scientistRow(s: DemoScientist, userId: string | null, now: Date): ScientistRow {
  const verifiedShare = s.ruralExpert ? 50 : 70;
  return {
    id: demoUuid(s.id),
    userId,
    externalId: s.id,
    name: s.name,
    gender: s.gender,
    birthYear: s.birthYear,
    education: EDUCATION[s.education],
    title: s.title,
    affiliation: s.affiliation.slice(0, 120),
    disciplines: s.disciplines,
    skills: s.skills,
    bio: s.bio,
    experience: s.experience,
    regionCode: s.regionCode,
    availability: s.availability,
    capacity: s.capacity,
    openCapacity: openCapacity(s),
    onSiteRadiusKm: s.onSiteRadiusKm,
    remote: s.remote,
    ruralExpert: s.ruralExpert,
    papers: s.papers,
    patents: s.patents,
    projects: s.projects,
    deliveredServices: s.deliveredServices,
    verified: bucket(`${s.id}:verified`, 100) < verifiedShare,
    reputation: reputationOf(s),
    status: 'published',
    ...profileTimes(s.id, now),
  };
}

/** A team row (its lead and members are accounts) and its member rows (lead first, all but a few active). */
export function teamRows(t: DemoTeam, now: Date): { team: TeamRow; members: TeamMemberRow[] } {
  const id = demoUuid(t.id);
  const times = profileTimes(t.id, now);
  const leadId = userIdOf(t.leadId);
  // Every fifth team still has an invitation out, so the accept step has something to show.
  const pendingLast = bucket(`${t.id}:invite`, 5) === 0 && t.memberIds.length > 1;
  const members: TeamMemberRow[] = [
    { teamId: id, userId: leadId, status: 'active', joinedAt: times.createdAt, createdAt: times.createdAt },
    ...t.memberIds.map((m, i): TeamMemberRow => {
      const pending = pendingLast && i === t.memberIds.length - 1;
      return {
        teamId: id,
        userId: userIdOf(m),
        status: pending ? 'invited' : 'active',
        invitedBy: leadId,
        joinedAt: pending ? null : times.createdAt,
        createdAt: times.createdAt,
      };
    }),
  ];
  return {
    team: {
      id,
      name: t.name.slice(0, 200),
      leadId,
      regionCode: t.regionCode,
      description: t.description,
      disciplines: t.disciplines,
      capabilities: t.capabilities,
      status: 'published',
      ...times,
    },
    members,
  };
}

/** An enterprise and its owner's membership row. */
export function enterpriseRows(e: DemoEnterprise, now: Date): { org: OrganizationRow; owner: OrgMemberRow } {
  const id = demoUuid(e.id);
  const ownerId = userIdOf(e.id);
  const times = profileTimes(e.id, now);
  return {
    org: {
      id,
      uscc: e.uscc,
      name: e.name.slice(0, 200),
      orgType: 'enterprise',
      regionCode: e.regionCode,
      description: e.description,
      ownerId,
      industrySection: e.industrySection,
      industryDivision: e.industryDivision,
      sizeClass: e.sizeClass,
      employees: e.employees,
      externalId: e.id,
      ...times,
    },
    owner: { orgId: id, userId: ownerId, role: 'owner', createdAt: times.createdAt },
  };
}
