/**
 * The whole drizzle schema. One file per area; this barrel is what `drizzle.config.ts` and
 * `createDb()` read, so a table not exported here does not exist.
 */
export * from './accounts.ts';
export * from './auth.ts';
export * from './privacy.ts';
export * from './audit.ts';
export * from './notify.ts';
export * from './catalog.ts';
export * from './matching.ts';
export * from './imports.ts';
