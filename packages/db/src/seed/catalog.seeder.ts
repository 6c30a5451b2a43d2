/**
 * The demo catalog: a realistic Sichuan from `generateSichuanDemo()` — scientist profiles (most
 * without an account), teams with members, enterprises, needs of the four kinds, services and
 * research results across the 21 cities — plus two sign-ins tied to catalog rows (an enterprise
 * user and a scientist; see DEMO_ACCOUNTS.md). Deterministic for a given day, written with chunked
 * multi-row inserts inside the seeding transaction, and skipped when the demo rows are already there.
 * @module
 */
import { eq } from 'drizzle-orm';
import {
  capabilities,
  listingStatusEvents,
  listingVersions,
  needs,
  organizationClaims,
  organizations,
  orgMembers,
  results,
  scientistProfiles,
  teamMembers,
  teams,
  users,
} from '../schema/index.ts';
import { generateSichuanDemo } from './demo/index.ts';
import type { SichuanDemoOptions } from './demo/demo.types.ts';
import { insertChunked } from './catalog/insert.ts';
import { buildCatalogPlan, DEMO_SIGN_INS } from './catalog/plan.ts';
import { firstVersions } from './catalog/versions.ts';
import { DEMO_PASSWORD } from './staff.seeder.ts';
import type { Seeder } from './types.ts';

export { DEMO_SIGN_INS, DEMO_REJECTION_REASON, type DemoSignIn } from './catalog/plan.ts';

/** The generator seed of the demo catalog (fixed: every install shows the same Sichuan). */
export const DEMO_CATALOG_SEED = 'tianfu';

export interface CatalogSeederOptions {
  /** Generator options (counts); the seed defaults to {@link DEMO_CATALOG_SEED}. */
  demo?: Partial<SichuanDemoOptions>;
  /** The clock: rows are dated relative to it and deadlines lie after it. Default: now. */
  now?: () => Date;
}

/** Builds the catalog seeder; {@link catalogSeeder} is the default one. */
export function createCatalogSeeder(options: CatalogSeederOptions = {}): Seeder {
  return {
    name: 'catalog',
    async run({ orm, hashPassword, accounts }) {
      const now = options.now?.() ?? new Date();
      const demo = generateSichuanDemo({
        seed: DEMO_CATALOG_SEED,
        ...options.demo,
        today: options.demo?.today ?? now.toISOString().slice(0, 10),
      });
      const firstId = demo.scientists[0]?.id;
      if (firstId) {
        const [already] = await orm
          .select({ id: scientistProfiles.id })
          .from(scientistProfiles)
          .where(eq(scientistProfiles.externalId, firstId))
          .limit(1);
        if (already) return;
      }

      const plan = buildCatalogPlan(demo, now);
      const hash = await hashPassword(DEMO_PASSWORD);
      for (const u of plan.users) if (u.phone) u.passwordHash = hash;

      // Parents before children (foreign keys).
      await insertChunked(orm, users, plan.users);
      await insertChunked(orm, organizations, plan.organizations);
      await insertChunked(orm, orgMembers, plan.orgMembers);
      // The officers have verified most enterprises' claims; every tenth (never a demo sign-in's)
      // still waits in the 企业认证 queue.
      const officer = accounts.get('officer-sichuan')?.id ?? null;
      const demoUsers = new Set(
        plan.users.filter((u) => DEMO_SIGN_INS.some((d) => d.phone === u.phone)).map((u) => u.id),
      );
      await insertChunked(
        orm,
        organizationClaims,
        plan.orgMembers
          .filter((m) => m.role === 'owner')
          .map((m, i) => {
            const pending = i % 10 === 9 && !demoUsers.has(m.userId);
            const at = m.createdAt ?? now;
            return {
              orgId: m.orgId,
              claimantId: m.userId,
              status: pending ? ('pending' as const) : ('verified' as const),
              submittedAt: at,
              decidedBy: pending ? null : officer,
              decidedAt: pending ? null : new Date(at.getTime() + 2 * 86_400_000),
              createdAt: at,
              updatedAt: at,
            };
          }),
      );
      await insertChunked(orm, scientistProfiles, plan.scientists);
      await insertChunked(orm, teams, plan.teams);
      await insertChunked(orm, teamMembers, plan.teamMembers);
      await insertChunked(orm, capabilities, plan.capabilities);
      await insertChunked(orm, results, plan.results);
      await insertChunked(orm, needs, plan.needs);
      await insertChunked(orm, listingVersions, [
        ...firstVersions('scientist', plan.scientists),
        ...firstVersions('capability', plan.capabilities),
        ...firstVersions('result', plan.results),
        ...firstVersions('need', plan.needs),
      ]);
      await insertChunked(
        orm,
        listingStatusEvents,
        plan.statusEvents.map((e) => (e.toStatus === 'rejected' ? { ...e, actorId: officer } : e)),
      );

      for (const signIn of DEMO_SIGN_INS) {
        const user = plan.users.find((u) => u.phone === signIn.phone)!;
        accounts.set(`demo-${signIn.key}`, { id: user.id!, phone: signIn.phone });
      }
    },
  };
}

/** The demo catalog as the first start writes it. */
export const catalogSeeder: Seeder = createCatalogSeeder();
