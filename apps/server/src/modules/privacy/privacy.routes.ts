/**
 * PIPL routes: `/api/account/consents` (list, grant, withdraw), `/api/account/export`,
 * `DELETE /api/account`.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AccountDelete,
  AccountDeleteResponse,
  Consent,
  ConsentGrant,
  ConsentIdParams,
  ConsentListResponse,
  DataExport,
} from '@tianfu/contracts';
import { requireActor } from '../../policy/authorize.ts';
import { authContextOf } from '../auth/auth.context.ts';
import { authErrorResponses, requestMeta } from '../auth/auth.routes.ts';
import { clearSessionCookies } from '../auth/session.plugin.ts';
import './privacy.errors.ts';
import { exportAccount } from './privacy.export.ts';
import { presentConsent } from './privacy.presenter.ts';
import { privacyService } from './privacy.service.ts';

const errors = { ...authErrorResponses, 404: authErrorResponses[400] };

/** Privacy routes. */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = authContextOf(app);
  const svc = privacyService(ctx);
  const tags = ['privacy'];

  app.get(
    '/api/account/consents',
    {
      schema: {
        tags,
        summary: 'My consent records (withdrawn ones included)',
        response: { 200: ConsentListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'consent.list');
      return { items: (await svc.listConsents(actor.userId)).map(presentConsent) };
    },
  );

  app.post(
    '/api/account/consents',
    {
      schema: { tags, summary: 'Give a consent', body: ConsentGrant, response: { 201: Consent, ...errors } },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'consent.grant');
      return reply
        .status(201)
        .send(presentConsent(await svc.grant(actor.userId, request.body, requestMeta(request))));
    },
  );

  app.post(
    '/api/account/consents/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw one of my consents',
        params: ConsentIdParams,
        response: { 200: Consent, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'consent.withdraw');
      return presentConsent(await svc.withdraw(actor.userId, request.params.id, requestMeta(request)));
    },
  );

  app.get(
    '/api/account/export',
    {
      schema: {
        tags,
        summary: 'Download all my data as JSON',
        response: { 200: DataExport, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'account.export');
      const data = await exportAccount(ctx, actor.userId, actor.sessionId);
      await app.audit.recordRequest(request, {
        action: 'account.export',
        target: { type: 'user', id: actor.userId },
        outcome: 'success',
      });
      reply.header(
        'content-disposition',
        `attachment; filename="tianfu-export-${data.exportedAt.slice(0, 10)}.json"`,
      );
      reply.header('cache-control', 'no-store');
      return data;
    },
  );

  app.delete(
    '/api/account',
    {
      schema: {
        tags,
        summary: 'Delete my account (password required); personal data is removed or anonymized',
        body: AccountDelete,
        response: { 200: AccountDeleteResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'account.delete');
      await svc.deleteAccount(actor.userId, request.body.password, requestMeta(request));
      clearSessionCookies(app, reply);
      return { deleted: true as const };
    },
  );
};
