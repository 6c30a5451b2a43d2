/**
 * `/api/auth/*`: codes, registration, sign-in (with the TOTP step), sign-out, `me`, CSRF token,
 * forgotten password. Thin: validate (contracts), call the service, set cookies, present.
 * @module
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CsrfResponse,
  ErrorResponse,
  LoginRequest,
  LoginResponse,
  LoginTotpRequest,
  MeResponse,
  OkResponse,
  OtpRequest,
  OtpResponse,
  PasswordResetRequest,
  RegisterRequest,
} from '@tianfu/contracts';
import { maskPhone } from '../../http/mask.ts';
import { authContextOf } from './auth.context.ts';
import './auth.errors.ts';
import { authService, type RequestMeta, type SignInResult } from './auth.service.ts';
import { meService } from './me.service.ts';
import { sessionService } from './session.service.ts';
import { clearSessionCookies, setSessionCookies } from './session.plugin.ts';

/** Errors any auth route may answer with (documented in OpenAPI). */
export const authErrorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  409: ErrorResponse,
  423: ErrorResponse,
  429: ErrorResponse,
  503: ErrorResponse,
} as const;

/** Request facts for the services, with audit bound to this request. */
export function requestMeta(request: FastifyRequest): RequestMeta {
  const ua = request.headers['user-agent'];
  return {
    ip: request.ip ?? null,
    userAgent: typeof ua === 'string' ? ua : null,
    audit: (event) => request.server.audit.recordRequest(request, event),
  };
}

/** Auth routes. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = authContextOf(app);
  const auth = authService(ctx);
  const me = meService(ctx);
  const sessions = sessionService(ctx);

  async function signedIn(reply: FastifyReply, result: SignInResult) {
    setSessionCookies(app, reply, result.issued);
    return me.me(result.user);
  }

  app.get(
    '/api/auth/csrf',
    {
      schema: {
        tags: ['auth'],
        summary: 'CSRF token (also in the readable cookie tianfu_csrf)',
        response: { 200: CsrfResponse },
      },
    },
    async (request) => ({ token: request.csrfToken ?? '' }),
  );

  app.post(
    '/api/auth/otp',
    {
      schema: {
        tags: ['auth'],
        summary: 'Send an SMS one-time code (1/min, 5/h, 10/day per number)',
        body: OtpRequest,
        response: { 200: OtpResponse, ...authErrorResponses },
      },
    },
    async (request) => {
      const { phone, purpose } = request.body;
      const r = await auth.requestOtp(phone, purpose, requestMeta(request), request.actor?.userId ?? null);
      return { sent: true as const, phoneMasked: maskPhone(phone), ...r };
    },
  );

  app.post(
    '/api/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Register with phone + SMS code + password; signs in',
        body: RegisterRequest,
        response: { 201: MeResponse, ...authErrorResponses },
      },
    },
    async (request, reply) => {
      const result = await auth.register(request.body, requestMeta(request));
      return reply.status(201).send(await signedIn(reply, result));
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with password or SMS code; may ask for a TOTP code next',
        body: LoginRequest,
        response: { 200: LoginResponse, ...authErrorResponses },
      },
    },
    async (request, reply) => {
      const result = await auth.login(request.body, requestMeta(request));
      setSessionCookies(app, reply, result.issued);
      if (result.status === 'totp_required') return { status: 'totp_required' as const };
      return { status: 'ok' as const, me: await me.me(result.user) };
    },
  );

  app.post(
    '/api/auth/login/totp',
    {
      schema: {
        tags: ['auth'],
        summary: 'Second sign-in step: authenticator code',
        body: LoginTotpRequest,
        response: { 200: MeResponse, ...authErrorResponses },
      },
    },
    async (request, reply) => {
      const s = request.authSession;
      const pending = s?.session.totpPending
        ? { sessionId: s.session.id, user: s.user, session: s.session }
        : null;
      const result = await auth.loginTotp(pending, request.body.code, requestMeta(request));
      return signedIn(reply, result);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out (revokes this session)',
        response: { 200: OkResponse, ...authErrorResponses },
      },
    },
    async (request, reply) => {
      const s = request.authSession;
      if (s) {
        await sessions.revoke(s.session.id, s.user.id);
        await app.audit.recordRequest(request, {
          action: 'auth.logout',
          target: { type: 'session', id: s.session.id },
          outcome: 'success',
        });
      }
      clearSessionCookies(app, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user (user null when signed out)',
        response: { 200: MeResponse },
      },
    },
    async (request) => me.me(request.actor ? (request.authSession?.user ?? null) : null),
  );

  app.post(
    '/api/auth/password/reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Forgotten password: new password with a reset_password SMS code',
        body: PasswordResetRequest,
        response: { 200: OkResponse, ...authErrorResponses },
      },
    },
    async (request) => {
      await auth.resetPassword(request.body, requestMeta(request));
      return { ok: true as const };
    },
  );
};
