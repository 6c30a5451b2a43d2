/**
 * Team and enterprise profiles. Each write runs in one transaction with its `listing_versions` row.
 * Industry rule: an organization's GB/T 4754 section is its division's section; a division alone
 * sets the section, a section that contradicts the stored division is refused.
 * @module
 */
import {
  industrySection,
  type OrganizationProfileCreate,
  type OrganizationProfilePatch,
  type TeamProfileCreate,
  type TeamProfilePatch,
} from '@tianfu/contracts';
import type { Db, organizations, teams } from '@tianfu/db';
import { AppError } from '../../errors/app-error.ts';
import { parseUsccRegion } from '../accounts/region-helpers.ts';
import { accountsRepository } from '../accounts/accounts.repository.ts';
import { isUniqueViolation, knownRegion, uniq } from './profiles.shared.ts';
import {
  organizationsRepository,
  teamsRepository,
  type OrganizationRow,
  type TeamRow,
} from './teams-orgs.repository.ts';
import { appendVersion } from './versions.repository.ts';
import { orgClaimsRepository } from './org-claims.repository.ts';

export function teamSnapshot(t: TeamRow): Record<string, unknown> {
  return {
    name: t.name,
    description: t.description,
    regionCode: t.regionCode,
    disciplines: t.disciplines,
    capabilities: t.capabilities,
    status: t.status,
  };
}

export function organizationSnapshot(o: OrganizationRow): Record<string, unknown> {
  return {
    name: o.name,
    orgType: o.orgType,
    regionCode: o.regionCode,
    description: o.description,
    industrySection: o.industrySection,
    industryDivision: o.industryDivision,
    sizeClass: o.sizeClass,
    employees: o.employees,
  };
}

function teamColumns(input: TeamProfilePatch): Partial<typeof teams.$inferInsert> {
  const v: Partial<typeof teams.$inferInsert> = {};
  if (input.name !== undefined) v.name = input.name;
  if (input.description !== undefined) v.description = input.description;
  if (input.status !== undefined) v.status = input.status;
  if (input.regionCode !== undefined)
    v.regionCode = input.regionCode === null ? null : knownRegion(input.regionCode, 'regionCode');
  if (input.disciplines !== undefined) v.disciplines = uniq(input.disciplines);
  if (input.capabilities !== undefined) v.capabilities = uniq(input.capabilities);
  return v;
}

/** Section and division after a patch, checked against each other. */
function industries(
  current: { industrySection: string | null; industryDivision: string | null },
  input: { industrySection?: string | null; industryDivision?: string | null },
): { industrySection: string | null; industryDivision: string | null } {
  let section = current.industrySection;
  let division = current.industryDivision;
  if (input.industrySection !== undefined) {
    section = input.industrySection;
    // Clearing the section alone clears the division under it too.
    if (section === null && input.industryDivision === undefined) division = null;
  }
  if (input.industryDivision !== undefined) {
    division = input.industryDivision;
    // A division without an explicit section brings its own.
    if (division && input.industrySection == null) section = industrySection(division)?.code ?? null;
  }
  if (division && industrySection(division)?.code !== section) {
    const field = input.industrySection !== undefined ? 'industrySection' : 'industryDivision';
    throw new AppError('error.validation', 400, { fields: { [field]: 'validation.industry_mismatch' } });
  }
  return { industrySection: section, industryDivision: division };
}

export function teamsService(deps: { db: Db; now: () => Date }) {
  const repo = teamsRepository(deps.db);
  return {
    /** A new team with the caller as lead, its profile filled in at once. */
    async create(leadId: string, leadRegion: string | null, input: TeamProfileCreate): Promise<TeamRow> {
      const v = teamColumns(input);
      return deps.db.orm.transaction(async (tx) => {
        const team = await repo.insert(
          tx,
          { ...v, name: input.name, leadId, regionCode: v.regionCode ?? leadRegion },
          deps.now(),
        );
        await appendVersion(tx, 'team', team.id, teamSnapshot(team), leadId);
        return team;
      });
    },
    async update(current: TeamRow, patch: TeamProfilePatch, changedBy: string): Promise<TeamRow> {
      const v = teamColumns(patch);
      return deps.db.orm.transaction(async (tx) => {
        const team = await repo.update(tx, current.id, { ...v, updatedAt: deps.now() });
        if (!team) throw new AppError('team.not_found', 404);
        await appendVersion(tx, 'team', team.id, teamSnapshot(team), changedBy);
        return team;
      });
    },
  };
}

export function organizationsService(deps: { db: Db; now: () => Date }) {
  const repo = organizationsRepository(deps.db);
  const accounts = accountsRepository(deps.db);
  const claims = orgClaimsRepository(deps.db);
  // The code is public (printed on the licence); naming the claimant organization lets the
  // second person recognise it and ask to join instead.
  // An organization nobody acts for (an officer imported it) is claimed rather than joined.
  const usccTaken = async (uscc: string) => {
    const org = await accounts.orgByUscc(uscc);
    const code = org && !(await claims.hasManager(org.id)) ? 'org.uscc_unclaimed' : 'org.uscc_claimed';
    return new AppError(code, 409, { params: { name: org?.name ?? uscc }, fields: { uscc: code } });
  };
  return {
    /**
     * Registers an organization with its profile; the caller becomes its owner and its claim
     * waits for an officer of the region (`pending`).
     */
    async create(ownerId: string, input: OrganizationProfileCreate): Promise<OrganizationRow> {
      if (await accounts.orgByUscc(input.uscc)) throw await usccTaken(input.uscc);
      const regionCode = input.regionCode
        ? knownRegion(input.regionCode, 'regionCode')
        : parseUsccRegion(input.uscc);
      const ind = industries({ industrySection: null, industryDivision: null }, input);
      try {
        return await deps.db.orm.transaction(async (tx) => {
          const org = await repo.insert(tx, {
            uscc: input.uscc,
            name: input.name,
            orgType: input.orgType ?? 'enterprise',
            regionCode,
            description: input.description ?? null,
            ownerId,
            ...ind,
            sizeClass: input.sizeClass ?? null,
            employees: input.employees ?? null,
          });
          await appendVersion(tx, 'organization', org.id, organizationSnapshot(org), ownerId);
          await claims.submit(tx, org.id, ownerId, deps.now());
          return org;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw await usccTaken(input.uscc);
        throw err;
      }
    },
    async update(current: OrganizationRow, patch: OrganizationProfilePatch, changedBy: string) {
      const v: Partial<typeof organizations.$inferInsert> = { updatedAt: deps.now() };
      if (patch.name !== undefined) v.name = patch.name;
      if (patch.orgType !== undefined) v.orgType = patch.orgType;
      if (patch.description !== undefined) v.description = patch.description;
      if (patch.sizeClass !== undefined) v.sizeClass = patch.sizeClass;
      if (patch.employees !== undefined) v.employees = patch.employees;
      if (patch.regionCode !== undefined) v.regionCode = knownRegion(patch.regionCode, 'regionCode');
      if (patch.industrySection !== undefined || patch.industryDivision !== undefined) {
        Object.assign(v, industries(current, patch));
      }
      return deps.db.orm.transaction(async (tx) => {
        const org = await repo.update(tx, current.id, v);
        if (!org) throw new AppError('org.not_found', 404);
        await appendVersion(tx, 'organization', org.id, organizationSnapshot(org), changedBy);
        return org;
      });
    },
  };
}
