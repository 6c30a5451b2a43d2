/**
 * `/api/scientists`: the public list, the caller's own profile (`/me`), one profile, edits.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  CatalogIdParams,
  ErrorResponse,
  ScientistCreate,
  ScientistDetail,
  ScientistListQuery,
  ScientistListResponse,
  ScientistPatch,
  ScientistResponse,
} from '@tianfu/contracts';
import { AppError } from '../../errors/app-error.ts';
import { authorize, requireActor } from '../../policy/authorize.ts';
import type { Actor } from '../../policy/actor.ts';
import './profiles.errors.ts';
import { knownRegion } from './profiles.shared.ts';
import { checkProfileWords, scientistTexts } from './profiles.sensitive.ts';
import { canEditScientist, canSeeScientistDetail } from './profiles.policy.ts';
import { presentScientist, presentScientistDetail, presentScientistSummary } from './profiles.presenter.ts';
import { scientistsRepository, type ScientistRow } from './scientists.repository.ts';
import { scientistsService } from './scientists.service.ts';

export const profileErrorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;

export const scientistsRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = scientistsRepository(app.deps.db);
  const svc = scientistsService({ db: app.deps.db });
  const tags = ['scientists'];

  async function detail(row: ScientistRow, actor: Actor) {
    return presentScientistDetail(row, await repo.phoneOf(row.userId), canEditScientist(actor, row).allow);
  }

  async function own(actor: Actor): Promise<ScientistRow> {
    const row = await repo.byUserId(actor.userId);
    if (!row) throw new AppError('scientist.no_profile', 404);
    return row;
  }

  /** Authorizes, saves a new version, audits and tells the match index. */
  async function edit(request: FastifyRequest, actor: Actor, row: ScientistRow, patch: ScientistPatch) {
    const region = patch.regionCode === undefined ? undefined : knownRegion(patch.regionCode, 'regionCode');
    await authorize(request, canEditScientist(actor, row, region));
    const merged = { ...row, ...patch };
    checkProfileWords(app, scientistTexts(merged), merged.status === 'published');
    const updated = await svc.update(row, patch, actor.userId);
    await app.audit.recordRequest(request, {
      action: 'scientist.update',
      target: { type: 'scientist', id: row.id },
      outcome: 'success',
      regionCode: updated.regionCode,
      details: { fields: Object.keys(patch), version: updated.version },
    });
    app.catalogEvents.changed({ type: 'scientist', id: updated.id, removed: updated.status !== 'published' });
    return detail(updated, actor);
  }

  app.get(
    '/api/scientists',
    {
      schema: {
        tags,
        summary: 'Published scientist profiles (region subtree, discipline, availability filters)',
        querystring: ScientistListQuery,
        response: { 200: ScientistListResponse, ...profileErrorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const { rows, total } = await repo.list(q);
      return { items: rows.map(presentScientistSummary), page: q.page, pageSize: q.pageSize, total };
    },
  );

  app.post(
    '/api/scientists',
    {
      schema: {
        tags,
        summary: 'Create my scientist profile (one per account)',
        body: ScientistCreate,
        response: { 201: ScientistDetail, ...profileErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'scientist.create');
      checkProfileWords(
        app,
        scientistTexts(request.body),
        (request.body.status ?? 'published') === 'published',
      );
      const row = await svc.create(actor.userId, request.body);
      await app.audit.recordRequest(request, {
        action: 'scientist.create',
        target: { type: 'scientist', id: row.id },
        outcome: 'success',
        regionCode: row.regionCode,
      });
      app.catalogEvents.changed({ type: 'scientist', id: row.id, removed: row.status !== 'published' });
      return reply.status(201).send(await detail(row, actor));
    },
  );

  app.get(
    '/api/scientists/me',
    {
      schema: {
        tags,
        summary: 'My scientist profile',
        response: { 200: ScientistDetail, ...profileErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'scientist.read_own');
      return detail(await own(actor), actor);
    },
  );

  app.patch(
    '/api/scientists/me',
    {
      schema: {
        tags,
        summary: 'Edit my scientist profile (a new version)',
        body: ScientistPatch,
        response: { 200: ScientistDetail, ...profileErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'scientist.update');
      return edit(request, actor, await own(actor), request.body);
    },
  );

  app.get(
    '/api/scientists/:id',
    {
      schema: {
        tags,
        summary: 'A scientist profile: public view, or the detail for its owner and officers of its region',
        params: CatalogIdParams,
        response: { 200: ScientistResponse, ...profileErrorResponses },
      },
    },
    async (request) => {
      const row = await repo.byId(request.params.id);
      const actor = request.actor;
      if (!row) throw new AppError('scientist.not_found', 404);
      if (actor && canSeeScientistDetail(actor, row)) return detail(row, actor);
      // Drafts and closed profiles do not exist for the public.
      if (row.status !== 'published') throw new AppError('scientist.not_found', 404);
      return presentScientist(row);
    },
  );

  app.patch(
    '/api/scientists/:id',
    {
      schema: {
        tags,
        summary: 'Edit a scientist profile (owner, or an officer of its region); a new version',
        params: CatalogIdParams,
        body: ScientistPatch,
        response: { 200: ScientistDetail, ...profileErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'scientist.update');
      const row = await repo.byId(request.params.id);
      if (!row) throw new AppError('scientist.not_found', 404);
      return edit(request, actor, row, request.body);
    },
  );
};
