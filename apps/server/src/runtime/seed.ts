/**
 * Demo data on the first start: delegates to @tianfu/db's seeding step (administrator,
 * officers for Sichuan and some of its cities and counties, and whatever later features add),
 * giving it the server's argon2id password hasher so demo sign-ins work.
 * @module
 */
import * as dbPackage from '@tianfu/db';
import { hashPassword } from '../crypto/password.ts';
import type { BootContext } from './boot.ts';

type SeedIfEmpty = (
  db: dbPackage.Db,
  options: { hashPassword: (password: string) => Promise<string> },
) => Promise<unknown>;

/** Seeds an empty database; a database with accounts is left alone. */
export async function seedDemoData(ctx: BootContext): Promise<void> {
  // Looked up by name so the server starts before the seeding step exists in @tianfu/db.
  const seedIfEmpty = (dbPackage as unknown as { seedIfEmpty?: SeedIfEmpty }).seedIfEmpty;
  if (!seedIfEmpty) {
    ctx.logger.warn('no demo seed available in @tianfu/db yet');
    return;
  }
  const result = await seedIfEmpty(ctx.db, { hashPassword });
  ctx.logger.info({ result }, 'demo data checked');
}
