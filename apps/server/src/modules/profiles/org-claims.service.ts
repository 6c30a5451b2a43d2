/**
 * Organization claims and join requests. A new organization starts with a `pending` claim by the
 * account that registered it; that account acts for it at once (its listings show it unverified)
 * while an officer of its region checks the claim (business licence, a call back) and verifies
 * or rejects it with a reason. A rejected claim can be submitted again. Someone who finds the
 * USCC already claimed asks to join; the owner (or an admin member) answers.
 * @module
 */
import type { OrgClaimDecision, OrgVerification } from '@tianfu/contracts';
import type { Db, OrganizationClaimRow } from '@tianfu/db';
import { AppError } from '../../errors/app-error.ts';
import { accountsRepository } from '../accounts/accounts.repository.ts';
import { isUniqueViolation } from './profiles.shared.ts';
import { orgClaimsRepository } from './org-claims.repository.ts';

/** The claim as the organization's profile shows it; `reason` only for members and officers. */
export function verificationOf(
  claim: OrganizationClaimRow | undefined,
  withReason: boolean,
): OrgVerification {
  if (!claim) return { status: 'unverified', reason: null, submittedAt: null, decidedAt: null };
  return {
    status: claim.status,
    reason: withReason ? claim.reason : null,
    submittedAt: claim.submittedAt.toISOString(),
    decidedAt: claim.decidedAt ? claim.decidedAt.toISOString() : null,
  };
}

export function orgClaimsService(deps: { db: Db; now: () => Date }) {
  const repo = orgClaimsRepository(deps.db);
  const accounts = accountsRepository(deps.db);
  return {
    repo,
    /** The owner submits the claim of a never-claimed organization, or again after a rejection. */
    async submit(orgId: string, claimantId: string): Promise<OrganizationClaimRow> {
      const current = await repo.claimOf(orgId);
      if (current && current.status !== 'rejected') throw new AppError('org_claim.not_submittable', 409);
      return deps.db.orm.transaction((tx) => repo.submit(tx, orgId, claimantId, deps.now()));
    },
    /**
     * Someone claims an organization that is on the platform but that nobody acts for (an officer
     * imported it): the claim waits for an officer; verified, the claimant becomes the owner.
     * 404 for an unknown code, 409 when it has an owner (ask to join) or a claim is pending or
     * verified (a rejected one may be claimed again, by anyone).
     */
    async claimUnowned(uscc: string, claimantId: string) {
      const org = await accounts.orgByUscc(uscc);
      if (!org)
        throw new AppError('org_claim.uscc_unknown', 404, { fields: { uscc: 'org_claim.uscc_unknown' } });
      if (await repo.hasManager(org.id)) throw new AppError('org_claim.has_owner', 409);
      const current = await repo.claimOf(org.id);
      if (current && current.status !== 'rejected') throw new AppError('org_claim.not_submittable', 409);
      const claim = await deps.db.orm.transaction((tx) => repo.submit(tx, org.id, claimantId, deps.now()));
      return { org, claim };
    },
    /**
     * Verifies or rejects a pending claim, telling the claimant in the app; 409 when it was decided
     * meanwhile or never submitted.
     */
    async decide(
      org: { id: string; name: string },
      input: OrgClaimDecision,
      officerId: string,
    ): Promise<OrganizationClaimRow> {
      const row = await deps.db.orm.transaction(async (tx) => {
        const decided = await repo.decide(tx, org.id, {
          status: input.decision === 'verify' ? 'verified' : 'rejected',
          reason: input.decision === 'reject' ? (input.reason ?? null) : null,
          decidedBy: officerId,
          now: deps.now(),
        });
        // A claimant who does not act for the organization yet (it was imported) takes it over.
        if (decided?.status === 'verified' && decided.claimantId) {
          if (!(await repo.isOwner(tx, org.id, decided.claimantId)))
            await repo.makeOwner(tx, org.id, decided.claimantId, deps.now());
        }
        if (decided?.claimantId) {
          await repo.notify(tx, {
            userId: decided.claimantId,
            type: `org_claim.${decided.status}`,
            params: { name: org.name, reason: decided.reason ?? '' },
            link: `/publish/enterprise/${org.id}`,
            key: `org_claim:${org.id}:${decided.decidedAt!.toISOString()}`,
          });
        }
        return decided;
      });
      if (!row) throw new AppError('org_claim.not_pending', 409);
      return row;
    },
    /** Asks to join the organization registered under `uscc`; its owner and admins are notified. */
    async requestJoin(userId: string, uscc: string, message: string | null) {
      const org = await accounts.orgByUscc(uscc);
      if (!org)
        throw new AppError('org_join.uscc_unknown', 404, { fields: { uscc: 'org_join.uscc_unknown' } });
      if (await accounts.membership(org.id, userId)) throw new AppError('org_join.already_member', 409);
      // Nobody would answer: an organization without an owner is claimed, not joined.
      if (!(await repo.hasManager(org.id)))
        throw new AppError('org.uscc_unclaimed', 409, { params: { name: org.name } });
      let request;
      try {
        request = await repo.insertJoinRequest({ orgId: org.id, userId, message, now: deps.now() });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('org_join.pending_exists', 409);
        throw err;
      }
      // The owner and admins hear of it in the app.
      const [full] = await repo.joinRequests(repo.byId(request.id));
      for (const managerId of await repo.managers(org.id)) {
        await repo.notify(deps.db.orm, {
          userId: managerId,
          type: 'org_join.requested',
          params: { name: org.name, user: full?.userName ?? '' },
          link: `/publish/enterprise/${org.id}`,
          key: `org_join:${request.id}:requested:${managerId}`,
        });
      }
      return { org, request };
    },
    /** Accepts (a membership) or declines a pending request, telling the requester in the app. */
    async decideJoin(id: string, accept: boolean, decidedBy: string, org: { id: string; name: string }) {
      const row = await repo.decideJoinRequest(id, {
        status: accept ? 'accepted' : 'declined',
        decidedBy,
        now: deps.now(),
      });
      if (!row) throw new AppError('org_join.not_pending', 409);
      await repo.notify(deps.db.orm, {
        userId: row.userId,
        type: `org_join.${row.status}`,
        params: { name: org.name },
        link: accept ? `/enterprises/${org.id}` : '/publish/enterprise/new',
        key: `org_join:${row.id}:${row.status}`,
      });
      return row;
    },
  };
}
export type OrgClaimsService = ReturnType<typeof orgClaimsService>;
