/**
 * Taxonomies shared by server and web: GB/T 13745-2009 disciplines (first and second level) and
 * GB/T 4754-2017 industries (sections and divisions), with bilingual names, lookups, a picker search
 * and zod schemas for codes.
 * @module
 */
export * from './types.ts';
export * from './disciplines.ts';
export * from './industries.ts';
export * from './names.ts';
export * from './search.ts';
export * from './schemas.ts';
