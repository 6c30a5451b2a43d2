/**
 * Queries for capabilities, results and needs, their versions, status events, NDA acceptances
 * and region publish settings. No rules here: the service decides, this reads and writes.
 * @module
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  capabilities,
  listingStatusEvents,
  listingVersions,
  ndaAcceptances,
  needs,
  organizations,
  orgMembers,
  regionSettings,
  results,
  scientistProfiles,
  teams,
  type CapabilityRow,
  type Db,
  type NeedRow,
  type Orm,
  type ResultRow,
} from '@tianfu/db';
import {
  getIndustry,
  industrySection,
  listIndustries,
  type CapabilityListQuery,
  type ListingStatus,
  type ListingType,
  type NeedListQuery,
  type ResearchResultListQuery,
} from '@tianfu/contracts';

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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `code` and every code below it (section letter ↔ its divisions). */
function industryFilterCodes(code: string): string[] {
  const entry = getIndustry(code);
  if (!entry) return [code];
  if (entry.level === 'section')
    return [entry.code, ...listIndustries({ section: entry.code }).map((d) => d.code)];
  const section = industrySection(entry.code);
  return section ? [entry.code, section.code] : [entry.code];
}

/** Filters shared by the three public lists. */
/**
 * Who a list is for: the public (published only), or a signed-in caller asking for another status
 * (their own listings, plus those in their regions when they are officers; `prefixes` null = admin).
 */
export type ListAudience =
  | { kind: 'public' }
  | { kind: 'restricted'; status: ListingStatus; userId: string; prefixes: string[] | null };

/** Rows the user owns (author, own profile, team led, organization administered). */
function ownedBy(type: ListingType, userId: string): SQL {
  const t = common(type);
  const orgs = sql`${t.orgId} in (select org_id from org_members where user_id = ${userId} and role in ('owner', 'admin'))`;
  if (type === 'need') return sql`(${t.authorId} = ${userId} or ${orgs})`;
  return sql`(${t.authorId} = ${userId}
    or ${t.scientistId} in (select id from scientist_profiles where user_id = ${userId})
    or ${t.teamId} in (select id from teams where lead_id = ${userId})
    or ${orgs})`;
}

function audienceFilter(type: ListingType, audience: ListAudience): SQL {
  const t = common(type);
  if (audience.kind === 'public') return sql`${t.status} = 'published'`;
  const { prefixes } = audience;
  const staff =
    prefixes === null
      ? sql`true`
      : prefixes.length === 0
        ? sql`false`
        : sql`(${sql.join(
            prefixes.map((p) => sql`${t.regionCode} like ${`${p}%`}`),
            sql` or `,
          )})`;
  return sql`(${t.status} = ${audience.status} and (${ownedBy(type, audience.userId)} or ${staff}))`;
}

function commonFilters(
  type: ListingType,
  q: { q?: string; region?: string | null; discipline?: string; industry?: string },
  regionPrefix: string | null | undefined,
  audience: ListAudience,
): SQL[] {
  const t = common(type);
  const text =
    type === 'result' ? results.abstract : type === 'need' ? needs.summary : capabilities.description;
  const conds: SQL[] = [audienceFilter(type, audience)];
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(
      sql`(${t.title} ilike ${like} or ${text} ilike ${like} or exists (select 1 from unnest(${t.keywords}) k where k ilike ${like}))`,
    );
  }
  if (regionPrefix !== undefined)
    conds.push(regionPrefix === null ? sql`false` : sql`${t.regionCode} like ${`${regionPrefix}%`}`);
  if (q.discipline)
    conds.push(sql`exists (select 1 from unnest(${t.disciplines}) d where d like ${`${q.discipline}%`})`);
  if (q.industry) {
    const codes = industryFilterCodes(q.industry);
    conds.push(
      sql`${t.industries} && ${sql`array[${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )}]::text[]`}`,
    );
  }
  return conds;
}

/** One page of rows plus the total. */
export interface Page<R> {
  rows: R[];
  total: number;
}

/** A row of `GET /api/mine/listings` and the review queue (raw SQL union over the three tables). */
export interface ListingRef {
  type: ListingType;
  id: string;
  title: string;
  status: ListingStatus;
  rejectionReason: string | null;
  version: number;
  regionCode: string;
  authorId: string | null;
  authorName: string | null;
  updatedAt: Date;
  submittedAt: Date | null;
}

function refRow(r: Record<string, unknown>): ListingRef {
  const date = (v: unknown) =>
    v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));
  return {
    type: r.type as ListingType,
    id: String(r.id),
    title: String(r.title),
    status: r.status as ListingStatus,
    rejectionReason: (r.rejection_reason as string | null) ?? null,
    version: Number(r.version),
    regionCode: String(r.region_code),
    authorId: (r.author_id as string | null) ?? null,
    authorName: (r.author_name as string | null) ?? null,
    updatedAt: date(r.updated_at)!,
    submittedAt: date(r.submitted_at),
  };
}

const UNION_COLUMNS = `id, title, status, rejection_reason, version, region_code, author_id, updated_at`;

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
              .select({ id: organizations.id, name: organizations.name })
              .from(organizations)
              .where(inArray(organizations.id, ids('orgId')))
          : [],
      ]);
      return {
        scientist: new Map(sci.map((r) => [r.id, r.name])),
        team: new Map(tms.map((r) => [r.id, r.name])),
        organization: new Map(orgs.map((r) => [r.id, r.name])),
      };
    },

    // --- public lists -------------------------------------------------------------------------

    async listCapabilities(
      q: CapabilityListQuery,
      regionPrefix: string | null | undefined,
      audience: ListAudience = { kind: 'public' },
    ): Promise<Page<CapabilityRow>> {
      const t = capabilities;
      const conds = commonFilters('capability', q, regionPrefix, audience);
      if (q.deliveryMode) conds.push(eq(t.deliveryMode, q.deliveryMode));
      if (q.priceType) conds.push(eq(t.priceType, q.priceType));
      if (q.priceMax !== undefined) conds.push(sql`${t.price} <= ${q.priceMax}`);
      if (q.ownerType) conds.push(eq(t.ownerType, q.ownerType));
      if (q.scientistId) conds.push(eq(t.scientistId, q.scientistId));
      if (q.teamId) conds.push(eq(t.teamId, q.teamId));
      if (q.orgId) conds.push(eq(t.orgId, q.orgId));
      const where = and(...conds);
      const order =
        q.sort === 'price' ? [sql`${t.price} asc nulls last`, desc(t.updatedAt)] : [desc(t.updatedAt)];
      const [rows, [total]] = await Promise.all([
        orm
          .select()
          .from(t)
          .where(where)
          .orderBy(...order, asc(t.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        orm.select({ n: count() }).from(t).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async listResults(
      q: ResearchResultListQuery,
      regionPrefix: string | null | undefined,
      audience: ListAudience = { kind: 'public' },
    ): Promise<Page<ResultRow>> {
      const t = results;
      const conds = commonFilters('result', q, regionPrefix, audience);
      if (q.maturityMin !== undefined) conds.push(sql`${t.maturity} >= ${q.maturityMin}`);
      if (q.maturityMax !== undefined) conds.push(sql`${t.maturity} <= ${q.maturityMax}`);
      if (q.transferMode) conds.push(sql`${q.transferMode} = any(${t.transferModes})`);
      if (q.priceMax !== undefined) conds.push(sql`${t.askingPrice} <= ${q.priceMax}`);
      if (q.ownerType) conds.push(eq(t.ownerType, q.ownerType));
      if (q.scientistId) conds.push(eq(t.scientistId, q.scientistId));
      if (q.teamId) conds.push(eq(t.teamId, q.teamId));
      if (q.orgId) conds.push(eq(t.orgId, q.orgId));
      const where = and(...conds);
      const order =
        q.sort === 'maturity'
          ? [desc(t.maturity), desc(t.updatedAt)]
          : q.sort === 'price'
            ? [sql`${t.askingPrice} asc nulls last`, desc(t.updatedAt)]
            : [desc(t.updatedAt)];
      const [rows, [total]] = await Promise.all([
        orm
          .select()
          .from(t)
          .where(where)
          .orderBy(...order, asc(t.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        orm.select({ n: count() }).from(t).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    async listNeeds(
      q: NeedListQuery,
      regionPrefix: string | null | undefined,
      audience: ListAudience = { kind: 'public' },
    ): Promise<Page<NeedRow>> {
      const t = needs;
      const conds = commonFilters('need', q, regionPrefix, audience);
      if (q.kind) conds.push(eq(t.kind, q.kind));
      if (q.budgetMin !== undefined)
        conds.push(sql`coalesce(${t.budgetMax}, ${t.budgetMin}) >= ${q.budgetMin}`);
      if (q.orgId) conds.push(eq(t.orgId, q.orgId));
      const where = and(...conds);
      const order =
        q.sort === 'deadline'
          ? [sql`${t.deadline} asc nulls last`, desc(t.updatedAt)]
          : q.sort === 'budget'
            ? [sql`coalesce(${t.budgetMax}, ${t.budgetMin}) desc nulls last`, desc(t.updatedAt)]
            : [desc(t.updatedAt)];
      const [rows, [total]] = await Promise.all([
        orm
          .select()
          .from(t)
          .where(where)
          .orderBy(...order, asc(t.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        orm.select({ n: count() }).from(t).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },

    // --- mine and the review queue (unions over the three tables) -----------------------------

    /** Listings the user wrote or manages (own scientist profile, teams led, organizations administered). */
    async mine(
      userId: string,
      f: { type?: ListingType; status?: ListingStatus; page: number; pageSize: number },
    ): Promise<Page<ListingRef>> {
      const owned = `(author_id = $1
        or scientist_id in (select id from scientist_profiles where user_id = $1)
        or team_id in (select id from teams where lead_id = $1)
        or org_id in (select org_id from org_members where user_id = $1 and role in ('owner', 'admin')))`;
      const text = `
        with x as (
          select 'capability' as type, ${UNION_COLUMNS} from capabilities where ${owned}
          union all select 'result', ${UNION_COLUMNS} from results where ${owned}
          union all select 'need', ${UNION_COLUMNS} from needs
            where (author_id = $1 or org_id in (select org_id from org_members where user_id = $1 and role in ('owner', 'admin')))
        )
        select x.*, count(*) over () as total from x
        where ($2::text is null or type = $2) and ($3::text is null or status = $3)
        order by updated_at desc, id
        limit $4 offset $5`;
      const res = await db.query(text, [
        userId,
        f.type ?? null,
        f.status ?? null,
        f.pageSize,
        (f.page - 1) * f.pageSize,
      ]);
      return await withTotal(res.rows, db, text, [userId, f.type ?? null, f.status ?? null]);
    },

    /** Submitted listings inside the given region prefixes (null = everywhere), oldest first. */
    async reviewQueue(
      prefixes: string[] | null,
      f: { type?: ListingType; regionPrefix?: string; page: number; pageSize: number },
    ): Promise<Page<ListingRef>> {
      const scope = prefixes === null ? null : prefixes.map((p) => `${p}%`);
      const text = `
        with x as (
          select 'capability' as type, ${UNION_COLUMNS} from capabilities where status = 'submitted'
          union all select 'result', ${UNION_COLUMNS} from results where status = 'submitted'
          union all select 'need', ${UNION_COLUMNS} from needs where status = 'submitted'
        )
        select x.*, u.display_name as author_name,
          (select max(e.at) from listing_status_events e
            where e.entity_type = x.type and e.entity_id = x.id and e.to_status = 'submitted') as submitted_at,
          count(*) over () as total
        from x left join users u on u.id = x.author_id
        where ($1::text[] is null or x.region_code like any($1::text[]))
          and ($2::text is null or x.type = $2)
          and ($3::text is null or x.region_code like $3)
        order by submitted_at asc nulls first, x.updated_at asc, x.id
        limit $4 offset $5`;
      const params = [scope, f.type ?? null, f.regionPrefix ? `${f.regionPrefix}%` : null];
      const res = await db.query(text, [...params, f.pageSize, (f.page - 1) * f.pageSize]);
      return await withTotal(res.rows, db, text, params);
    },

    // --- NDA ----------------------------------------------------------------------------------

    async ndaOf(needId: string, userId: string) {
      const [row] = await orm
        .select()
        .from(ndaAcceptances)
        .where(and(eq(ndaAcceptances.needId, needId), eq(ndaAcceptances.userId, userId)))
        .limit(1);
      return row;
    },
    /** Records the acceptance; an earlier acceptance stays (and is returned) unchanged. */
    async acceptNda(v: {
      needId: string;
      userId: string;
      ip: string | null;
      agreementVersion: string;
      acceptedAt: Date;
    }) {
      const [inserted] = await orm.insert(ndaAcceptances).values(v).onConflictDoNothing().returning();
      return { row: inserted ?? (await this.ndaOf(v.needId, v.userId))!, created: !!inserted };
    },
    async ndaCount(needId: string): Promise<number> {
      const [row] = await orm
        .select({ n: count() })
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

/** Turns union-query rows with a `total` window column into a page (a page past the end still counts). */
async function withTotal(
  rows: Record<string, unknown>[],
  db: Db,
  text: string,
  params: unknown[],
): Promise<Page<ListingRef>> {
  if (rows.length > 0) return { rows: rows.map(refRow), total: Number(rows[0]!.total) };
  const counted = await db.query<{ n: string | number }>(
    `select count(*) as n from (${text.replace(/limit \$4 offset \$5\s*$/, '')}) c`,
    params,
  );
  return { rows: [], total: Number(counted.rows[0]?.n ?? 0) };
}

export type ListingsRepository = ReturnType<typeof listingsRepository>;
