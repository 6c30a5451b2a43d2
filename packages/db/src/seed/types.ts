/**
 * Types shared by the seeding step and the seeders later features add.
 */
import type { Orm } from '../client.ts';

/** What a seeder gets: the transaction to write through and the server's password hasher. */
export interface SeedContext {
  /** drizzle bound to the seeding transaction: write through this, not `db.orm`. */
  orm: Orm;
  /** argon2id from the server, so demo accounts sign in exactly like real ones. */
  hashPassword: (password: string) => Promise<string>;
  /** Accounts created by earlier seeders, by demo key (e.g. `officer-chengdu`). */
  accounts: Map<string, { id: string; phone: string }>;
}

/** One unit of demo data. Seeders run in list order inside one transaction. */
export interface Seeder {
  /** Short stable name, reported in the result and the audit row. */
  name: string;
  run(ctx: SeedContext): Promise<void>;
}
