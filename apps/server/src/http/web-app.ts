/**
 * Serves the built web app (apps/web/dist) next to the API, with SPA fallback: any GET that is
 * not an API route and not a file answers index.html, so client-side routes survive a reload.
 * @module
 */
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { ResolvedDeps } from '../app-deps.ts';
import { apiNotFound } from './error-handler.ts';

/** apps/web/dist in this repository. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Which directory to serve, or null when there is no built web app. */
export function webDistDir(deps: Pick<ResolvedDeps, 'webDist' | 'config'>): string | null {
  if (deps.webDist === false) return null;
  const dir = resolve(deps.webDist ?? deps.config.WEB_DIST ?? DEFAULT_WEB_DIST);
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

/**
 * Registers static serving and the SPA fallback when a build exists.
 * @returns the directory served, or null (API only)
 */
export async function registerWebApp(app: FastifyInstance, deps: ResolvedDeps): Promise<string | null> {
  const dir = webDistDir(deps);
  if (!dir) return null;
  const assetsDir = join(dir, 'assets') + sep;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    setHeaders(res, filePath) {
      // Vite puts content hashes in asset names: cache them for a year; never cache the shell.
      if (filePath.startsWith(assetsDir)) res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (
      path === '/api' ||
      path.startsWith('/api/') ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      return apiNotFound(request, reply);
    }
    reply.header('cache-control', 'no-cache');
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return dir;
}
