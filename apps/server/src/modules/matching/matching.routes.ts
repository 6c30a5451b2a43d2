/**
 * Search and matching routes: `GET /api/search`, the `/matches` routes in both directions,
 * `POST /api/matches/feedback`, `GET /api/matches/outcomes.jsonl`, `POST /api/needs/assess`.
 * Thin: validate (zod contracts), authorize (matching.policy), call the service, present.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CatalogIdParams,
  CoiDeclarationCreate,
  CoiDeclarationList,
  CoiDeclarationView,
  ErrorResponse,
  OkResponse,
  MatchFeedback,
  MatchFeedbackResult,
  MatchList,
  NeedAssessRequest,
  NeedAssessResponse,
  NeedMatchesQuery,
  OutcomeExportQuery,
  SearchPage,
  SearchQuery,
  SupplyMatchesQuery,
} from '@tianfu/contracts';
import { authorize, requireActor } from '../../policy/authorize.ts';
import { assessNeedDraft } from './assess.service.ts';
import { coiDeclarationService } from './coi-declarations.service.ts';
import { matchesService, type SubjectKind } from './matches.service.ts';
import { canExportOutcomes, canViewMatches } from './matching.policy.ts';
import { outcomesService } from './outcomes.service.ts';
import { searchCatalog } from './search.service.ts';
import { listingsServiceOf } from '../listings/listings.routes.ts';
import { listingsRepository } from '../listings/listings.repository.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const SUPPLY_ROUTES: { path: string; kind: Exclude<SubjectKind, 'need'>; label: string }[] = [
  { path: '/api/scientists/:id/matches', kind: 'scientist', label: 'a scientist' },
  { path: '/api/teams/:id/matches', kind: 'team', label: 'a team' },
  { path: '/api/capabilities/:id/matches', kind: 'capability', label: 'a capability' },
  { path: '/api/results/:id/matches', kind: 'result', label: 'a research result' },
];

/** The search and matching plugin (needs `app.catalogIndex`, see matching.plugin.ts). */
export function matchingRoutes(app: FastifyInstance): FastifyPluginAsyncZod {
  return async (scope) => {
    const outcomes = () =>
      outcomesService({
        db: app.deps.db,
        index: app.catalogIndex,
        logger: app.log,
        log: app.matchingOutcomeLog,
      });
    const matches = () =>
      matchesService({
        db: app.deps.db,
        index: app.catalogIndex,
        logger: app.log,
        onShown: (rows) => outcomes().appendToFile(rows),
        isListingOwner: async (kind, id, userId) => {
          const listings = listingsServiceOf(app);
          const row = await listingsRepository(app.deps.db).byId(kind, id);
          return row ? listings.isOwner(kind, row, userId) : false;
        },
      });

    scope.get(
      '/api/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Search the public catalog (text and filters; empty text = browse, newest first)',
          querystring: SearchQuery,
          response: { 200: SearchPage, 400: ErrorResponse },
        },
      },
      async (request) => searchCatalog(app.deps.db, app.catalogIndex, request.query),
    );

    scope.get(
      '/api/needs/:id/matches',
      {
        schema: {
          tags: ['matching'],
          summary: "A need's recommended scientists, teams, capabilities or results (owner, officers)",
          params: CatalogIdParams,
          querystring: NeedMatchesQuery,
          response: { 200: MatchList, ...errors },
        },
      },
      async (request) => {
        const actor = await requireActor(request, 'matching.matches.view');
        const svc = matches();
        const subject = await svc.loadSubject(actor, 'need', request.params.id);
        await authorize(request, canViewMatches(actor, subject.policy));
        return svc.recommend(actor, 'need', subject, request.query.kind, request.query.top);
      },
    );

    for (const route of SUPPLY_ROUTES) {
      scope.get(
        route.path,
        {
          schema: {
            tags: ['matching'],
            summary: `Needs or enterprises recommended to ${route.label} (its owner, officers)`,
            params: CatalogIdParams,
            querystring: SupplyMatchesQuery,
            response: { 200: MatchList, ...errors },
          },
        },
        async (request) => {
          const actor = await requireActor(request, 'matching.matches.view');
          const svc = matches();
          const subject = await svc.loadSubject(actor, route.kind, request.params.id);
          await authorize(request, canViewMatches(actor, subject.policy));
          return svc.recommend(actor, route.kind, subject, request.query.kind, request.query.top);
        },
      );
    }

    scope.post(
      '/api/matches/feedback',
      {
        schema: {
          tags: ['matching'],
          summary:
            'Feedback on a recommendation: shown, invited, or dismissed ("not relevant") with a reason',
          body: MatchFeedback,
          response: { 201: MatchFeedbackResult, ...errors },
        },
      },
      async (request, reply) => {
        const actor = await requireActor(request, 'matching.feedback');
        return reply.status(201).send(await outcomes().feedback(actor, request.body));
      },
    );

    scope.get(
      '/api/matches/outcomes.jsonl',
      {
        schema: {
          tags: ['matching'],
          summary: 'The outcome log as JSON lines for `npx tianfu match-train --log` (administrators)',
          querystring: OutcomeExportQuery,
          response: { 200: z.string(), 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request, reply) => {
        const actor = await requireActor(request, 'matching.outcomes.export');
        await authorize(request, canExportOutcomes(actor));
        const window = {
          from: request.query.from ? new Date(request.query.from) : undefined,
          to: request.query.to ? new Date(request.query.to) : undefined,
        };
        let body = '';
        for await (const line of outcomes().exportLines(window)) body += line;
        return reply
          .header('content-type', 'application/x-ndjson; charset=utf-8')
          .header('content-disposition', 'attachment; filename="outcomes.jsonl"')
          .send(body);
      },
    );

    scope.get(
      '/api/matches/conflicts',
      {
        schema: {
          tags: ['matching'],
          summary: 'My declared relationships (never matched with these parties)',
          response: { 200: CoiDeclarationList, 401: ErrorResponse },
        },
      },
      async (request) => {
        const actor = await requireActor(request, 'matching.conflict.list');
        return { items: await coiDeclarationService(app.deps.db).list(actor) };
      },
    );

    scope.post(
      '/api/matches/conflicts',
      {
        schema: {
          tags: ['matching'],
          summary:
            'Declare a relationship (a person, scientist, team or organization) as a conflict of interest',
          body: CoiDeclarationCreate,
          response: { 201: CoiDeclarationView, ...errors },
        },
      },
      async (request, reply) => {
        const actor = await requireActor(request, 'matching.conflict.create');
        return reply.status(201).send(await coiDeclarationService(app.deps.db).declare(actor, request.body));
      },
    );

    scope.delete(
      '/api/matches/conflicts/:id',
      {
        schema: {
          tags: ['matching'],
          summary: 'Withdraw a declared relationship',
          params: CatalogIdParams,
          response: { 200: OkResponse, ...errors },
        },
      },
      async (request) => {
        const actor = await requireActor(request, 'matching.conflict.delete');
        await coiDeclarationService(app.deps.db).remove(request, actor, request.params.id);
        return { ok: true as const };
      },
    );

    scope.post(
      '/api/needs/assess',
      {
        schema: {
          tags: ['matching'],
          summary:
            'Need quality assistant: completeness, suggestions, terms that match nothing, a preview count',
          body: NeedAssessRequest,
          response: { 200: NeedAssessResponse, 400: ErrorResponse },
        },
      },
      async (request) => assessNeedDraft(app.catalogIndex, request.body),
    );
  };
}
