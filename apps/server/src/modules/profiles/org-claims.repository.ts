/**
 * Queries over organization claims (`organization_claims`, one row per organization) and join
 * requests (`org_join_requests`). No rules here: `org-claims.service.ts` decides.
 * @module
 */
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  capabilities,
  needs,
  notifications,
  organizationClaims,
  organizations,
  orgJoinRequests,
  orgMembers,
  results,
  users,
  type Db,
  type OrganizationClaimRow,
  type OrgClaimStatus,
  type OrgJoinRequestRow,
  type Orm,
} from '@tianfu/db';
import { pageOffset } from '@tianfu/contracts';

export interface ClaimQueueRow {
  claim: OrganizationClaimRow;
  org: typeof organizations.$inferSelect;
  claimantName: string | null;
  claimantPhone: string | null;
  /** The claimant is the organization's owner member (false: verifying hands it over). */
  claimantIsOwner: boolean;
}

export interface JoinRequestRow {
  request: OrgJoinRequestRow;
  orgName: string;
  userName: string;
}

/** `region_code like 'p%'` for any of the officer's region prefixes; null = everywhere. */
function inRegions(prefixes: string[] | null): SQL | undefined {
  if (prefixes === null) return undefined;
  if (prefixes.length === 0) return sql`false`;
  return or(...prefixes.map((p) => sql`${organizations.regionCode} like ${p + '%'}`));
}

export function orgClaimsRepository(db: Db) {
  const orm = db.orm;
  return {
    async claimOf(orgId: string, q: Orm = orm): Promise<OrganizationClaimRow | undefined> {
      const [row] = await q
        .select()
        .from(organizationClaims)
        .where(eq(organizationClaims.orgId, orgId))
        .limit(1);
      return row;
    },
    async claimsOf(orgIds: string[]): Promise<Map<string, OrganizationClaimRow>> {
      if (orgIds.length === 0) return new Map();
      const rows = await orm
        .select()
        .from(organizationClaims)
        .where(inArray(organizationClaims.orgId, orgIds));
      return new Map(rows.map((r) => [r.orgId, r]));
    },
    /** A new claim, or a claim submitted again (reason and decision cleared). */
    async submit(tx: Orm, orgId: string, claimantId: string, now: Date): Promise<OrganizationClaimRow> {
      const values = {
        claimantId,
        status: 'pending' as const,
        reason: null,
        submittedAt: now,
        decidedBy: null,
        decidedAt: null,
        updatedAt: now,
      };
      const [row] = await tx
        .insert(organizationClaims)
        .values({ orgId, ...values })
        .onConflictDoUpdate({ target: organizationClaims.orgId, set: values })
        .returning();
      return row!;
    },
    /**
     * Settles a pending claim; undefined when it was no longer pending (decided meanwhile). The
     * organization's `updated_at` moves too, so the match index re-reads its `verified` flag.
     */
    async decide(
      tx: Orm,
      orgId: string,
      v: { status: Exclude<OrgClaimStatus, 'pending'>; reason: string | null; decidedBy: string; now: Date },
    ): Promise<OrganizationClaimRow | undefined> {
      const [row] = await tx
        .update(organizationClaims)
        .set({
          status: v.status,
          reason: v.reason,
          decidedBy: v.decidedBy,
          decidedAt: v.now,
          updatedAt: v.now,
        })
        .where(and(eq(organizationClaims.orgId, orgId), eq(organizationClaims.status, 'pending')))
        .returning();
      if (row) await tx.update(organizations).set({ updatedAt: v.now }).where(eq(organizations.id, orgId));
      return row;
    },
    /** Claims in a status inside the officer's regions, oldest submission first. */
    async queue(
      prefixes: string[] | null,
      q: { status: OrgClaimStatus; regionPrefix?: string; page: number; pageSize: number },
    ): Promise<{ rows: ClaimQueueRow[]; total: number }> {
      const where = and(
        eq(organizationClaims.status, q.status),
        inRegions(prefixes),
        q.regionPrefix ? sql`${organizations.regionCode} like ${q.regionPrefix + '%'}` : undefined,
      );
      const rows = await orm
        .select({
          claim: organizationClaims,
          org: organizations,
          claimantName: users.displayName,
          claimantPhone: users.phone,
          claimantIsOwner: sql<boolean>`exists (select 1 from ${orgMembers} where ${orgMembers.orgId} = ${organizationClaims.orgId} and ${orgMembers.userId} = ${organizationClaims.claimantId} and ${orgMembers.role} = 'owner')`,
        })
        .from(organizationClaims)
        .innerJoin(organizations, eq(organizations.id, organizationClaims.orgId))
        .leftJoin(users, eq(users.id, organizationClaims.claimantId))
        .where(where)
        .orderBy(
          q.status === 'pending' ? asc(organizationClaims.submittedAt) : desc(organizationClaims.decidedAt),
          asc(organizationClaims.orgId),
        )
        .limit(q.pageSize)
        .offset(pageOffset(q));
      const [total] = await orm
        .select({ n: count() })
        .from(organizationClaims)
        .innerJoin(organizations, eq(organizations.id, organizationClaims.orgId))
        .where(where);
      return { rows, total: Number(total?.n ?? 0) };
    },
    /** Of these organizations, the ones `userId` belongs to. */
    async memberOf(userId: string, orgIds: string[]): Promise<Set<string>> {
      if (orgIds.length === 0) return new Set();
      const rows = await orm
        .select({ orgId: orgMembers.orgId })
        .from(orgMembers)
        .where(and(eq(orgMembers.userId, userId), inArray(orgMembers.orgId, orgIds)));
      return new Set(rows.map((r) => r.orgId));
    },
    /**
     * The organization's published needs and the capabilities and results it offers itself: their
     * `verified` flag in the match index follows the claim.
     */
    async publishedListings(
      orgId: string,
    ): Promise<{ type: 'need' | 'capability' | 'result'; id: string }[]> {
      const [n, c, r] = await Promise.all([
        orm
          .select({ id: needs.id })
          .from(needs)
          .where(and(eq(needs.orgId, orgId), eq(needs.status, 'published'))),
        orm
          .select({ id: capabilities.id })
          .from(capabilities)
          .where(
            and(
              eq(capabilities.orgId, orgId),
              eq(capabilities.ownerType, 'organization'),
              eq(capabilities.status, 'published'),
            ),
          ),
        orm
          .select({ id: results.id })
          .from(results)
          .where(
            and(
              eq(results.orgId, orgId),
              eq(results.ownerType, 'organization'),
              eq(results.status, 'published'),
            ),
          ),
      ]);
      return [
        ...n.map((x) => ({ type: 'need' as const, id: x.id })),
        ...c.map((x) => ({ type: 'capability' as const, id: x.id })),
        ...r.map((x) => ({ type: 'result' as const, id: x.id })),
      ];
    },

    /**
     * An in-app notification (its texts are `notification.<type>.title|body` in the reader's
     * language); written once per `key`.
     */
    async notify(
      tx: Orm,
      n: { userId: string; type: string; params: Record<string, string>; link: string; key: string },
    ): Promise<void> {
      await tx
        .insert(notifications)
        .values({ userId: n.userId, type: n.type, params: n.params, link: n.link, idempotencyKey: n.key })
        .onConflictDoNothing({ target: notifications.idempotencyKey });
    },
    /** Whether anyone acts for the organization: an owner or admin member (an import leaves none). */
    async hasManager(orgId: string, q: Orm = orm): Promise<boolean> {
      const [row] = await q
        .select({ userId: orgMembers.userId })
        .from(orgMembers)
        .where(and(eq(orgMembers.orgId, orgId), inArray(orgMembers.role, ['owner', 'admin'])))
        .limit(1);
      return row !== undefined;
    },
    async isOwner(q: Orm, orgId: string, userId: string): Promise<boolean> {
      const [row] = await q
        .select({ role: orgMembers.role })
        .from(orgMembers)
        .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)))
        .limit(1);
      return row?.role === 'owner';
    },
    /**
     * The verified claimant of an organization nobody acted for takes it over: its owner on the row
     * and an `owner` member.
     */
    async makeOwner(tx: Orm, orgId: string, userId: string, now: Date): Promise<void> {
      await tx
        .update(organizations)
        .set({ ownerId: userId, updatedAt: now })
        .where(eq(organizations.id, orgId));
      await tx
        .insert(orgMembers)
        .values({ orgId, userId, role: 'owner', createdAt: now })
        .onConflictDoUpdate({ target: [orgMembers.orgId, orgMembers.userId], set: { role: 'owner' } });
    },
    /** The owner and admin members, who answer join requests. */
    async managers(orgId: string): Promise<string[]> {
      const rows = await orm
        .select({ userId: orgMembers.userId })
        .from(orgMembers)
        .where(and(eq(orgMembers.orgId, orgId), inArray(orgMembers.role, ['owner', 'admin'])));
      return rows.map((r) => r.userId);
    },

    // --- join requests ---------------------------------------------------------------------------

    async insertJoinRequest(v: { orgId: string; userId: string; message: string | null; now: Date }) {
      const [row] = await orm
        .insert(orgJoinRequests)
        .values({ orgId: v.orgId, userId: v.userId, message: v.message, createdAt: v.now })
        .returning();
      return row!;
    },
    async joinRequestById(id: string): Promise<OrgJoinRequestRow | undefined> {
      const [row] = await orm.select().from(orgJoinRequests).where(eq(orgJoinRequests.id, id)).limit(1);
      return row;
    },
    async pendingJoinRequestCount(orgId: string): Promise<number> {
      const [row] = await orm
        .select({ n: count() })
        .from(orgJoinRequests)
        .where(and(eq(orgJoinRequests.orgId, orgId), eq(orgJoinRequests.status, 'pending')));
      return Number(row?.n ?? 0);
    },
    async joinRequests(where: SQL): Promise<JoinRequestRow[]> {
      return orm
        .select({ request: orgJoinRequests, orgName: organizations.name, userName: users.displayName })
        .from(orgJoinRequests)
        .innerJoin(organizations, eq(organizations.id, orgJoinRequests.orgId))
        .innerJoin(users, eq(users.id, orgJoinRequests.userId))
        .where(where)
        .orderBy(desc(orgJoinRequests.createdAt))
        .limit(200);
    },
    forOrg: (orgId: string) => eq(orgJoinRequests.orgId, orgId),
    byId: (id: string) => eq(orgJoinRequests.id, id),
    byUser: (userId: string) => eq(orgJoinRequests.userId, userId),
    /** Settles a pending request; an accepted one adds the member in the same transaction. */
    async decideJoinRequest(
      id: string,
      v: { status: 'accepted' | 'declined'; decidedBy: string; now: Date },
    ): Promise<OrgJoinRequestRow | undefined> {
      return orm.transaction(async (tx) => {
        const [row] = await tx
          .update(orgJoinRequests)
          .set({ status: v.status, decidedBy: v.decidedBy, decidedAt: v.now })
          .where(and(eq(orgJoinRequests.id, id), eq(orgJoinRequests.status, 'pending')))
          .returning();
        if (row && v.status === 'accepted') {
          await tx
            .insert(orgMembers)
            .values({ orgId: row.orgId, userId: row.userId, role: 'member' })
            .onConflictDoNothing();
        }
        return row;
      });
    },
  };
}
