/**
 * Demo data, loaded once on the first start of an empty database (no users yet).
 * The check and the inserts run in one transaction holding an advisory lock, so two processes
 * starting together on PostgreSQL seed once, and a failing seeder leaves the database empty
 * (and seeding is retried on the next start) rather than half-filled.
 */
import { count, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog, users } from '../schema/index.ts';
import { DEFAULT_SEEDERS } from './seeders.ts';
import type { SeedContext, Seeder } from './types.ts';

export type { SeedContext, Seeder } from './types.ts';
export { DEFAULT_SEEDERS } from './seeders.ts';
export { DEMO_PASSWORD, DEMO_STAFF, staffSeeder, type DemoStaff } from './staff.seeder.ts';
export {
  catalogSeeder,
  createCatalogSeeder,
  DEMO_CATALOG_SEED,
  DEMO_SIGN_INS,
  type DemoSignIn,
} from './catalog.seeder.ts';

export interface SeedOptions {
  hashPassword: (password: string) => Promise<string>;
  /** Defaults to {@link DEFAULT_SEEDERS}. */
  seeders?: readonly Seeder[];
}

export interface SeedResult {
  seeded: boolean;
  /** Names of the seeders that ran (empty when the database already had users). */
  seeders: string[];
  /** Number of accounts the seeders created. */
  accounts: number;
  /** Milliseconds each seeder took (empty when nothing ran). */
  timings: Record<string, number>;
}

const SEED_LOCK_KEY = 7_245_019_332;

/**
 * Runs the seeders if the database has no users. Call after `db.migrate()`.
 * @example await seedIfEmpty(db, { hashPassword });
 */
export async function seedIfEmpty(db: Db, options: SeedOptions): Promise<SeedResult> {
  const seeders = options.seeders ?? DEFAULT_SEEDERS;
  return db.orm.transaction(async (tx) => {
    // Held until the transaction ends: a second process waits, then sees the users and skips.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [row] = await tx.select({ n: count() }).from(users);
    if ((row?.n ?? 0) > 0) return { seeded: false, seeders: [], accounts: 0, timings: {} };
    const ctx: SeedContext = {
      orm: tx as unknown as SeedContext['orm'],
      hashPassword: options.hashPassword,
      accounts: new Map(),
    };
    const timings: Record<string, number> = {};
    for (const seeder of seeders) {
      const started = performance.now();
      await seeder.run(ctx);
      timings[seeder.name] = Math.round(performance.now() - started);
    }
    const names = seeders.map((s) => s.name);
    await tx.insert(auditLog).values({
      action: 'system.seed_demo_data',
      outcome: 'success',
      details: { seeders: names, accounts: ctx.accounts.size, timings },
    });
    return { seeded: true, seeders: names, accounts: ctx.accounts.size, timings };
  });
}
