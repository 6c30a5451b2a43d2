/**
 * `GET /api/admin/sms-outbox`: the delivery log, newest first (administrators only; every other
 * caller gets 401/403 and an audit row; administrators' reads are audited too).
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse, pageOffset, SmsOutboxPage, SmsOutboxQuery } from '@tianfu/contracts';
import { authorize, requireActor } from '../../policy/authorize.ts';
import { canReadSmsOutbox } from './sms.policy.ts';
import { presentSmsMessage } from './sms.presenter.ts';
import { smsRepository } from './sms.repository.ts';
import './sms.errors.ts';

/** Outbox routes. */
export const smsOutboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const repo = smsRepository(app.deps.db);
  app.get(
    '/api/admin/sms-outbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'SMS delivery log / development outbox (administrators)',
        querystring: SmsOutboxQuery,
        response: { 200: SmsOutboxPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'sms.outbox.list');
      await authorize(request, canReadSmsOutbox(actor));
      const q = request.query;
      const { rows, total } = await repo.list(
        { phone: q.phone, purpose: q.purpose, status: q.status, provider: q.provider },
        q.pageSize,
        pageOffset(q),
      );
      // The outbox can hold live one-time codes: who looked, and for which number, is worth a row.
      await app.audit.recordRequest(request, {
        action: 'sms.outbox.list',
        target: { type: 'sms_outbox' },
        outcome: 'allowed',
        details: { phone: q.phone ?? null, purpose: q.purpose ?? null, results: total },
      });
      return { items: rows.map(presentSmsMessage), page: q.page, pageSize: q.pageSize, total };
    },
  );
};
