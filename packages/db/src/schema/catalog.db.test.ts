import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  capabilities,
  listingVersions,
  ndaAcceptances,
  needs,
  organizationClaims,
  organizations,
  orgJoinRequests,
  regionSettings,
  results,
  scientistProfiles,
  teams,
  users,
} from './index.ts';
import { describeEachDb } from '../testing.ts';

/** Drizzle wraps driver errors; the constraint name is in the cause's message or fields. */
async function violation(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as { message?: string; cause?: { message?: string; constraint?: string } };
    return `${e.cause?.constraint ?? ''} ${e.cause?.message ?? ''} ${e.message ?? ''}`;
  }
  throw new Error('expected a constraint violation');
}

describeEachDb('catalog schema', (getDb) => {
  it('stores a profile with defaults and keeps user and external ids unique', async () => {
    const db = getDb();
    const [u] = await db.orm.insert(users).values({ phone: '13900001001', kind: 'scientist' }).returning();
    const [p] = await db.orm
      .insert(scientistProfiles)
      .values({ userId: u!.id, name: '王德全', regionCode: '510131', skills: ['嫁接'], externalId: 'sci-1' })
      .returning();
    expect(p).toMatchObject({
      status: 'published',
      availability: 'available',
      capacity: 1,
      openCapacity: 1,
      papers: [],
      disciplines: [],
      version: 1,
      verified: false,
    });
    expect(
      await violation(
        db.orm.insert(scientistProfiles).values({ userId: u!.id, name: 'x', regionCode: '51' }),
      ),
    ).toMatch(/scientist_profiles_user_id_unique/);
    expect(
      await violation(
        db.orm.insert(scientistProfiles).values({ name: 'y', regionCode: '51', externalId: 'sci-1' }),
      ),
    ).toMatch(/scientist_profiles_external_id_unique/);
    expect(
      await violation(db.orm.insert(scientistProfiles).values({ name: 'z', regionCode: '51', capacity: -1 })),
    ).toMatch(/scientist_profiles_capacity_check/);
    // Imported people without an account are fine, many of them.
    await db.orm.insert(scientistProfiles).values([
      { name: '甲', regionCode: '51' },
      { name: '乙', regionCode: '51' },
    ]);
  });

  it('checks listing owners, prices, maturity and transfer modes', async () => {
    const db = getDb();
    const [u] = await db.orm.insert(users).values({ phone: '13900001002', kind: 'team' }).returning();
    const [team] = await db.orm.insert(teams).values({ name: '团队', leadId: u!.id }).returning();
    expect(team).toMatchObject({ status: 'published', disciplines: [], capabilities: [] });
    const cap = {
      ownerType: 'team' as const,
      title: '检测',
      description: '土壤检测',
      deliveryMode: 'onsite' as const,
      priceType: 'fixed' as const,
      price: 800,
      regionCode: '5101',
    };
    expect(await violation(db.orm.insert(capabilities).values(cap))).toMatch(/capabilities_owner_ref_check/);
    const [c] = await db.orm
      .insert(capabilities)
      .values({ ...cap, teamId: team!.id, price: 12_000_000_000 })
      .returning();
    expect(c).toMatchObject({ status: 'draft', version: 1, price: 12_000_000_000 });
    expect(
      await violation(db.orm.insert(capabilities).values({ ...cap, teamId: team!.id, price: -1 })),
    ).toMatch(/capabilities_price_check/);

    const res = {
      ownerType: 'team' as const,
      teamId: team!.id,
      title: '成果',
      abstract: '摘要',
      maturity: 6,
      priceType: 'negotiable' as const,
      transferModes: ['license', 'equity'],
      regionCode: '5101',
    };
    await db.orm.insert(results).values(res);
    expect(await violation(db.orm.insert(results).values({ ...res, maturity: 10 }))).toMatch(
      /results_maturity_check/,
    );
    expect(await violation(db.orm.insert(results).values({ ...res, transferModes: ['gift'] }))).toMatch(
      /results_transfer_modes_check/,
    );
  });

  it('keeps need budgets in order, one NDA per viewer, one row per version', async () => {
    const db = getDb();
    const [u] = await db.orm.insert(users).values({ phone: '13900001003', kind: 'organization' }).returning();
    const [org] = await db.orm
      .insert(organizations)
      .values({
        uscc: '91350100M000100Y43',
        name: '示例',
        orgType: 'enterprise',
        regionCode: '5101',
        ownerId: u!.id,
        industrySection: 'C',
        industryDivision: '39',
        sizeClass: 'small',
      })
      .returning();
    const base = {
      kind: 'rd_problem' as const,
      orgId: org!.id,
      title: '课题',
      summary: '公开摘要',
      description: '详情',
      regionCode: '5101',
      deadline: '2027-06-30',
    };
    const [n] = await db.orm
      .insert(needs)
      .values({ ...base, budgetMin: 1, budgetMax: 2 })
      .returning();
    expect(n!.deadline).toBe('2027-06-30');
    expect(await violation(db.orm.insert(needs).values({ ...base, budgetMin: 3, budgetMax: 2 }))).toMatch(
      /needs_budget_range_check/,
    );
    expect(
      await violation(
        db.orm
          .insert(organizations)
          .values({ ...org!, id: undefined, uscc: 'X', sizeClass: 'huge' as never }),
      ),
    ).toMatch(/organizations_size_class_check/);

    await db.orm.insert(ndaAcceptances).values({ needId: n!.id, userId: u!.id, agreementVersion: '2026-11' });
    expect(
      await violation(
        db.orm.insert(ndaAcceptances).values({ needId: n!.id, userId: u!.id, agreementVersion: '2026-11' }),
      ),
    ).toMatch(/nda_acceptances_need_user_version_uq/);
    // A new agreement version is accepted again beside the old acceptance.
    await db.orm.insert(ndaAcceptances).values({ needId: n!.id, userId: u!.id, agreementVersion: '2027-01' });

    // One claim per organization, in a known status; one open join request per person.
    await db.orm.insert(organizationClaims).values({ orgId: org!.id, claimantId: u!.id });
    expect(
      await violation(db.orm.insert(organizationClaims).values({ orgId: org!.id, claimantId: u!.id })),
    ).toMatch(/organization_claims_pkey/);
    expect(
      await violation(
        db.orm
          .update(organizationClaims)
          .set({ status: 'approved' as never })
          .where(eq(organizationClaims.orgId, org!.id)),
      ),
    ).toMatch(/organization_claims_status_check/);
    await db.orm.insert(orgJoinRequests).values({ orgId: org!.id, userId: u!.id });
    expect(await violation(db.orm.insert(orgJoinRequests).values({ orgId: org!.id, userId: u!.id }))).toMatch(
      /org_join_requests_open_uq/,
    );
    await db.orm
      .update(orgJoinRequests)
      .set({ status: 'declined' })
      .where(eq(orgJoinRequests.orgId, org!.id));
    await db.orm.insert(orgJoinRequests).values({ orgId: org!.id, userId: u!.id });

    const v = { entityType: 'need' as const, entityId: n!.id, version: 1, data: { title: '课题' } };
    await db.orm.insert(listingVersions).values(v);
    expect(await violation(db.orm.insert(listingVersions).values(v))).toMatch(
      /listing_versions_entity_version_uq/,
    );

    await db.orm.insert(regionSettings).values({ regionCode: '5101', publishMode: 'review' });
    expect(
      await violation(
        db.orm.insert(regionSettings).values({ regionCode: '51', publishMode: 'manual' as never }),
      ),
    ).toMatch(/region_settings_publish_mode_check/);
    // Deleting the organization removes its needs (and their NDA rows), its claim and join requests.
    await db.orm.delete(organizations).where(eq(organizations.id, org!.id));
    expect(await db.orm.select().from(ndaAcceptances).where(eq(ndaAcceptances.needId, n!.id))).toEqual([]);
    expect(
      await db.orm.select().from(organizationClaims).where(eq(organizationClaims.orgId, org!.id)),
    ).toEqual([]);
    expect(await db.orm.select().from(orgJoinRequests).where(eq(orgJoinRequests.orgId, org!.id))).toEqual([]);
  });
});
