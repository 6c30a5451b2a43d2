/**
 * `GET /api/health`: liveness plus which database engine is behind the API.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponse } from '@tianfu/contracts';
import { ErrorResponse } from '@tianfu/contracts';
import { AppError } from '../../errors/app-error.ts';

/** Health routes. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Service health',
        response: { 200: HealthResponse, 503: ErrorResponse },
      },
      // Probes from load balancers must never be rate limited.
      config: { rateLimit: false },
    },
    async () => {
      const { db, version } = app.deps;
      try {
        await db.query('select 1');
      } catch (err) {
        throw new AppError('error.service_unavailable', 503, { cause: err });
      }
      return { status: 'ok' as const, db: db.kind, version };
    },
  );
};
