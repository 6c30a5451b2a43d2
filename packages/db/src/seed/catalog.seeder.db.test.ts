import { readFileSync } from 'node:fs';
import { scrypt, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getRegion, listChildren } from '../regions/index.ts';
import { needs, orgMembers, organizations, scientistProfiles, users } from '../schema/index.ts';
import { describeEachDb } from '../testing.ts';
import { buildCatalogPlan, DEMO_REJECTION_REASON } from './catalog/plan.ts';
import { demoUuid } from './catalog/ids.ts';
import { generateSichuanDemo } from './demo/index.ts';
import {
  catalogSeeder,
  DEMO_CATALOG_SEED,
  DEMO_PASSWORD,
  DEMO_SIGN_INS,
  DEMO_STAFF,
  seedIfEmpty,
  type SeedContext,
} from './index.ts';

const scryptAsync = promisify(scrypt) as (p: string, s: Buffer, n: number) => Promise<Buffer>;
async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('hex')}$${(await scryptAsync(password, salt, 32)).toString('hex')}`;
}
async function verify(password: string, stored: string): Promise<boolean> {
  const [, salt, hash] = stored.split('$');
  return (await scryptAsync(password, Buffer.from(salt!, 'hex'), 32)).toString('hex') === hash;
}

const CITIES = listChildren('51').map((c) => c.code);
const cityOf = (code: string) => getRegion(code)?.path[1]?.code;

describeEachDb('demo catalog seed', (getDb) => {
  const counts = async () => {
    type Counts = Record<
      | 'users'
      | 'scientists'
      | 'teams'
      | 'team_members'
      | 'enterprises'
      | 'needs'
      | 'capabilities'
      | 'results',
      number
    >;
    const { rows } = await getDb().query<Counts>(
      `select (select count(*)::int from users) as users,
              (select count(*)::int from scientist_profiles) as scientists,
              (select count(*)::int from teams) as teams,
              (select count(*)::int from team_members) as team_members,
              (select count(*)::int from organizations where org_type = 'enterprise') as enterprises,
              (select count(*)::int from needs) as needs,
              (select count(*)::int from capabilities) as capabilities,
              (select count(*)::int from results) as results`,
    );
    return rows[0]!;
  };

  it('writes a realistic Sichuan on the first start, quickly', async () => {
    const db = getDb();
    const started = performance.now();
    const result = await seedIfEmpty(db, { hashPassword });
    const seconds = (performance.now() - started) / 1000;
    console.info(`[${db.kind}] demo seed: ${seconds.toFixed(2)} s`, result.timings);
    expect(result).toMatchObject({ seeded: true, seeders: ['staff', 'catalog'] });
    expect(result.accounts).toBe(DEMO_STAFF.length + DEMO_SIGN_INS.length);
    // The target is well under 30 s for the first start; this bounds the catalog part even on a
    // loaded machine (it takes a few seconds on an idle one).
    expect(result.timings.catalog).toBeLessThan(30_000);

    const n = await counts();
    expect(n.scientists + n.teams).toBeGreaterThanOrEqual(2000);
    expect(n.enterprises).toBeGreaterThanOrEqual(500);
    expect(n.needs).toBeGreaterThanOrEqual(1000);
    expect(n.capabilities + n.results).toBeGreaterThanOrEqual(1000);
    expect(n.team_members).toBeGreaterThan(n.teams * 2);
  });

  it('covers all 21 cities with every kind of record', async () => {
    expect(CITIES).toHaveLength(21);
    for (const table of [
      'scientist_profiles',
      'organizations',
      'needs',
      'capabilities',
      'results',
      'teams',
    ]) {
      const { rows } = await getDb().query<{ code: string }>(
        `select distinct region_code as code from ${table}`,
      );
      const cities = new Set(rows.map((r) => cityOf(r.code)));
      if (table === 'teams') expect(cities.size, table).toBeGreaterThanOrEqual(10);
      else expect([...cities].sort(), table).toEqual([...CITIES].sort());
    }
  });

  it('publishes most rows and leaves some in draft, review and confidential', async () => {
    const db = getDb();
    const { rows: kinds } = await db.query<{ kind: string; status: string; n: number; secret: number }>(
      `select kind, status, count(*)::int as n, count(*) filter (where confidential)::int as secret
         from needs group by kind, status`,
    );
    const total = (f: (r: (typeof kinds)[number]) => boolean) => kinds.filter(f).reduce((a, r) => a + r.n, 0);
    expect(new Set(kinds.map((r) => r.kind))).toEqual(
      new Set(['service', 'rd_problem', 'talent', 'wanted_result']),
    );
    expect(total((r) => r.status === 'published')).toBeGreaterThan(900);
    expect(total((r) => r.status === 'draft')).toBeGreaterThan(0);
    // Some wait for the Chengdu officer in particular.
    const { rows: queue } = await db.query<{ n: number }>(
      `select count(*)::int as n from needs where status = 'submitted' and region_code like '5101%'`,
    );
    expect(queue[0]!.n).toBeGreaterThan(0);
    expect(kinds.reduce((a, r) => a + r.secret, 0)).toBeGreaterThan(50);
    // Every need carries the quality assistant's score, and the scores differ (some lack a budget).
    const { rows: scores } = await db.query<{ unscored: number; distinct: number }>(
      `select count(*) filter (where quality_score is null)::int as unscored,
              count(distinct quality_score)::int as distinct from needs`,
    );
    expect(scores[0]!.unscored).toBe(0);
    expect(scores[0]!.distinct).toBeGreaterThan(3);

    const { rows: people } = await db.query<{
      total: number;
      no_account: number;
      rural: number;
      bare: number;
    }>(
      `select count(*)::int as total,
              count(*) filter (where user_id is null)::int as no_account,
              count(*) filter (where rural_expert)::int as rural,
              count(*) filter (where rural_expert and papers = '[]'::jsonb and delivered_services <> '[]'::jsonb)::int as bare
         from scientist_profiles where status = 'published'`,
    );
    expect(people[0]!.no_account / people[0]!.total).toBeGreaterThan(0.5);
    expect(people[0]!.bare).toBe(people[0]!.rural);
    expect(people[0]!.rural).toBeGreaterThan(100);

    // Every team is led by an active member; listings of teams name the lead as author.
    const { rows: leads } = await db.query<{ n: number }>(
      `select count(*)::int as n from teams t join team_members m
         on m.team_id = t.id and m.user_id = t.lead_id and m.status = 'active'`,
    );
    expect(leads[0]!.n).toBe((await counts()).teams);
    const { rows: status } = await db.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from capabilities group by status`,
    );
    expect(status.find((r) => r.status === 'published')!.n).toBeGreaterThan(900);
    expect(status.find((r) => r.status === 'submitted')?.n ?? 0).toBeGreaterThan(0);
  });

  it("starts every record's history at version 1 and dates listings like the services do", async () => {
    const db = getDb();
    const { rows } = await db.query<{ type: string; n: number; v1: number }>(
      `select entity_type as type, count(*)::int as n, count(*) filter (where version = 1)::int as v1
         from listing_versions group by entity_type`,
    );
    const n = await counts();
    const byType = Object.fromEntries(rows.map((r) => [r.type, r]));
    expect(byType.scientist).toEqual({ type: 'scientist', n: n.scientists, v1: n.scientists });
    expect(byType.need?.v1).toBe(n.needs);
    expect(byType.capability?.v1).toBe(n.capabilities);
    expect(byType.result?.v1).toBe(n.results);
    const { rows: dates } = await db.query<{ bad: number }>(
      `select count(*)::int as bad from needs
        where (status = 'published') <> (published_at is not null and expires_at > published_at)
           or created_at > updated_at`,
    );
    expect(dates[0]!.bad).toBe(0);
  });

  it('ties the enterprise and scientist sign-ins to catalog rows', async () => {
    const db = getDb();
    const [ent, sci] = DEMO_SIGN_INS;
    const [entUser] = await db.orm.select().from(users).where(eq(users.phone, ent!.phone));
    expect(entUser?.kind).toBe('organization');
    expect(await verify(DEMO_PASSWORD, entUser!.passwordHash!)).toBe(true);
    const owned = await db.orm
      .select({ id: organizations.id, type: organizations.orgType, role: orgMembers.role })
      .from(organizations)
      .innerJoin(orgMembers, eq(orgMembers.orgId, organizations.id))
      .where(eq(orgMembers.userId, entUser!.id));
    expect(owned).toEqual([{ id: expect.any(String), type: 'enterprise', role: 'owner' }]);
    const own = await db.orm.select().from(needs).where(eq(needs.orgId, owned[0]!.id));
    const states = own.map((n) => n.status);
    expect(states).toEqual(expect.arrayContaining(['published', 'draft', 'submitted', 'rejected']));
    expect(own.find((n) => n.status === 'rejected')?.rejectionReason).toBe(DEMO_REJECTION_REASON);
    const rejected = own.find((n) => n.status === 'rejected')!;
    const { rows: history } = await db.query<{ to_status: string; reason: string | null }>(
      `select to_status, reason from listing_status_events where entity_id = $1 order by at`,
      [rejected.id],
    );
    expect(history).toEqual([
      { to_status: 'submitted', reason: null },
      { to_status: 'rejected', reason: DEMO_REJECTION_REASON },
    ]);
    expect(own.some((n) => n.kind === 'rd_problem' && n.status === 'published')).toBe(true);
    // The demo enterprise's claim is verified; a share of the others waits for an officer.
    const { rows: claims } = await db.query<{ org_id: string; status: string; decided_by: string | null }>(
      `select org_id, status, decided_by from organization_claims`,
    );
    expect(claims.find((c) => c.org_id === owned[0]!.id)?.status).toBe('verified');
    const pending = claims.filter((c) => c.status === 'pending').length;
    expect(pending).toBeGreaterThan(0);
    expect(pending).toBeLessThan(claims.length / 5);
    expect(claims.filter((c) => c.status === 'verified').every((c) => c.decided_by)).toBe(true);
    expect(own.every((n) => n.authorId === entUser!.id)).toBe(true);

    const [sciUser] = await db.orm.select().from(users).where(eq(users.phone, sci!.phone));
    expect(sciUser?.kind).toBe('scientist');
    expect(await verify(DEMO_PASSWORD, sciUser!.passwordHash!)).toBe(true);
    const [profile] = await db.orm
      .select()
      .from(scientistProfiles)
      .where(eq(scientistProfiles.userId, sciUser!.id));
    expect(profile?.status).toBe('published');
    expect(profile!.regionCode.startsWith('5101')).toBe(true);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from capabilities where scientist_id = $1 and status = 'published' and author_id = $2`,
      [profile!.id, sciUser!.id],
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('is idempotent: a second run writes nothing', async () => {
    const db = getDb();
    const before = await counts();
    expect((await seedIfEmpty(db, { hashPassword })).seeded).toBe(false);
    // Run the catalog seeder directly as well: it sees its rows and skips.
    await db.orm.transaction(async (tx) => {
      const ctx: SeedContext = {
        orm: tx as unknown as SeedContext['orm'],
        hashPassword,
        accounts: new Map(),
      };
      await catalogSeeder.run(ctx);
      expect(ctx.accounts.size).toBe(0);
    });
    expect(await counts()).toEqual(before);
  });
});

it('builds the same rows from the same seed and clock', () => {
  const now = new Date('2026-11-29T08:00:00Z');
  const demo = () => generateSichuanDemo({ seed: DEMO_CATALOG_SEED, today: '2026-11-29' });
  const a = buildCatalogPlan(demo(), now);
  const b = buildCatalogPlan(demo(), now);
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  expect(a.scientists[0]!.id).toBe(demoUuid('demo-sci-0001'));
  expect(a.scientists[0]!.id).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  // Every published need's deadline is after the seeding day.
  for (const n of a.needs) if (n.status === 'published') expect(n.deadline! > '2026-11-29').toBe(true);
});

it('documents the demo sign-ins in DEMO_ACCOUNTS.md', () => {
  const doc = readFileSync(new URL('./DEMO_ACCOUNTS.md', import.meta.url), 'utf8');
  const plan = buildCatalogPlan(generateSichuanDemo({ seed: DEMO_CATALOG_SEED }), new Date());
  for (const s of DEMO_SIGN_INS) expect(doc).toContain(s.phone);
  expect(doc).toContain(plan.signIns.enterprise.displayName);
  expect(doc).toContain(plan.signIns.scientist.displayName);
});
