/**
 * `/api/organizations`: enterprise (and institution) profiles — USCC, GB/T 4754 industry, size
 * class, region. Owners and admin members edit; the list and views are public.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CatalogIdParams,
  OrganizationProfileCreate,
  OrganizationProfileDetail,
  OrganizationProfileListQuery,
  OrganizationProfileListResponse,
  OrganizationProfilePatch,
  OrganizationProfileResponse,
} from '@tianfu/contracts';
import { AppError } from '../../errors/app-error.ts';
import { authorize, requireActor } from '../../policy/authorize.ts';
import type { Actor } from '../../policy/actor.ts';
import { accountsRepository } from '../accounts/accounts.repository.ts';
import './profiles.errors.ts';
import { canEditOrganization, canSeeOrganizationDetail } from './profiles.policy.ts';
import { checkProfileWords } from './profiles.sensitive.ts';
import {
  presentOrganization,
  presentOrganizationDetail,
  presentOrganizationSummary,
} from './profiles.presenter.ts';
import { organizationsRepository, type OrganizationRow } from './teams-orgs.repository.ts';
import { organizationsService } from './teams-orgs.service.ts';
import { orgClaimsRepository } from './org-claims.repository.ts';
import { verificationOf } from './org-claims.service.ts';
import { profileErrorResponses } from './scientists.routes.ts';

export const organizationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = organizationsRepository(app.deps.db);
  const accounts = accountsRepository(app.deps.db);
  const svc = organizationsService({ db: app.deps.db, now: () => app.deps.now() });
  const claims = orgClaimsRepository(app.deps.db);
  const tags = ['organizations'];

  async function roleOf(orgId: string, actor: Actor | null) {
    if (!actor) return null;
    return (await accounts.membership(orgId, actor.userId))?.role ?? null;
  }

  async function detail(org: OrganizationRow, actor: Actor, role: Awaited<ReturnType<typeof roleOf>>) {
    const manages = role === 'owner' || role === 'admin';
    return presentOrganizationDetail(org, {
      myRole: role,
      memberCount: await repo.memberCount(org.id),
      canEdit: canEditOrganization(actor, org, role).allow,
      verification: verificationOf(await claims.claimOf(org.id), true),
      pendingJoinRequests: manages ? await claims.pendingJoinRequestCount(org.id) : 0,
    });
  }

  async function found(id: string): Promise<OrganizationRow> {
    const org = await accounts.orgById(id);
    if (!org) throw new AppError('org.not_found', 404);
    return org;
  }

  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'Organizations (region subtree, industry section or division, size class, type)',
        querystring: OrganizationProfileListQuery,
        response: { 200: OrganizationProfileListResponse, ...profileErrorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const { rows, total } = await repo.list(q);
      return {
        items: rows.map((r) => presentOrganizationSummary(r, r.claimStatus ?? 'unverified')),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },
  );

  app.post(
    '/api/organizations',
    {
      schema: {
        tags,
        summary:
          'Register (claim) an organization with its enterprise profile: I become its owner, unverified until an officer of its region verifies the claim',
        body: OrganizationProfileCreate,
        response: { 201: OrganizationProfileDetail, ...profileErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'organization.create');
      checkProfileWords(app, { name: request.body.name, description: request.body.description }, true);
      const org = await svc.create(actor.userId, request.body);
      await app.audit.recordRequest(request, {
        action: 'organization.create',
        target: { type: 'organization', id: org.id },
        outcome: 'success',
        regionCode: org.regionCode,
        details: { claim: 'pending' },
      });
      app.catalogEvents.changed({ type: 'organization', id: org.id });
      return reply.status(201).send(await detail(org, actor, 'owner'));
    },
  );

  app.get(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: 'An organization: public profile, or the detail for its members and officers of its region',
        params: CatalogIdParams,
        response: { 200: OrganizationProfileResponse, ...profileErrorResponses },
      },
    },
    async (request) => {
      const org = await found(request.params.id);
      const actor = request.actor;
      const role = await roleOf(org.id, actor);
      if (actor && canSeeOrganizationDetail(actor, org, role)) return detail(org, actor, role);
      return presentOrganization(org, verificationOf(await claims.claimOf(org.id), false).status);
    },
  );

  app.patch(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Edit the enterprise profile (owner or admin member); the USCC cannot change',
        params: CatalogIdParams,
        body: OrganizationProfilePatch,
        response: { 200: OrganizationProfileDetail, ...profileErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'organization.profile.update');
      const org = await found(request.params.id);
      const role = await roleOf(org.id, actor);
      await authorize(request, canEditOrganization(actor, org, role));
      const m = { ...org, ...request.body };
      checkProfileWords(app, { name: m.name, description: m.description }, true);
      const updated = await svc.update(org, request.body, actor.userId);
      await app.audit.recordRequest(request, {
        action: 'organization.profile.update',
        target: { type: 'organization', id: org.id },
        outcome: 'success',
        regionCode: updated.regionCode,
        details: { fields: Object.keys(request.body) },
      });
      app.catalogEvents.changed({ type: 'organization', id: updated.id });
      return detail(updated, actor, role);
    },
  );
};
