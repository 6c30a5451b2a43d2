/**
 * Demo data on the first start: runs @tianfu/db's seeding step (administrator, editor, officers
 * for Sichuan and some of its cities and counties, and whatever later features add) with the
 * server's argon2id password hasher, so demo sign-ins work exactly like real ones.
 * @module
 */
import { seedIfEmpty, type SeedResult } from '@tianfu/db';
import { hashPassword } from '../crypto/password.ts';
import type { BootContext } from './boot.ts';

/** Seeds an empty database; a database that already has accounts is left alone. */
export async function seedDemoData(ctx: Pick<BootContext, 'db' | 'logger'>): Promise<SeedResult> {
  const started = performance.now();
  const result = await seedIfEmpty(ctx.db, { hashPassword });
  if (result.seeded) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    ctx.logger.info(
      { seeders: result.seeders, accounts: result.accounts, timings: result.timings },
      `demo data loaded in ${seconds} s (see README for the sign-ins)`,
    );
  }
  return result;
}
