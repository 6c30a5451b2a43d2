/**
 * `/api/capabilities`, `/api/results`, `/api/needs` (list, create draft, read, new version,
 * submit, close), `POST /api/needs/{id}/nda`, `GET /api/mine/listings`; the review and region
 * settings routes live in `review.routes.ts` and are registered from here. Thin: validate,
 * authorize, call the service, audit, present.
 * @module
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CapabilityCreate,
  CapabilityListQuery,
  CapabilityListResponse,
  CapabilityPatch,
  CapabilityResponse,
  CatalogIdParams,
  ErrorResponse,
  ListingClose,
  ListingHistory,
  ListingStatusResponse,
  MyListingsQuery,
  MyListingsResponse,
  NDA_AGREEMENT_VERSION,
  NdaAccept,
  NdaAcceptance,
  NeedCreate,
  NeedListQuery,
  NeedListResponse,
  NeedPatch,
  NeedResponse,
  ResearchResultCreate,
  ResearchResultListQuery,
  ResearchResultListResponse,
  ResearchResultPatch,
  ResearchResultResponse,
  type ListingStatus,
  type ListingType,
} from '@tianfu/contracts';
import { regionPrefix } from '@tianfu/db';
import { AppError } from '../../errors/app-error.ts';
import { authorize, requireActor } from '../../policy/authorize.ts';
import type { Actor } from '../../policy/actor.ts';
import { regionScopeOf } from '../../policy/region-scope.ts';
import './listings.errors.ts';
import './listings.privacy.ts';
import {
  canClose,
  canCreate,
  canEdit,
  canReadHistory,
  canSeeNeedDetails,
  canSeePrivate,
  canSeeUnpublished,
} from './listings.policy.ts';
import {
  presentCapability,
  presentCapabilitySummary,
  presentMine,
  presentNeed,
  presentNeedSummary,
  presentResult,
  presentResultSummary,
  presentStatus,
  type OwnerNames,
} from './listings.presenter.ts';
import type { ListAudience, Page } from './listing-lists.repository.ts';
import type { AnyListingRow } from './listings.repository.ts';
import { presentHistory } from './listings.history.ts';
import { listingsService, type ListingsService } from './listings.service.ts';
import { registerReviewRoutes } from './review.routes.ts';
import { loadSensitiveWords } from './sensitive-words.ts';

export const listingErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;

/** Per-type wiring of the shared routes. */
interface TypeSpec {
  type: ListingType;
  path: string;
  tag: string;
  label: string;
  create: z.ZodType;
  patch: z.ZodType;
  listQuery: z.ZodType;
  listResponse: z.ZodType;
  response: z.ZodType;
  list(
    svc: ListingsService,
    q: never,
    prefix: string | null | undefined,
    audience: ListAudience,
  ): Promise<Page<AnyListingRow>>;
  summary(row: never, names: OwnerNames): unknown;
}

const SPECS: TypeSpec[] = [
  {
    type: 'capability',
    path: '/api/capabilities',
    tag: 'capabilities',
    label: 'capability / service listing (科技所能)',
    create: CapabilityCreate,
    patch: CapabilityPatch,
    listQuery: CapabilityListQuery,
    listResponse: CapabilityListResponse,
    response: CapabilityResponse,
    list: (svc, q: CapabilityListQuery, p, a) => svc.lists.listCapabilities(q, p, a),
    summary: presentCapabilitySummary,
  },
  {
    type: 'result',
    path: '/api/results',
    tag: 'results',
    label: 'research result (科研成果)',
    create: ResearchResultCreate,
    patch: ResearchResultPatch,
    listQuery: ResearchResultListQuery,
    listResponse: ResearchResultListResponse,
    response: ResearchResultResponse,
    list: (svc, q: ResearchResultListQuery, p, a) => svc.lists.listResults(q, p, a),
    summary: presentResultSummary,
  },
  {
    type: 'need',
    path: '/api/needs',
    tag: 'needs',
    label: 'need (科技所需)',
    create: NeedCreate,
    patch: NeedPatch,
    listQuery: NeedListQuery,
    listResponse: NeedListResponse,
    response: NeedResponse,
    list: (svc, q: NeedListQuery, p, a) => svc.lists.listNeeds(q, p, a),
    summary: presentNeedSummary,
  },
];

const services = new WeakMap<object, ListingsService>();

/** The listings service of an app (one per app: it holds the compiled sensitive-word list). */
export function listingsServiceOf(app: FastifyInstance): ListingsService {
  let svc = services.get(app.deps);
  if (!svc) {
    svc = listingsService({
      db: app.deps.db,
      config: app.config,
      now: app.deps.now,
      events: app.catalogEvents,
      words: loadSensitiveWords(app.config.CATALOG_SENSITIVE_WORDS_FILE),
    });
    services.set(app.deps, svc);
  }
  return svc;
}

/** A listing as the caller may see it (404 when it is not public and not theirs to see). */
export async function presentFor(
  svc: ListingsService,
  type: ListingType,
  id: string,
  actor: Actor | null,
): Promise<unknown> {
  const { row, facts } = await svc.load(type, id, actor);
  if (row.status !== 'published' && !canSeeUnpublished(actor, facts))
    throw new AppError('listing.not_found', 404);
  const names = await svc.repo.ownerNames([row]);
  const view = { private: canSeePrivate(actor, facts), canEdit: facts.owner && row.status !== 'closed' };
  if (type === 'capability') return presentCapability(row as never, names, view);
  if (type === 'result') return presentResult(row as never, names, view);
  const need = row as Parameters<typeof presentNeed>[0];
  // Only an acceptance of the current agreement text opens the details.
  const nda =
    actor && need.confidential
      ? await svc.repo.ndaOf(need.id, actor.userId, NDA_AGREEMENT_VERSION)
      : undefined;
  const details = canSeeNeedDetails(actor, { ...facts, confidential: need.confidential }, !!nda);
  return presentNeed(need, names, {
    ...view,
    details,
    ndaAcceptanceCount: view.private ? await svc.repo.ndaCount(need.id) : 0,
    ndaOutdated: !details && !!actor && (await svc.repo.ndaAcceptedAny(need.id, actor.userId)),
  });
}

function audit(
  request: FastifyRequest,
  action: string,
  row: { id: string; regionCode: string },
  type: ListingType,
  details?: Record<string, unknown>,
) {
  return request.server.audit.recordRequest(request, {
    action,
    target: { type, id: row.id },
    outcome: 'success',
    regionCode: row.regionCode,
    ...(details ? { details } : {}),
  });
}

function registerType(app: FastifyInstance, svc: ListingsService, spec: TypeSpec) {
  const { type, path, label } = spec;
  const tags = [spec.tag];
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    path,
    {
      schema: {
        tags,
        summary: `Published ${label}s (filters, pagination); \`status\` other than published lists the caller's own (officers: their regions')`,
        querystring: spec.listQuery,
        response: { 200: spec.listResponse, 400: ErrorResponse },
      },
    },
    async (request) => {
      const q = request.query as { region?: string; status?: ListingStatus; page: number; pageSize: number };
      const prefix = q.region === undefined ? undefined : regionPrefix(q.region);
      let audience: ListAudience = { kind: 'public' };
      if (q.status && q.status !== 'published') {
        // Drafts, submitted, rejected…: only the caller's own, or their region's for officers.
        const actor = await requireActor(request, `${type}.list`);
        audience = {
          kind: 'restricted',
          status: q.status,
          userId: actor.userId,
          prefixes: regionScopeOf(actor),
        };
      }
      const page = await spec.list(svc, q as never, prefix, audience);
      const names = await svc.repo.ownerNames(page.rows as never[]);
      return {
        items: page.rows.map((row) => spec.summary(row as never, names)),
        page: q.page,
        pageSize: q.pageSize,
        total: page.total,
      };
    },
  );

  r.post(
    path,
    {
      schema: {
        tags,
        summary: `Create a ${label} draft`,
        body: spec.create,
        response: { 201: spec.response, ...listingErrors },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, `${type}.create`);
      const body = request.body as Record<string, never>;
      const { facts, owner } = await svc.creationFacts(type, actor, body);
      await authorize(request, canCreate(actor, type, facts));
      const row = await svc.create(type, actor, body as never, owner);
      await audit(request, `${type}.create`, row, type);
      return reply.status(201).send(await presentFor(svc, type, row.id, actor));
    },
  );

  r.get(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `One ${label} (owners and officers of the region see private fields)`,
        params: CatalogIdParams,
        response: { 200: spec.response, ...listingErrors },
      },
    },
    async (request) => presentFor(svc, type, request.params.id, request.actor),
  );

  r.patch(
    `${path}/:id`,
    {
      schema: {
        tags,
        summary: `Edit a ${label} (a new version)`,
        params: CatalogIdParams,
        body: spec.patch,
        response: { 200: spec.response, ...listingErrors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, `${type}.update`);
      const { facts } = await svc.load(type, request.params.id, actor);
      await authorize(request, canEdit(actor, facts, 'update'));
      // `version` is the one the caller edited (optional): a 409 when someone else saved since.
      const { version: expected, ...body } = request.body as Record<string, never> & { version?: number };
      const row = await svc.update(type, request.params.id, actor, body, expected);
      await audit(request, `${type}.update`, row, type, { version: row.version, fields: Object.keys(body) });
      return presentFor(svc, type, row.id, actor);
    },
  );

  r.post(
    `${path}/:id/submit`,
    {
      schema: {
        tags,
        summary: `Submit a ${label} (published at once or after review, by region)`,
        params: CatalogIdParams,
        response: { 200: ListingStatusResponse, ...listingErrors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, `${type}.submit`);
      const { facts } = await svc.load(type, request.params.id, actor);
      await authorize(request, canEdit(actor, facts, 'submit'));
      const row = await svc.submit(type, request.params.id, actor);
      await audit(request, `${type}.submit`, row, type, { status: row.status });
      return presentStatus(type, row);
    },
  );

  r.post(
    `${path}/:id/close`,
    {
      schema: {
        tags,
        summary: `Close a ${label} (owner, or an officer of the region)`,
        params: CatalogIdParams,
        body: ListingClose.nullish(),
        response: { 200: ListingStatusResponse, ...listingErrors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, `${type}.close`);
      const { facts } = await svc.load(type, request.params.id, actor);
      await authorize(request, canClose(actor, facts));
      const reason = request.body?.reason ?? null;
      const row = await svc.close(type, request.params.id, actor, reason);
      await audit(request, `${type}.close`, row, type, reason ? { reason } : undefined);
      return presentStatus(type, row);
    },
  );

  r.get(
    `${path}/:id/history`,
    {
      schema: {
        tags,
        summary: `Versions and status events of a ${label} (owner, officers of the region, admins)`,
        params: CatalogIdParams,
        response: { 200: ListingHistory, ...listingErrors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, `${type}.history`);
      const { row, facts } = await svc.load(type, request.params.id, actor);
      await authorize(request, canReadHistory(actor, facts));
      const [versions, events] = await Promise.all([
        svc.repo.versionsOf(type, row.id),
        svc.repo.statusEventsOf(type, row.id),
      ]);
      const ids = [...versions.map((v) => v.changedBy), ...events.map((e) => e.actorId)];
      const names = await svc.repo.userNames(ids.filter((x): x is string => !!x));
      return presentHistory({ type, id: row.id, version: row.version, versions, events, names });
    },
  );
}

/** The listings module. */
export const listingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = listingsServiceOf(app);
  for (const spec of SPECS) registerType(app, svc, spec);

  app.post(
    '/api/needs/:id/nda',
    {
      schema: {
        tags: ['needs'],
        summary: "Accept a confidential need's non-disclosure agreement (recorded with time, IP and version)",
        params: CatalogIdParams,
        body: NdaAccept,
        response: { 200: NdaAcceptance, ...listingErrors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'need.nda.accept');
      const { row, facts } = await svc.load('need', request.params.id, actor);
      if (row.status !== 'published' && !canSeeUnpublished(actor, facts))
        throw new AppError('listing.not_found', 404);
      if (!row.confidential) throw new AppError('need.nda_not_required', 409);
      if (facts.owner) throw new AppError('need.nda_own', 409);
      const { row: nda, created } = await svc.acceptNda(
        row.id,
        actor,
        request.ip,
        request.body.agreementVersion,
      );
      if (created)
        await audit(request, 'need.nda.accept', row, 'need', {
          agreementVersion: nda.agreementVersion,
          ip: nda.ip,
        });
      return {
        needId: nda.needId,
        acceptedAt: nda.acceptedAt.toISOString(),
        agreementVersion: nda.agreementVersion,
      };
    },
  );

  app.get(
    '/api/mine/listings',
    {
      schema: {
        tags: ['listings'],
        summary: 'My capabilities, results and needs in any status (drafts, rejected with the reason…)',
        querystring: MyListingsQuery,
        response: { 200: MyListingsResponse, ...listingErrors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'listing.mine');
      const q = request.query;
      const page = await svc.lists.mine(actor.userId, q);
      return { items: page.rows.map(presentMine), page: q.page, pageSize: q.pageSize, total: page.total };
    },
  );

  registerReviewRoutes(app, svc);
};
