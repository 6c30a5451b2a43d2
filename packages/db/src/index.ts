/**
 * @tianfu/db — the data layer: drizzle schema, migrations, `createDb()` over PGlite or PostgreSQL,
 * jobs, regions and demo seed data.
 */
import * as schema from './schema/index.ts';

export { schema };
export * from './schema/index.ts';
export * from './client.ts';
export * from './jobs.ts';
export * from './regions/index.ts';
export * from './seed/index.ts';
