/**
 * Global request hook (registered un-encapsulated, before every other module):
 * 1. resolves the `tianfu_session` cookie into `request.actor` (and `request.authSession`);
 * 2. enforces CSRF on state-changing API requests (double-submit cookie).
 *
 * CSRF contract for the web app: read the cookie `tianfu_csrf` (not HttpOnly; set on any GET under
 * /api when missing, and returned by `GET /api/auth/csrf`) and send it back as header
 * `x-csrf-token` on every POST/PUT/PATCH/DELETE. With a session the token is bound to it (rotated
 * at sign-in), so a token planted before sign-in is useless afterwards. Required on every
 * state-changing request that carries a session cookie, and on the anonymous sign-in/sign-up
 * endpoints (against login CSRF); other anonymous requests carry no ambient authority and are exempt.
 * @module
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@tianfu/contracts';
import { cookieSecure } from '../../config/load.ts';
import { AppError } from '../../errors/app-error.ts';
import { generateToken, safeEqual } from '../../crypto/tokens.ts';
import { authContextOf } from './auth.context.ts';
import type { SessionRow, UserRow } from './auth.repository.ts';
import { actorFor, meService } from './me.service.ts';
import { sessionService, type IssuedSession } from './session.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The live session behind the cookie (also when it still waits for the TOTP step). */
    authSession: { session: SessionRow; user: UserRow } | null;
    /** The CSRF token valid for this client (what `GET /api/auth/csrf` returns). */
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Anonymous endpoints that still need CSRF protection: a forged sign-in or sign-up would put the
// victim's browser into the attacker's account (login CSRF), a forged code request burns their quota.
const ANONYMOUS_CSRF_PATHS = new Set([
  '/api/auth/otp',
  '/api/auth/register',
  '/api/auth/login',
  '/api/auth/login/totp',
  '/api/auth/password/reset',
]);

function cookieBase(app: FastifyInstance) {
  return { path: '/', sameSite: 'strict' as const, secure: cookieSecure(app.config) };
}

/** Sets the session and CSRF cookies for a newly issued (or upgraded) session. */
export function setSessionCookies(app: FastifyInstance, reply: FastifyReply, issued: IssuedSession): void {
  const maxAge = Math.max(
    1,
    Math.floor((issued.session.expiresAt.getTime() - app.deps.now().getTime()) / 1000),
  );
  reply.setCookie(SESSION_COOKIE, issued.token, { ...cookieBase(app), httpOnly: true, maxAge });
  reply.setCookie(CSRF_COOKIE, issued.csrfToken, { ...cookieBase(app), httpOnly: false });
}

/** Clears the session cookie and gives the client a fresh anonymous CSRF token. */
export function clearSessionCookies(app: FastifyInstance, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { ...cookieBase(app), httpOnly: true });
  reply.setCookie(CSRF_COOKIE, generateToken(), { ...cookieBase(app), httpOnly: false });
}

function headerToken(request: FastifyRequest): string | undefined {
  const h = request.headers[CSRF_HEADER];
  return typeof h === 'string' ? h : undefined;
}

/** The global session + CSRF plugin (module entry with `global: true`). */
export const sessionPlugin: FastifyPluginAsync = async (app) => {
  const ctx = authContextOf(app);
  const sessions = sessionService(ctx);
  const me = meService(ctx);

  app.decorateRequest('authSession', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;

    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await sessions.resolve(token);
      if (found) {
        request.authSession = { session: found.session, user: found.user };
        if (!found.session.totpPending) {
          request.actor = actorFor(found.user, await me.rolesOf(found.user.id), found.session.id);
        }
        if (found.touched) {
          setSessionCookies(app, reply, {
            token,
            csrfToken: found.session.csrfSecret,
            session: found.session,
          });
        }
      } else {
        reply.clearCookie(SESSION_COOKIE, { ...cookieBase(app), httpOnly: true });
      }
    }

    const cookieToken = request.cookies[CSRF_COOKIE];
    const expected = request.authSession?.session.csrfSecret ?? cookieToken ?? null;

    if (SAFE_METHODS.has(request.method)) {
      // Hand out (or re-sync) the token so the SPA can read it from the cookie.
      const issue = expected ?? generateToken();
      if (cookieToken !== issue) reply.setCookie(CSRF_COOKIE, issue, { ...cookieBase(app), httpOnly: false });
      request.csrfToken = issue;
      return;
    }

    const needsCheck = token !== undefined || ANONYMOUS_CSRF_PATHS.has(request.url.split('?')[0]!);
    if (!needsCheck) return;
    const sent = headerToken(request);
    // Without a session both the cookie and the header must be present and equal (double submit).
    if (!expected || !sent || !safeEqual(sent, expected) || (!request.authSession && cookieToken !== sent)) {
      await app.audit
        .recordRequest(request, {
          action: 'csrf.check',
          outcome: 'denied',
          details: {
            method: request.method,
            route: request.url.split('?')[0],
            reason: sent ? 'mismatch' : 'missing',
          },
        })
        .catch((err: unknown) => request.log.error({ err }, 'could not audit a CSRF denial'));
      throw new AppError('error.csrf', 403);
    }
    request.csrfToken = expected;
  });
};
