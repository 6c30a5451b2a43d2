/**
 * Officer review and region publish settings: `GET /api/review/queue`,
 * `POST /api/review/{type}/{id}`, `GET/PUT /api/region-settings/{code}`.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ErrorResponse,
  ListingStatusResponse,
  RegionSetting,
  RegionSettingParams,
  RegionSettingUpdate,
  ReviewDecision,
  ReviewParams,
  ReviewQueueQuery,
  ReviewQueueResponse,
} from '@tianfu/contracts';
import { regionPrefix } from '@tianfu/db';
import { authorize, requireActor } from '../../policy/authorize.ts';
import { regionScopeOf } from '../../policy/region-scope.ts';
import { canManageRegionSetting, canReadReviewQueue, canReview } from './listings.policy.ts';
import { presentQueueItem, presentRegionSetting, presentStatus } from './listings.presenter.ts';
import { knownRegion } from './listings.rules.ts';
import type { ListingsService } from './listings.service.ts';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
} as const;

/** Registers the review and region-settings routes on the listings plugin. */
export function registerReviewRoutes(app: FastifyInstance, svc: ListingsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['review'];

  r.get(
    '/api/review/queue',
    {
      schema: {
        tags,
        summary: "Submitted listings waiting for review in the officer's regions, oldest first",
        querystring: ReviewQueueQuery,
        response: { 200: ReviewQueueResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'review.queue');
      await authorize(request, canReadReviewQueue(actor));
      const q = request.query;
      const page = await svc.lists.reviewQueue(regionScopeOf(actor), {
        ...(q.type ? { type: q.type } : {}),
        // An unknown region filter matches nothing rather than everything.
        ...(q.region ? { regionPrefix: regionPrefix(q.region) ?? 'none' } : {}),
        page: q.page,
        pageSize: q.pageSize,
      });
      return {
        items: page.rows.map(presentQueueItem),
        page: q.page,
        pageSize: q.pageSize,
        total: page.total,
      };
    },
  );

  r.post(
    '/api/review/:type/:id',
    {
      schema: {
        tags,
        summary: 'Approve or reject a submitted listing (officers of its region; a rejection needs a reason)',
        params: ReviewParams,
        body: ReviewDecision,
        response: { 200: ListingStatusResponse, ...errors },
      },
    },
    async (request) => {
      const { type, id } = request.params;
      const actor = await requireActor(request, `${type}.review`);
      const { facts } = await svc.load(type, id, actor);
      await authorize(request, canReview(actor, facts));
      const { decision, reason, version } = request.body;
      const row = await svc.review(type, id, actor, decision, reason ?? null, version);
      await app.audit.recordRequest(request, {
        action: `${type}.review`,
        target: { type, id },
        outcome: 'success',
        regionCode: row.regionCode,
        details: { decision, ...(reason ? { reason } : {}) },
      });
      return presentStatus(type, row);
    },
  );

  r.get(
    '/api/region-settings/:code',
    {
      schema: {
        tags,
        summary: 'Effective publish mode of a region (own setting, nearest ancestor, or the default)',
        params: RegionSettingParams,
        response: { 200: RegionSetting, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'region_setting.read');
      const code = knownRegion(request.params.code, 'code');
      await authorize(request, canManageRegionSetting(actor, code, false));
      return presentRegionSetting(code, await svc.publishModeFor(code));
    },
  );

  r.put(
    '/api/region-settings/:code',
    {
      schema: {
        tags,
        summary:
          "Set a region's publish mode (auto or review); applies to its whole subtree unless overridden",
        params: RegionSettingParams,
        body: RegionSettingUpdate,
        response: { 200: RegionSetting, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'region_setting.update');
      const code = knownRegion(request.params.code, 'code');
      await authorize(request, canManageRegionSetting(actor, code, true));
      await svc.setPublishMode(code, request.body.publishMode, actor);
      await app.audit.recordRequest(request, {
        action: 'region_setting.update',
        target: { type: 'region', id: code },
        outcome: 'success',
        regionCode: code,
        details: { publishMode: request.body.publishMode },
      });
      return presentRegionSetting(code, await svc.publishModeFor(code));
    },
  );
}
