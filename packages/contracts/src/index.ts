/**
 * zod schemas and inferred types for every endpoint and job payload, shared by server and web.
 * Each feature adds its own file and one re-export line here.
 * @module
 */
export * from './common.ts';
export * from './health.ts';
export * from './regions.ts';
export * from './audit.ts';
export * from './validation/index.ts';
export * from './auth.ts';
export * from './accounts.ts';
export * from './identity.ts';
export * from './privacy.ts';
export * from './sms.ts';
export * from './admin.ts';
export * from './taxonomy/index.ts';
export * from './catalog/index.ts';
