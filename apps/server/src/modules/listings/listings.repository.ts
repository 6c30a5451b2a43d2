/**
 * Queries for capabilities, results and needs by id, their versions, status events, owners, NDA
 * acceptances, region publish settings and expiry (the lists are in `listing-lists.repository.ts`). No rules here: the service decides, this reads and writes.
 * @module
 */
import { and, asc, countDistinct, eq, inArray, sql } from 'drizzle-orm';
import {
  capabilities,
  listingStatusEvents,
  listingVersions,
  ndaAcceptances,
  needs,
  organizationClaims,
  organizations,
  orgMembers,
  teamMembers,
  regionSettings,
  results,
  scientistProfiles,
  teams,
  users,
  type CapabilityRow,
  type Db,
  type NeedRow,
  type Orm,
  type ResultRow,
} from '@tianfu/db';
import type { ListingStatus, ListingType } from '@tianfu/contracts';

/** A transaction handle (same query surface as the ORM). */
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];
type Q = Orm | Tx;

export const LISTING_TABLES = { capability: capabilities, result: results, need: needs } as const;
export interface ListingRowOf {
  capability: CapabilityRow;
  result: ResultRow;
  need: NeedRow;
}
export type AnyListingRow = CapabilityRow | ResultRow | NeedRow;

/** The columns every listing table shares, for code that handles the three alike. */
const common = (type: ListingType) => LISTING_TABLES[type] as unknown as typeof capabilities;

/** Repository over the listing tables. */
export function listingsRepository(db: Db) {
  const orm = db.orm;
  return {
    async byId<T extends ListingType>(type: T, id: string, q: Q = orm): Promise<ListingRowOf[T] | undefined> {
      const t = common(type);
      const [row] = await q.select().from(t).where(eq(t.id, id)).limit(1);
      return row as ListingRowOf[T] | undefined;
    },

    /** The row locked for update inside a transaction. */
    async lock<T extends ListingType>(tx: Tx, type: T, id: string): Promise<ListingRowOf[T] | undefined> {
      const t = common(type);
      const [row] = await tx.select().from(t).where(eq(t.id, id)).limit(1).for('update');
      return row as ListingRowOf[T] | undefined;
    },

    async insert<T extends ListingType>(
      tx: Tx,
      type: T,
      values: Record<string, unknown>,
    ): Promise<ListingRowOf[T]> {
      const [row] = await tx
        .insert(common(type))
        .values(values as typeof capabilities.$inferInsert)
        .returning();
      return row as unknown as ListingRowOf[T];
    },

    /** Updates when the stored version is still `expectedVersion`; undefined when someone was faster. */
    async update<T extends ListingType>(
      tx: Tx,
      type: T,
      id: string,
      expectedVersion: number,
      values: Record<string, unknown>,
    ): Promise<ListingRowOf[T] | undefined> {
      const t = common(type);
      const [row] = await tx
        .update(t)
        .set(values as Partial<typeof capabilities.$inferInsert>)
        .where(and(eq(t.id, id), eq(t.version, expectedVersion)))
        .returning();
      return row as ListingRowOf[T] | undefined;
    },

    async insertVersion(
      tx: Tx,
      v: {
        entityType: ListingType;
        entityId: string;
        version: number;
        data: Record<string, unknown>;
        changedBy: string | null;
      },
    ): Promise<void> {
      await tx.insert(listingVersions).values(v);
    },

    async insertStatusEvents(
      tx: Tx,
      events: {
        entityType: ListingType;
        entityId: string;
        fromStatus: ListingStatus | null;
        toStatus: ListingStatus;
        reason: string | null;
        actorId: string | null;
        at: Date;
      }[],
    ): Promise<void> {
      if (events.length) await tx.insert(listingStatusEvents).values(events);
    },

    async versionsOf(type: ListingType, id: string) {
      return orm
        .select()
        .from(listingVersions)
        .where(and(eq(listingVersions.entityType, type), eq(listingVersions.entityId, id)))
        .orderBy(asc(listingVersions.version));
    },

    async statusEventsOf(type: ListingType, id: string) {
      return orm
        .select()
        .from(listingStatusEvents)
        .where(and(eq(listingStatusEvents.entityType, type), eq(listingStatusEvents.entityId, id)))
        .orderBy(asc(listingStatusEvents.at), asc(listingStatusEvents.id));
    },

    /** Display names of users (history shows who by name only). */
    async userNames(ids: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (!unique.length) return new Map();
      const rows = await orm
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, unique));
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    // --- owners -------------------------------------------------------------------------------

    async scientistByUser(userId: string) {
      const [row] = await orm
        .select({
          id: scientistProfiles.id,
          userId: scientistProfiles.userId,
          regionCode: scientistProfiles.regionCode,
        })
        .from(scientistProfiles)
        .where(eq(scientistProfiles.userId, userId))
        .limit(1);
      return row;
    },
    async scientistById(id: string) {
      const [row] = await orm
        .select({
          id: scientistProfiles.id,
          userId: scientistProfiles.userId,
          regionCode: scientistProfiles.regionCode,
        })
        .from(scientistProfiles)
        .where(eq(scientistProfiles.id, id))
        .limit(1);
      return row;
    },
    async teamById(id: string) {
      const [row] = await orm
        .select({ id: teams.id, leadId: teams.leadId, regionCode: teams.regionCode })
        .from(teams)
        .where(eq(teams.id, id))
        .limit(1);
      return row;
    },
    /** Whether the user is an active member of the team. */
    async isActiveTeamMember(teamId: string, userId: string): Promise<boolean> {
      const [row] = await orm
        .select({ userId: teamMembers.userId })
        .from(teamMembers)
        .where(
          and(
            eq(teamMembers.teamId, teamId),
            eq(teamMembers.userId, userId),
            eq(teamMembers.status, 'active'),
          ),
        )
        .limit(1);
      return !!row;
    },
    async orgById(id: string) {
      const [row] = await orm
        .select({ id: organizations.id, regionCode: organizations.regionCode })
        .from(organizations)
        .where(eq(organizations.id, id))
        .limit(1);
      return row;
    },
    async orgRole(orgId: string, userId: string): Promise<'owner' | 'admin' | 'member' | null> {
      const [row] = await orm
        .select({ role: orgMembers.role })
        .from(orgMembers)
        .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)))
        .limit(1);
      return row?.role ?? null;
    },

    /** Display names of the scientists, teams and organizations these rows name. */
    async ownerNames(rows: { scientistId?: string | null; teamId?: string | null; orgId?: string | null }[]) {
      const ids = (k: 'scientistId' | 'teamId' | 'orgId') => [
        ...new Set(rows.map((r) => r[k]).filter((x): x is string => !!x)),
      ];
      const [sci, tms, orgs] = await Promise.all([
        ids('scientistId').length
          ? orm
              .select({ id: scientistProfiles.id, name: scientistProfiles.name })
              .from(scientistProfiles)
              .where(inArray(scientistProfiles.id, ids('scientistId')))
          : [],
        ids('teamId').length
          ? orm
              .select({ id: teams.id, name: teams.name })
              .from(teams)
              .where(inArray(teams.id, ids('teamId')))
          : [],
        ids('orgId').length
          ? orm
              .select({
                id: organizations.id,
                name: organizations.name,
                verified: sql<boolean>`${organizationClaims.status} is not distinct from 'verified'`,
              })
              .from(organizations)
              .leftJoin(organizationClaims, eq(organizationClaims.orgId, organizations.id))
              .where(inArray(organizations.id, ids('orgId')))
          : [],
      ]);
      return {
        scientist: new Map(sci.map((r) => [r.id, r.name])),
        team: new Map(tms.map((r) => [r.id, r.name])),
        organization: new Map(orgs.map((r) => [r.id, r.name])),
        verifiedOrgs: new Set(orgs.filter((r) => r.verified).map((r) => r.id)),
      };
    },

    // --- NDA ----------------------------------------------------------------------------------

    /** The viewer's acceptance of this agreement version, if any. */
    async ndaOf(needId: string, userId: string, agreementVersion: string) {
      const [row] = await orm
        .select()
        .from(ndaAcceptances)
        .where(
          and(
            eq(ndaAcceptances.needId, needId),
            eq(ndaAcceptances.userId, userId),
            eq(ndaAcceptances.agreementVersion, agreementVersion),
          ),
        )
        .limit(1);
      return row;
    },
    /** Whether the viewer accepted any agreement version of this need (an older one, when not the current). */
    async ndaAcceptedAny(needId: string, userId: string): Promise<boolean> {
      const [row] = await orm
        .select({ id: ndaAcceptances.id })
        .from(ndaAcceptances)
        .where(and(eq(ndaAcceptances.needId, needId), eq(ndaAcceptances.userId, userId)))
        .limit(1);
      return !!row;
    },
    /** Records the acceptance of this version; an earlier acceptance of it stays (and is returned) unchanged. */
    async acceptNda(v: {
      needId: string;
      userId: string;
      ip: string | null;
      agreementVersion: string;
      acceptedAt: Date;
    }) {
      const [inserted] = await orm.insert(ndaAcceptances).values(v).onConflictDoNothing().returning();
      return {
        row: inserted ?? (await this.ndaOf(v.needId, v.userId, v.agreementVersion))!,
        created: !!inserted,
      };
    },
    async ndaCount(needId: string): Promise<number> {
      const [row] = await orm
        .select({ n: countDistinct(ndaAcceptances.userId) })
        .from(ndaAcceptances)
        .where(eq(ndaAcceptances.needId, needId));
      return row?.n ?? 0;
    },

    // --- region settings ----------------------------------------------------------------------

    async regionSettings(codes: string[], q: Q = orm) {
      if (codes.length === 0) return [];
      return q.select().from(regionSettings).where(inArray(regionSettings.regionCode, codes));
    },
    async upsertRegionSetting(
      regionCode: string,
      publishMode: 'auto' | 'review',
      updatedBy: string,
      now: Date,
    ) {
      const [row] = await orm
        .insert(regionSettings)
        .values({ regionCode, publishMode, updatedBy, updatedAt: now })
        .onConflictDoUpdate({
          target: regionSettings.regionCode,
          set: { publishMode, updatedBy, updatedAt: now },
        })
        .returning();
      return row!;
    },

    // --- expiry -------------------------------------------------------------------------------

    /**
     * Marks expired, in one transaction per table: published listings past `expires_at`, and
     * published needs whose deadline (a China-time date) is before `today`. Returns what changed.
     */
    async expire(
      now: Date,
      today: string,
    ): Promise<{ type: ListingType; id: string; from: ListingStatus }[]> {
      const changed: { type: ListingType; id: string; from: ListingStatus }[] = [];
      for (const type of ['capability', 'result', 'need'] as const) {
        const t = common(type);
        const due =
          type === 'need'
            ? sql`(${t.expiresAt} <= ${now} or ${needs.deadline} < ${today})`
            : sql`${t.expiresAt} <= ${now}`;
        await orm.transaction(async (tx) => {
          const rows = await tx
            .update(t)
            .set({ status: 'expired', updatedAt: now })
            .where(and(eq(t.status, 'published'), due))
            .returning({ id: t.id });
          if (rows.length === 0) return;
          await tx.insert(listingStatusEvents).values(
            rows.map((r) => ({
              entityType: type,
              entityId: r.id,
              fromStatus: 'published' as const,
              toStatus: 'expired' as const,
              reason: type === 'need' ? 'deadline_or_expiry' : 'expiry',
              actorId: null,
              at: now,
            })),
          );
          changed.push(...rows.map((r) => ({ type, id: r.id, from: 'published' as const })));
        });
      }
      return changed;
    },
  };
}

export type ListingsRepository = ReturnType<typeof listingsRepository>;
