/**
 * `/api/teams`: public team profiles (members' names, shared capabilities); the lead edits.
 * Membership (invite, accept) stays in `/api/account/teams`.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CatalogIdParams,
  TeamProfileCreate,
  TeamProfileDetail,
  TeamProfileListQuery,
  TeamProfileListResponse,
  TeamProfilePatch,
  TeamProfileResponse,
} from '@tianfu/contracts';
import { AppError } from '../../errors/app-error.ts';
import { authorize, requireActor } from '../../policy/authorize.ts';
import type { Actor } from '../../policy/actor.ts';
import { accountsRepository } from '../accounts/accounts.repository.ts';
import './profiles.errors.ts';
import { canEditTeam, canSeeTeamDetail } from './profiles.policy.ts';
import { presentTeam, presentTeamDetail, presentTeamSummary } from './profiles.presenter.ts';
import { teamsRepository, type TeamRow } from './teams-orgs.repository.ts';
import { teamsService } from './teams-orgs.service.ts';
import { profileErrorResponses } from './scientists.routes.ts';
import { checkProfileWords } from './profiles.sensitive.ts';

export const teamsRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = teamsRepository(app.deps.db);
  const accounts = accountsRepository(app.deps.db);
  const svc = teamsService({ db: app.deps.db, now: () => app.deps.now() });
  const tags = ['teams'];

  /** The view for everyone, or the detail for the lead, members and officers of the region. */
  async function view(team: TeamRow, actor: Actor | null) {
    const members = await repo.members(team.id);
    const v = presentTeam(team, await repo.leadName(team.leadId), members);
    const isMember = !!actor && members.some((m) => m.userId === actor.userId && m.status === 'active');
    if (!actor || !canSeeTeamDetail(actor, team, isMember)) return { view: v, detail: null };
    const invited = members.filter((m) => m.status === 'invited').length;
    return { view: v, detail: presentTeamDetail(v, invited, canEditTeam(actor, team).allow) };
  }

  async function found(id: string): Promise<TeamRow> {
    const team = await accounts.teamById(id);
    if (!team) throw new AppError('team.not_found', 404);
    return team;
  }

  app.get(
    '/api/teams',
    {
      schema: {
        tags,
        summary: 'Published teams (region subtree, discipline, text filters)',
        querystring: TeamProfileListQuery,
        response: { 200: TeamProfileListResponse, ...profileErrorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const { rows, total } = await repo.list(q);
      return { items: rows.map(presentTeamSummary), page: q.page, pageSize: q.pageSize, total };
    },
  );

  app.post(
    '/api/teams',
    {
      schema: {
        tags,
        summary: 'Create a team with its profile; I become the lead',
        body: TeamProfileCreate,
        response: { 201: TeamProfileDetail, ...profileErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'team.create');
      const b = request.body;
      checkProfileWords(
        app,
        { name: b.name, description: b.description, capabilities: b.capabilities },
        (b.status ?? 'published') === 'published',
      );
      // Without a region of its own the team is located where its lead is.
      const team = await svc.create(actor.userId, await repo.regionOfUser(actor.userId), request.body);
      await app.audit.recordRequest(request, {
        action: 'team.create',
        target: { type: 'team', id: team.id },
        outcome: 'success',
        regionCode: team.regionCode,
      });
      app.catalogEvents.changed({ type: 'team', id: team.id, removed: team.status !== 'published' });
      const { detail } = await view(team, actor);
      return reply.status(201).send(detail!);
    },
  );

  app.get(
    '/api/teams/:id',
    {
      schema: {
        tags,
        summary: 'A team: public view with active members, or the detail for its lead, members and officers',
        params: CatalogIdParams,
        response: { 200: TeamProfileResponse, ...profileErrorResponses },
      },
    },
    async (request) => {
      const team = await found(request.params.id);
      const { view: v, detail } = await view(team, request.actor);
      if (detail) return detail;
      if (team.status !== 'published') throw new AppError('team.not_found', 404);
      return v;
    },
  );

  app.patch(
    '/api/teams/:id',
    {
      schema: {
        tags,
        summary: 'Edit the team profile (lead only): description, region, disciplines, shared capabilities',
        params: CatalogIdParams,
        body: TeamProfilePatch,
        response: { 200: TeamProfileDetail, ...profileErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'team.profile.update');
      const team = await found(request.params.id);
      await authorize(request, canEditTeam(actor, team));
      const m = { ...team, ...request.body };
      checkProfileWords(
        app,
        { name: m.name, description: m.description, capabilities: m.capabilities },
        m.status === 'published',
      );
      const updated = await svc.update(team, request.body, actor.userId);
      await app.audit.recordRequest(request, {
        action: 'team.profile.update',
        target: { type: 'team', id: team.id },
        outcome: 'success',
        regionCode: updated.regionCode,
        details: { fields: Object.keys(request.body) },
      });
      app.catalogEvents.changed({ type: 'team', id: updated.id, removed: updated.status !== 'published' });
      const { detail } = await view(updated, actor);
      return detail!;
    },
  );
};
