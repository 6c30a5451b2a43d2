/**
 * Profiles, organizations and teams. The acting user always comes from the session; ids in
 * paths are checked against memberships (see accounts.policy.ts) by the routes.
 * @module
 */
import { canonicalRegionCode, getRegion, parseUsccRegion } from './region-helpers.ts';
import type { OrganizationCreate, OrganizationPatch, ProfilePatch, TeamCreate } from '@tianfu/contracts';
import { AppError } from '../../errors/app-error.ts';
import type { AuthContext } from '../auth/auth.context.ts';
import { authRepository } from '../auth/auth.repository.ts';
import { accountsRepository } from './accounts.repository.ts';

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** A region code from input, canonical, known; throws a 400 on `field` otherwise. */
function knownRegion(code: string, field: string): string {
  const canonical = canonicalRegionCode(code);
  if (!canonical || !getRegion(canonical)) {
    throw new AppError('account.region_unknown', 400, { fields: { [field]: 'account.region_unknown' } });
  }
  return canonical;
}

/** Account services. */
export function accountsService(ctx: AuthContext) {
  const repo = accountsRepository(ctx.db);
  const users = authRepository(ctx.db);
  return {
    async updateProfile(userId: string, patch: ProfilePatch): Promise<void> {
      const values: Parameters<typeof repo.updateUser>[1] = {};
      if (patch.displayName !== undefined) values.displayName = patch.displayName;
      if (patch.email !== undefined) values.email = patch.email;
      if (patch.bio !== undefined) values.bio = patch.bio;
      if (patch.regionCode !== undefined)
        values.regionCode = patch.regionCode === null ? null : knownRegion(patch.regionCode, 'regionCode');
      if (Object.keys(values).length === 0) return;
      try {
        await repo.updateUser(userId, values);
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('account.email_taken', 409, { fields: { email: 'account.email_taken' } });
        throw err;
      }
    },

    async createOrganization(userId: string, input: OrganizationCreate) {
      if (await repo.orgByUscc(input.uscc))
        throw new AppError('org.uscc_taken', 409, { fields: { uscc: 'org.uscc_taken' } });
      // Characters 3–8 of a USCC are the registering authority's region: the default location.
      const regionCode = input.regionCode
        ? knownRegion(input.regionCode, 'regionCode')
        : parseUsccRegion(input.uscc);
      try {
        return await repo.createOrg({
          uscc: input.uscc,
          name: input.name,
          orgType: input.orgType,
          regionCode,
          description: input.description ?? null,
          ownerId: userId,
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('org.uscc_taken', 409, { fields: { uscc: 'org.uscc_taken' } });
        throw err;
      }
    },
    async updateOrganization(orgId: string, patch: OrganizationPatch): Promise<void> {
      const values: Parameters<typeof repo.updateOrg>[1] = {};
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.orgType !== undefined) values.orgType = patch.orgType;
      if (patch.description !== undefined) values.description = patch.description;
      if (patch.regionCode) values.regionCode = knownRegion(patch.regionCode, 'regionCode');
      if (Object.keys(values).length > 0) await repo.updateOrg(orgId, values);
    },

    async createTeam(userId: string, input: TeamCreate) {
      const lead = await users.userById(userId);
      return repo.createTeam(
        {
          name: input.name,
          description: input.description ?? null,
          leadId: userId,
          regionCode: lead?.regionCode ?? null,
        },
        ctx.now(),
      );
    },
    /** Invites a registered user by phone; refuses unknown numbers and existing members. */
    async invite(teamId: string, leadId: string, phone: string): Promise<void> {
      const invitee = await users.userByPhone(phone);
      if (!invitee || invitee.status !== 'active') {
        throw new AppError('team.invitee_not_found', 404, { fields: { phone: 'team.invitee_not_found' } });
      }
      if (await repo.teamMembership(teamId, invitee.id)) throw new AppError('team.already_member', 409);
      try {
        await repo.invite(teamId, invitee.id, leadId);
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('team.already_member', 409);
        throw err;
      }
    },
    async accept(teamId: string, userId: string): Promise<void> {
      if (!(await repo.acceptInvitation(teamId, userId, ctx.now())))
        throw new AppError('team.invitation_not_found', 404);
    },
    async decline(teamId: string, userId: string): Promise<void> {
      if (!(await repo.declineInvitation(teamId, userId)))
        throw new AppError('team.invitation_not_found', 404);
    },
  };
}
