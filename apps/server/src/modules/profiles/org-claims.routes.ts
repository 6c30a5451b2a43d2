/**
 * Organization claims and join requests (contracts `catalog/org-claims.ts`):
 * `POST /api/organizations/{id}/claim`, `GET /api/org-claims`, `POST /api/org-claims` (an
 * organization nobody acts for), `POST /api/org-claims/{orgId}`,
 * `POST /api/org-join-requests`, `GET /api/org-join-requests/mine`,
 * `GET /api/organizations/{id}/join-requests`, `POST /api/org-join-requests/{id}`.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CatalogIdParams,
  OrgClaimCreate,
  OrgClaimDecision,
  OrgClaimParams,
  OrgClaimQueueQuery,
  OrgClaimQueueResponse,
  OrgJoinRequest,
  OrgJoinRequestCreate,
  OrgJoinRequestDecision,
  OrgJoinRequestList,
  OrgVerification,
} from '@tianfu/contracts';
import { regionPrefix } from '@tianfu/db';
import { AppError } from '../../errors/app-error.ts';
import { authorize, requireActor } from '../../policy/authorize.ts';
import { regionScopeOf } from '../../policy/region-scope.ts';
import { accountsRepository } from '../accounts/accounts.repository.ts';
import './profiles.errors.ts';
import {
  canClaimUnowned,
  canDecideClaim,
  canManageJoinRequests,
  canReadClaimQueue,
  canSubmitClaim,
} from './org-claims.policy.ts';
import { orgClaimsService, verificationOf } from './org-claims.service.ts';
import { presentClaimItem, presentJoinRequest } from './profiles.presenter.ts';
import { profileErrorResponses } from './scientists.routes.ts';

export const orgClaimsRoutes: FastifyPluginAsyncZod = async (app) => {
  const accounts = accountsRepository(app.deps.db);
  const svc = orgClaimsService({ db: app.deps.db, now: () => app.deps.now() });
  const tags = ['organizations'];

  async function orgOf(id: string) {
    const org = await accounts.orgById(id);
    if (!org) throw new AppError('org.not_found', 404);
    return org;
  }
  const roleOf = async (orgId: string, userId: string) =>
    (await accounts.membership(orgId, userId))?.role ?? null;

  app.post(
    '/api/organizations/:id/claim',
    {
      schema: {
        tags,
        summary:
          'Submit the claim for verification (owner): an organization never claimed, or again after a rejection',
        params: CatalogIdParams,
        response: { 200: OrgVerification, ...profileErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'org_claim.submit');
      const org = await orgOf(request.params.id);
      await authorize(request, canSubmitClaim(org, await roleOf(org.id, actor.userId)));
      const claim = await svc.submit(org.id, actor.userId);
      await app.audit.recordRequest(request, {
        action: 'org_claim.submit',
        target: { type: 'organization', id: org.id },
        outcome: 'success',
        regionCode: org.regionCode,
      });
      return verificationOf(claim, true);
    },
  );

  app.post(
    '/api/org-claims',
    {
      schema: {
        tags,
        summary:
          'Claim an organization that is on the platform but that nobody acts for (imported by an officer); verified, the claimant becomes its owner',
        body: OrgClaimCreate,
        response: { 200: OrgVerification, ...profileErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'org_claim.claim');
      await authorize(request, canClaimUnowned(actor));
      const { org, claim } = await svc.claimUnowned(request.body.uscc, actor.userId);
      await app.audit.recordRequest(request, {
        action: 'org_claim.claim',
        target: { type: 'organization', id: org.id },
        outcome: 'success',
        regionCode: org.regionCode,
      });
      return verificationOf(claim, true);
    },
  );

  app.get(
    '/api/org-claims',
    {
      schema: {
        tags,
        summary:
          "Organization claims in the officer's regions (pending: oldest first; decided: newest first)",
        querystring: OrgClaimQueueQuery,
        response: { 200: OrgClaimQueueResponse, ...profileErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'org_claim.queue');
      await authorize(request, canReadClaimQueue(actor));
      const q = request.query;
      const page = await svc.repo.queue(regionScopeOf(actor), {
        status: q.status,
        // An unknown region filter matches nothing rather than everything.
        ...(q.region ? { regionPrefix: regionPrefix(q.region) ?? 'none' } : {}),
        page: q.page,
        pageSize: q.pageSize,
      });
      const mine = await svc.repo.memberOf(
        actor.userId,
        page.rows.map((r) => r.org.id),
      );
      return {
        items: page.rows.map((r) =>
          presentClaimItem(r, mine.has(r.org.id) || r.claim.claimantId === actor.userId),
        ),
        page: q.page,
        pageSize: q.pageSize,
        total: page.total,
      };
    },
  );

  app.post(
    '/api/org-claims/:orgId',
    {
      schema: {
        tags,
        summary:
          "Verify or reject an organization's claim (officers of its region, never a member of it; a rejection needs a reason)",
        params: OrgClaimParams,
        body: OrgClaimDecision,
        response: { 200: OrgVerification, ...profileErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'org_claim.decide');
      const org = await orgOf(request.params.orgId);
      const current = await svc.repo.claimOf(org.id);
      await authorize(
        request,
        canDecideClaim(actor, org, await roleOf(org.id, actor.userId), current?.claimantId ?? null),
      );
      const claim = await svc.decide(org, request.body, actor.userId);
      await app.audit.recordRequest(request, {
        action: 'org_claim.decide',
        target: { type: 'organization', id: org.id },
        outcome: 'success',
        regionCode: org.regionCode,
        details: { decision: request.body.decision, reason: claim.reason },
      });
      // The enterprise and what it publishes carry `verified` in the match index.
      app.catalogEvents.changed([
        { type: 'organization', id: org.id },
        ...(await svc.repo.publishedListings(org.id)),
      ]);
      return verificationOf(claim, true);
    },
  );

  app.post(
    '/api/org-join-requests',
    {
      schema: {
        tags,
        summary: 'Ask to join the organization registered under this USCC (its owner or admins answer)',
        body: OrgJoinRequestCreate,
        response: { 201: OrgJoinRequest, ...profileErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'org_join_request.create');
      const { org, request: row } = await svc.requestJoin(
        actor.userId,
        request.body.uscc,
        request.body.message ?? null,
      );
      await app.audit.recordRequest(request, {
        action: 'org_join_request.create',
        target: { type: 'organization', id: org.id },
        outcome: 'success',
        regionCode: org.regionCode,
      });
      const [full] = await svc.repo.joinRequests(svc.repo.byId(row.id));
      return reply.status(201).send(presentJoinRequest(full!));
    },
  );

  app.get(
    '/api/org-join-requests/mine',
    {
      schema: {
        tags,
        summary: 'My requests to join organizations',
        response: { 200: OrgJoinRequestList, ...profileErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'org_join_request.mine');
      const rows = await svc.repo.joinRequests(svc.repo.byUser(actor.userId));
      return { items: rows.map(presentJoinRequest) };
    },
  );

  app.get(
    '/api/organizations/:id/join-requests',
    {
      schema: {
        tags,
        summary: 'Requests to join the organization, newest first (its owner and admin members)',
        params: CatalogIdParams,
        response: { 200: OrgJoinRequestList, ...profileErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'org_join_request.list');
      const org = await orgOf(request.params.id);
      await authorize(request, canManageJoinRequests(org, await roleOf(org.id, actor.userId)));
      const rows = await svc.repo.joinRequests(svc.repo.forOrg(org.id));
      return { items: rows.map(presentJoinRequest) };
    },
  );

  app.post(
    '/api/org-join-requests/:id',
    {
      schema: {
        tags,
        summary: 'Accept (the requester becomes a member) or decline a join request (owner or admin members)',
        params: CatalogIdParams,
        body: OrgJoinRequestDecision,
        response: { 200: OrgJoinRequest, ...profileErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'org_join_request.decide');
      const existing = await svc.repo.joinRequestById(request.params.id);
      if (!existing) throw new AppError('org_join.not_found', 404);
      const org = await orgOf(existing.orgId);
      await authorize(request, canManageJoinRequests(org, await roleOf(org.id, actor.userId)));
      const row = await svc.decideJoin(existing.id, request.body.decision === 'accept', actor.userId, org);
      await app.audit.recordRequest(request, {
        action: 'org_join_request.decide',
        target: { type: 'organization', id: org.id },
        outcome: 'success',
        regionCode: org.regionCode,
        details: { decision: request.body.decision, requestId: row.id },
      });
      const [full] = await svc.repo.joinRequests(svc.repo.byId(row.id));
      return presentJoinRequest(full!);
    },
  );
};
