// drizzle-kit configuration: only used to GENERATE migrations (`npm run db:generate`).
// Migrations are applied at runtime by createDb().migrate(), on PGlite and PostgreSQL alike.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/index.ts',
  out: './packages/db/migrations',
  casing: undefined,
  strict: true,
});
