/**
 * Cross-cutting HTTP protections: request ids, security headers, rate limits.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { AppConfig } from '../config/keys.ts';
import { AppError } from '../errors/app-error.ts';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Request id for a raw request: the caller's `x-request-id` when it is a short safe token
 * (so a proxy's id follows the request through our logs and audit rows), otherwise a fresh UUID.
 */
export function requestIdFor(headers: Record<string, string | string[] | undefined>): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Echoes the request id on every response. */
export function installRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
}

/**
 * During shutdown, answers still in flight carry `Connection: close`, so their keep-alive sockets
 * end with the response instead of holding `app.close()` open until the keep-alive timeout.
 */
export function installDrainOnClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}

/**
 * Security headers. The CSP fits the antd SPA: scripts only from our origin; inline styles
 * allowed because antd's CSS-in-JS injects `<style>` tags at run time; images may be data:
 * URLs (QR codes for 2FA); nobody may frame us.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: AppConfig): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'manifest-src': ["'self'"],
        'worker-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(config.NODE_ENV === 'production' ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS only makes sense behind TLS, i.e. in production.
    hsts: config.NODE_ENV === 'production' ? { maxAge: 15_552_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Rate limits per client IP: a global budget on `/api/*` and a stricter one on `/api/auth/*`
 * (sign-in, registration, codes) counted separately. Static files are not limited.
 * A route can opt out with `config: { rateLimit: false }` (health probes).
 */
export async function registerRateLimits(app: FastifyInstance, config: AppConfig): Promise<void> {
  if (!config.RATE_LIMIT_ENABLED) return;
  const isAuth = (url: string) => url.startsWith('/api/auth/') || url === '/api/auth';
  await app.register(rateLimit, {
    global: true,
    max: (req) => (isAuth(req.url) ? config.RATE_LIMIT_AUTH_MAX : config.RATE_LIMIT_MAX),
    timeWindow: (req) => 1000 * (isAuth(req.url) ? config.RATE_LIMIT_AUTH_WINDOW : config.RATE_LIMIT_WINDOW),
    keyGenerator: (req) => (isAuth(req.url) ? `auth|${req.ip}` : req.ip),
    allowList: (req) => !req.url.startsWith('/api/'),
    errorResponseBuilder: (_req, context) =>
      new AppError('error.rate_limited', 429, {
        params: { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) },
      }),
  });
}
