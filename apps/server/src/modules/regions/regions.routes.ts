/**
 * Administrative divisions, public: `GET /api/regions?parent=51` (children; provinces without
 * `parent`) and `GET /api/regions/:code` (one region with its path). Served from the in-memory
 * table in @tianfu/db, so no database round trip.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, RegionDetail, RegionList, RegionListQuery, RegionParams } from '@tianfu/contracts';
import { getRegion, listChildren } from '@tianfu/db';
import { AppError } from '../../errors/app-error.ts';
import './regions.errors.ts';
import { presentRegion, presentRegionDetail } from './regions.presenter.ts';

/** Region routes. */
export const regionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'List provinces, or the children of a region',
        querystring: RegionListQuery,
        response: { 200: RegionList, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { parent } = request.query;
      if (parent !== undefined && !getRegion(parent))
        throw new AppError('regions.not_found', 404, { params: { code: parent } });
      // The table never changes while the process runs.
      reply.header('cache-control', 'public, max-age=3600');
      return { items: listChildren(parent ?? null).map(presentRegion) };
    },
  );

  app.get(
    '/api/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: 'One region with its path from the province',
        params: RegionParams,
        response: { 200: RegionDetail, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const region = getRegion(request.params.code);
      if (!region) throw new AppError('regions.not_found', 404, { params: { code: request.params.code } });
      reply.header('cache-control', 'public, max-age=3600');
      return presentRegionDetail(region);
    },
  );
};
