/**
 * `buildApp(deps)`: the Fastify instance with every cross-cutting concern (zod schemas,
 * errors, i18n, security headers, rate limits, request ids, OpenAPI) and the feature modules
 * from `modules/index.ts`. No I/O happens here besides what the deps do: `main.ts` owns start-up.
 * @module
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps, ResolvedDeps } from './app-deps.ts';
import type { AppConfig } from './config/keys.ts';
import { resolveSecretKey } from './config/secret-key.ts';
import './errors/core.errors.ts';
import { apiNotFound, installErrorHandlers } from './http/error-handler.ts';
import { createLogger } from './http/logger.ts';
import {
  installDrainOnClose,
  installRequestIdHeader,
  registerRateLimits,
  registerSecurityHeaders,
  requestIdFor,
} from './http/security.ts';
import { registerWebApp } from './http/web-app.ts';
import { createCatalogEvents, type CatalogEvents } from './events/catalog-events.ts';
import { localeFromRequest, type Locale } from './i18n/locale.ts';
import type { Actor } from './policy/actor.ts';
import { createAuditService, type AuditService } from './modules/audit/audit.service.ts';
import { registerApiDocs } from './modules/docs/docs.plugin.ts';
import { featureModules } from './modules/index.ts';
import { createSmsSender } from './modules/sms/sms.factory.ts';

export type { AppDeps } from './app-deps.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Dependencies with defaults applied (db, config, logger, secret key, …). */
    deps: ResolvedDeps;
    config: AppConfig;
    /** Append-only audit trail; see modules/audit. */
    audit: AuditService;
    /** Catalog change notifications (services emit after commit; the match index listens). */
    catalogEvents: CatalogEvents;
  }
  interface FastifyRequest {
    /** The signed-in user, set by the auth module's session hook; null when anonymous. */
    actor: Actor | null;
    /** Language for messages in this request (zh-CN default, en). */
    locale: Locale;
  }
}

/** The app type feature modules see. */
export type App = FastifyInstance;

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * Builds the HTTP application. Call `await app.ready()` (or `listen`) before use and `app.close()` after;
 * closing the app does not close `deps.db` (the caller owns it).
 * @example
 * const app = await buildApp({ db, config });
 * const res = await app.inject({ method: 'GET', url: '/api/health' });
 */
export async function buildApp(input: AppDeps): Promise<FastifyInstance> {
  const { config } = input;
  const logger = input.logger ?? createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  const deps: ResolvedDeps = {
    ...input,
    logger,
    sms: input.sms ?? createSmsSender(config, input.db, logger),
    secretKey: input.secretKey ?? resolveSecretKey(config),
    version: input.version ?? packageVersion(),
    now: input.now ?? (() => new Date()),
  };

  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast only drops pino's extra generic.
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    genReqId: (req) => requestIdFor(req.headers),
    // Finish in-flight requests on close, but stop idle keep-alive sockets from holding shutdown.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    // onReady hooks may do real start-up work: the match index is rebuilt from the database
    // there (tens of seconds on the demo data, minutes on a large catalog without a snapshot).
    pluginTimeout: 600_000,
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorate('deps', deps);
  app.decorate('config', config);
  app.decorate('audit', createAuditService(deps));
  app.decorate('catalogEvents', createCatalogEvents(deps.logger));
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (request) => {
    request.locale = localeFromRequest(request);
  });

  installRequestIdHeader(app);
  installDrainOnClose(app);
  installErrorHandlers(app);
  await registerSecurityHeaders(app, config);
  await registerRateLimits(app, config);
  await app.register(cookie);
  await registerApiDocs(app, deps.version);

  // Feature modules, in order. A module marked `global` (the auth session hook) is registered
  // without encapsulation so its hooks and decorators apply to every module after it.
  for (const mod of featureModules) {
    await app.register(mod.global ? fp(mod.plugin, { name: mod.name }) : mod.plugin);
  }

  const webDist = await registerWebApp(app, deps);
  if (!webDist) app.setNotFoundHandler(apiNotFound);

  return app;
}
