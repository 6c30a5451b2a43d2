/**
 * Contracts of the supply-and-demand catalog (issue 4): enums, profiles (scientists, teams,
 * organizations), listings (capabilities, results, needs) and their review.
 * @module
 */
export * from './enums.ts';
export * from './fields.ts';
export * from './scientists.ts';
export * from './teams.ts';
export * from './organizations.ts';
export * from './org-claims.ts';
export * from './capabilities.ts';
export * from './results.ts';
export * from './needs.ts';
export * from './review.ts';
export * from './need-quality.ts';
export * from './search.ts';
export * from './matches.ts';
export * from './saved-searches.ts';
export * from './notifications.ts';
export * from './imports.ts';
