/**
 * `/api/account/{sessions,totp,password,phone}`: the signed-in user's security settings.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePasswordRequest,
  ChangePhoneRequest,
  OkResponse,
  SessionIdParams,
  SessionListResponse,
  TotpConfirmRequest,
  TotpDisableRequest,
  TotpEnrollResponse,
  TotpStatusResponse,
  VerifyPhoneRequest,
} from '@tianfu/contracts';
import { requireActor } from '../../policy/authorize.ts';
import { accountSecurityService } from './account-security.service.ts';
import { authContextOf } from './auth.context.ts';
import { authErrorResponses, requestMeta } from './auth.routes.ts';
import { presentSession } from './auth.presenter.ts';

/** Account security routes. */
export const accountSecurityRoutes: FastifyPluginAsyncZod = async (app) => {
  const svc = accountSecurityService(authContextOf(app));
  const tags = ['account'];

  app.get(
    '/api/account/sessions',
    {
      schema: {
        tags,
        summary: 'My active sessions',
        response: { 200: SessionListResponse, ...authErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'auth.session.list');
      const rows = await svc.listSessions(actor.userId);
      return { items: rows.map((s) => presentSession(s, actor.sessionId)) };
    },
  );

  app.delete(
    '/api/account/sessions/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of my sessions',
        params: SessionIdParams,
        response: { 200: OkResponse, ...authErrorResponses, 404: authErrorResponses[400] },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'auth.session.revoke');
      await svc.revokeSession(actor.userId, request.params.id, requestMeta(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/account/totp/enroll',
    {
      schema: {
        tags,
        summary: 'Start authenticator (TOTP) setup',
        response: { 200: TotpEnrollResponse, ...authErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'auth.totp.enroll');
      return svc.enrollTotp(actor.userId, requestMeta(request));
    },
  );

  app.post(
    '/api/account/totp/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the authenticator with a code; turns TOTP on',
        body: TotpConfirmRequest,
        response: { 200: TotpStatusResponse, ...authErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'auth.totp.confirm');
      await svc.confirmTotp(actor.userId, request.body.code, requestMeta(request));
      return { enabled: true };
    },
  );

  app.post(
    '/api/account/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn TOTP off (not allowed for officers and administrators)',
        body: TotpDisableRequest,
        response: { 200: TotpStatusResponse, ...authErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'auth.totp.disable');
      await svc.disableTotp(actor.userId, request.body.password, request.body.code, requestMeta(request));
      return { enabled: false };
    },
  );

  app.post(
    '/api/account/password',
    {
      schema: {
        tags,
        summary: 'Change my password (signs out my other sessions)',
        body: ChangePasswordRequest,
        response: { 200: OkResponse, ...authErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'auth.password.change');
      const { currentPassword, newPassword } = request.body;
      await svc.changePassword(
        actor.userId,
        actor.sessionId ?? null,
        currentPassword,
        newPassword,
        requestMeta(request),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/account/phone/verify',
    {
      schema: {
        tags,
        summary: 'Verify my current phone number (code of purpose verify_phone)',
        body: VerifyPhoneRequest,
        response: { 200: OkResponse, ...authErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'auth.phone.verify');
      await svc.verifyPhone(actor.userId, request.body.code, requestMeta(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/account/phone',
    {
      schema: {
        tags,
        summary: 'Change my phone number (code of purpose change_phone sent to the new number)',
        body: ChangePhoneRequest,
        response: { 200: OkResponse, ...authErrorResponses },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'auth.phone.change');
      await svc.changePhone(actor.userId, request.body.newPhone, request.body.code, requestMeta(request));
      return { ok: true as const };
    },
  );
};
