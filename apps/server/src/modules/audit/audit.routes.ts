/**
 * `GET /api/audit`: search the audit log (administrators: all rows; officers: their region subtree).
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, ErrorResponse } from '@tianfu/contracts';
import { authorize, requireActor } from '../../policy/authorize.ts';
import { canSearchAudit } from './audit.policy.ts';
import { presentAuditEntry } from './audit.presenter.ts';

/** Audit routes. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'audit.search');
      await authorize(request, canSearchAudit(actor, request.query.regionCode));
      const { rows, total } = await app.audit.search(actor, request.query);
      return {
        items: rows.map(presentAuditEntry),
        page: request.query.page,
        pageSize: request.query.pageSize,
        total,
      };
    },
  );
};
