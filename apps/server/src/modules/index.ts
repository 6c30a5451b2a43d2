/**
 * The feature modules, in registration order, and their background jobs.
 *
 * Adding a module = one import + one entry. A module is a Fastify plugin declaring full paths
 * under `/api/...` with zod schemas from `@tianfu/contracts`:
 *
 *   export const needRoutes: FastifyPluginAsyncZod = async (app) => {
 *     app.post('/api/needs', { schema: { body: NeedCreate, response: { 201: NeedView, 400: ErrorResponse } } },
 *       async (request, reply) => {
 *         const actor = await requireActor(request, 'need.create');          // 401 + audit row
 *         await authorize(request, needPolicy.canCreate(actor, request.body));  // 403 + audit row
 *         const need = await createNeed(app.deps.db, actor, request.body);      // service: the rules
 *         return reply.status(201).send(presentNeed(need, actor));              // presenter: never raw rows
 *       });
 *   };
 *
 * Errors: `throw new AppError('need.closed', 409)` with the code registered in `need.errors.ts`
 * via `registerMessages({...})`. Available on `app`: `app.deps` (db, config, logger, secretKey,
 * jobs?, sms?, now), `app.audit.recordRequest(request, {...})`; on `request`: `actor`, `locale`.
 *
 * `global: true` registers the plugin without encapsulation (fastify-plugin), so its hooks and
 * decorators reach every module after it: the auth module uses it to set `request.actor`.
 * @module
 */
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit/audit.routes.ts';
import { registerAuditJobs } from './audit/audit.jobs.ts';
import { healthRoutes } from './health/health.routes.ts';
import { regionsRoutes } from './regions/regions.routes.ts';
import type { JobRegistration } from './worker-context.ts';
import { adminRoutes } from './admin/admin.routes.ts';
import { smsOutboxRoutes } from './sms/sms.routes.ts';
import { registerSmsJobs } from './sms/sms.jobs.ts';
import { sessionPlugin } from './auth/session.plugin.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { accountSecurityRoutes } from './auth/account-security.routes.ts';
import { accountsRoutes } from './accounts/accounts.routes.ts';
import { identityRoutes } from './identity/identity.routes.ts';
import { privacyRoutes } from './privacy/privacy.routes.ts';
import { registerAuthJobs } from './auth/auth.jobs.ts';
import { importsRoutes } from './imports/imports.routes.ts';
import { registerImportsJobs } from './imports/imports.jobs.ts';
import { profilesRoutes } from './profiles/profiles.routes.ts';
import { listingsRoutes } from './listings/listings.routes.ts';
import { registerListingsJobs } from './listings/listings.jobs.ts';
import { matchingPlugin } from './matching/matching.plugin.ts';
import { registerMatchingJobs } from './matching/matching.jobs.ts';

/** One feature's HTTP side. */
export interface FeatureModule {
  name: string;
  plugin: FastifyPluginAsyncZod | FastifyPluginAsync;
  global?: boolean;
}

/** HTTP modules, registered in this order (session/auth first so every later route sees `request.actor`). */
export const featureModules: FeatureModule[] = [
  { name: 'auth-session', plugin: sessionPlugin, global: true },
  { name: 'health', plugin: healthRoutes },
  { name: 'regions', plugin: regionsRoutes },
  { name: 'audit', plugin: auditRoutes },
  { name: 'auth', plugin: authRoutes },
  { name: 'account-security', plugin: accountSecurityRoutes },
  { name: 'accounts', plugin: accountsRoutes },
  { name: 'identity', plugin: identityRoutes },
  { name: 'privacy', plugin: privacyRoutes },
  { name: 'admin', plugin: adminRoutes },
  { name: 'sms-outbox', plugin: smsOutboxRoutes },
  { name: 'imports', plugin: importsRoutes },
  { name: 'profiles', plugin: profilesRoutes },
  { name: 'listings', plugin: listingsRoutes },
  // After profiles and listings: search, recommendations, saved searches, notifications, and the
  // catalog index every API node keeps (global so `app.catalogIndex` reaches imports).
  { name: 'matching', plugin: matchingPlugin, global: true },
];

/** Job registrations, run by the worker (in-process in embedded mode, or `npm run worker`). */
export const featureJobs: JobRegistration[] = [
  registerAuditJobs,
  registerSmsJobs,
  registerAuthJobs,
  registerListingsJobs,
  registerMatchingJobs,
  registerImportsJobs,
];
