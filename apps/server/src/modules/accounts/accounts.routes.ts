/**
 * `/api/account/{profile,organizations,teams,team-invitations}`: the signed-in user's own account
 * data. Ids in paths are never trusted: each is checked against the caller's membership.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  OkResponse,
  OrganizationCreate,
  Organization,
  OrganizationListResponse,
  OrganizationPatch,
  Profile,
  ProfilePatch,
  Team,
  TeamCreate,
  TeamIdParams,
  TeamInvitationListResponse,
  TeamInvite,
  TeamListResponse,
} from '@tianfu/contracts';
import { AppError } from '../../errors/app-error.ts';
import { authorize, requireActor } from '../../policy/authorize.ts';
import { authContextOf } from '../auth/auth.context.ts';
import { authRepository } from '../auth/auth.repository.ts';
import { authErrorResponses } from '../auth/auth.routes.ts';
import { meService } from '../auth/me.service.ts';
import './accounts.errors.ts';
import { canEditOrganization, canInviteToTeam } from './accounts.policy.ts';
import { presentInvitation, presentOrganization, presentProfile, presentTeam } from './accounts.presenter.ts';
import { accountsRepository } from './accounts.repository.ts';
import { accountsService } from './accounts.service.ts';

const errors = { ...authErrorResponses, 404: authErrorResponses[400] };

/** Account routes. */
export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = authContextOf(app);
  const svc = accountsService(ctx);
  const repo = accountsRepository(ctx.db);
  const users = authRepository(ctx.db);
  const me = meService(ctx);
  const tags = ['account'];

  async function profileOf(userId: string) {
    const user = await users.userById(userId);
    const answer = await me.me(user ?? null);
    if (!user || !answer.user) throw new AppError('error.unauthorized', 401);
    return presentProfile(answer.user, user.bio);
  }

  async function teamView(teamId: string) {
    const [found] = await repo.teamsWithMembers([teamId]);
    if (!found) throw new AppError('team.not_found', 404);
    return presentTeam(found.team, found.members);
  }

  app.get(
    '/api/account/profile',
    { schema: { tags, summary: 'My profile', response: { 200: Profile, ...errors } } },
    async (request) => {
      const actor = await requireActor(request, 'account.profile.read');
      return profileOf(actor.userId);
    },
  );

  app.patch(
    '/api/account/profile',
    {
      schema: {
        tags,
        summary: 'Update my profile',
        body: ProfilePatch,
        response: { 200: Profile, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'account.profile.update');
      await svc.updateProfile(actor.userId, request.body);
      await app.audit.recordRequest(request, {
        action: 'account.profile.update',
        target: { type: 'user', id: actor.userId },
        outcome: 'success',
        details: { fields: Object.keys(request.body) },
      });
      return profileOf(actor.userId);
    },
  );

  app.get(
    '/api/account/organizations',
    {
      schema: {
        tags,
        summary: 'Organizations I act for',
        response: { 200: OrganizationListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'org.list');
      return { items: (await repo.orgsOf(actor.userId)).map((r) => presentOrganization(r.org, r.role)) };
    },
  );

  app.post(
    '/api/account/organizations',
    {
      schema: {
        tags,
        summary:
          'Register an organization (USCC checked with the GB 32100 check character); I become its owner',
        body: OrganizationCreate,
        response: { 201: Organization, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'org.create');
      const org = await svc.createOrganization(actor.userId, request.body);
      await app.audit.recordRequest(request, {
        action: 'org.create',
        target: { type: 'organization', id: org.id },
        outcome: 'success',
        regionCode: org.regionCode,
      });
      return reply.status(201).send(presentOrganization(org, 'owner'));
    },
  );

  app.patch(
    '/api/account/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Update an organization (owner or admin of it)',
        params: IdParams,
        body: OrganizationPatch,
        response: { 200: Organization, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'org.update');
      const org = /^[0-9a-f-]{36}$/i.test(request.params.id)
        ? await repo.orgById(request.params.id)
        : undefined;
      if (!org) throw new AppError('org.not_found', 404);
      const membership = await repo.membership(org.id, actor.userId);
      await authorize(request, canEditOrganization(actor, org, membership));
      await svc.updateOrganization(org.id, request.body);
      await app.audit.recordRequest(request, {
        action: 'org.update',
        target: { type: 'organization', id: org.id },
        outcome: 'success',
        regionCode: org.regionCode,
      });
      return presentOrganization((await repo.orgById(org.id))!, membership!.role);
    },
  );

  app.get(
    '/api/account/teams',
    { schema: { tags, summary: 'Teams I belong to', response: { 200: TeamListResponse, ...errors } } },
    async (request) => {
      const actor = await requireActor(request, 'team.list');
      const found = await repo.teamsWithMembers(await repo.activeTeamIdsOf(actor.userId));
      return { items: found.map((f) => presentTeam(f.team, f.members)) };
    },
  );

  app.post(
    '/api/account/teams',
    {
      schema: {
        tags,
        summary: 'Create a team; I become its lead',
        body: TeamCreate,
        response: { 201: Team, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'team.create');
      const team = await svc.createTeam(actor.userId, request.body);
      await app.audit.recordRequest(request, {
        action: 'team.create',
        target: { type: 'team', id: team.id },
        outcome: 'success',
      });
      return reply.status(201).send(await teamView(team.id));
    },
  );

  app.post(
    '/api/account/teams/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a registered user to my team by phone (lead only)',
        params: IdParams,
        body: TeamInvite,
        response: { 200: Team, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'team.invite');
      const team = /^[0-9a-f-]{36}$/i.test(request.params.id)
        ? await repo.teamById(request.params.id)
        : undefined;
      if (!team) throw new AppError('team.not_found', 404);
      await authorize(request, canInviteToTeam(actor, team));
      await svc.invite(team.id, actor.userId, request.body.phone);
      await app.audit.recordRequest(request, {
        action: 'team.invite',
        target: { type: 'team', id: team.id },
        outcome: 'success',
      });
      return teamView(team.id);
    },
  );

  app.get(
    '/api/account/team-invitations',
    {
      schema: {
        tags,
        summary: 'Invitations addressed to me',
        response: { 200: TeamInvitationListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'team.invitations');
      const invs = await repo.pendingInvitationsOf(actor.userId);
      const names = await repo.displayNames(invs.map((i) => i.invitedBy).filter((x): x is string => !!x));
      return {
        items: invs.map((i) => presentInvitation(i, i.invitedBy ? (names.get(i.invitedBy) ?? null) : null)),
      };
    },
  );

  app.post(
    '/api/account/team-invitations/:teamId/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation',
        params: TeamIdParams,
        response: { 200: Team, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'team.accept');
      if (!/^[0-9a-f-]{36}$/i.test(request.params.teamId))
        throw new AppError('team.invitation_not_found', 404);
      await svc.accept(request.params.teamId, actor.userId);
      await app.audit.recordRequest(request, {
        action: 'team.accept',
        target: { type: 'team', id: request.params.teamId },
        outcome: 'success',
      });
      return teamView(request.params.teamId);
    },
  );

  app.post(
    '/api/account/team-invitations/:teamId/decline',
    {
      schema: {
        tags,
        summary: 'Decline an invitation',
        params: TeamIdParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'team.decline');
      if (!/^[0-9a-f-]{36}$/i.test(request.params.teamId))
        throw new AppError('team.invitation_not_found', 404);
      await svc.decline(request.params.teamId, actor.userId);
      await app.audit.recordRequest(request, {
        action: 'team.decline',
        target: { type: 'team', id: request.params.teamId },
        outcome: 'success',
      });
      return { ok: true as const };
    },
  );
};
