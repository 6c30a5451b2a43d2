/**
 * Real-name routes: `POST/GET /api/account/identity` for the person, `GET /api/identity` and
 * `POST /api/identity/:userId/verify|reject` for officers of the person's region (and admins).
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Identity,
  IdentityDecisionResponse,
  IdentityReject,
  IdentityReviewListResponse,
  IdentityReviewQuery,
  IdentitySubmit,
  IdentityUserParams,
} from '@tianfu/contracts';
import { AppError } from '../../errors/app-error.ts';
import { authorize, requireActor } from '../../policy/authorize.ts';
import { regionScopeOf } from '../../policy/region-scope.ts';
import { authContextOf } from '../auth/auth.context.ts';
import { authErrorResponses, requestMeta } from '../auth/auth.routes.ts';
import './identity.errors.ts';
import { canListIdentities, canReviewIdentity } from './identity.policy.ts';
import { presentDecision, presentOwnIdentity, presentReviewItem } from './identity.presenter.ts';
import { identityService } from './identity.service.ts';
import './identity.verifier.ts';

const errors = { ...authErrorResponses, 404: authErrorResponses[400] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Identity routes. */
export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = identityService(authContextOf(app), app.deps.identityVerifier);

  app.get(
    '/api/account/identity',
    {
      schema: {
        tags: ['identity'],
        summary: 'My real-name status (masked)',
        response: { 200: Identity, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'identity.read');
      return presentOwnIdentity(await svc.getOwn(actor.userId));
    },
  );

  app.post(
    '/api/account/identity',
    {
      schema: {
        tags: ['identity'],
        summary: 'Submit name + resident ID number (needs an active real_name consent first)',
        body: IdentitySubmit,
        response: { 201: Identity, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'identity.submit');
      const row = await svc.submit(actor.userId, request.body, requestMeta(request));
      return reply.status(201).send(presentOwnIdentity(row));
    },
  );

  app.get(
    '/api/identity',
    {
      schema: {
        tags: ['identity'],
        summary: 'Real-name submissions in my region (officers, administrators)',
        querystring: IdentityReviewQuery,
        response: { 200: IdentityReviewListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'identity.list');
      await authorize(request, canListIdentities(actor));
      const { status, page, pageSize } = request.query;
      const { rows, total } = await svc.listForReview(
        status,
        regionScopeOf(actor),
        pageSize,
        (page - 1) * pageSize,
      );
      return { items: rows.map((r) => presentReviewItem(r.identity, r.displayName)), page, pageSize, total };
    },
  );

  for (const verb of ['verify', 'reject'] as const) {
    app.post(
      `/api/identity/:userId/${verb}`,
      {
        schema: {
          tags: ['identity'],
          summary:
            verb === 'verify'
              ? 'Mark a real-name submission verified'
              : 'Reject a real-name submission with a reason',
          params: IdentityUserParams,
          ...(verb === 'reject' ? { body: IdentityReject } : {}),
          response: { 200: IdentityDecisionResponse, ...errors },
        },
      },
      async (request) => {
        const action = verb === 'verify' ? ('identity.verify' as const) : ('identity.reject' as const);
        const actor = await requireActor(request, action);
        const { userId } = request.params;
        const row = UUID.test(userId) ? await svc.byUser(userId) : undefined;
        if (!row) {
          // Unknown ids are answered like foreign ones would be for non-staff: no probing.
          await authorize(request, canListIdentities(actor));
          throw new AppError('identity.not_found', 404);
        }
        await authorize(request, canReviewIdentity(actor, { userId, regionCode: row.regionCode }, action));
        const reason = verb === 'reject' ? (request.body as IdentityReject).reason : '';
        const decided = await svc.decide(
          actor,
          userId,
          verb === 'verify' ? { status: 'verified' } : { status: 'rejected', reason },
        );
        await app.audit.recordRequest(request, {
          action,
          target: { type: 'user', id: userId },
          outcome: 'success',
          regionCode: row.regionCode,
          details: verb === 'reject' ? { reason } : {},
        });
        return presentDecision(decided);
      },
    );
  }
};
