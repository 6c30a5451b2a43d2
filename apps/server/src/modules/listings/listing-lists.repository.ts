/**
 * The list queries of the listings module: the three public lists (with the caller-scoped
 * `status` variant), `GET /api/mine/listings` and the officers' review queue.
 * @module
 */
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import {
  capabilities,
  needs,
  results,
  type CapabilityRow,
  type Db,
  type NeedRow,
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
import { LISTING_TABLES } from './listings.repository.ts';

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
/**
 * Rows the user owns, as `listingsService.isOwner` decides: the author (of an organization's or
 * team's listing only while still a member), the profile's scientist, the team lead, an
 * owner/admin of the organization.
 */
function ownedBy(type: ListingType, userId: string): SQL {
  const t = common(type);
  const orgs = sql`${t.orgId} in (select org_id from org_members where user_id = ${userId} and role in ('owner', 'admin'))`;
  const authorInOrg = sql`(${t.authorId} = ${userId} and (${t.orgId} is null
    or ${t.orgId} in (select org_id from org_members where user_id = ${userId})))`;
  if (type === 'need') return sql`(${authorInOrg} or ${orgs})`;
  return sql`((${authorInOrg} and (${t.teamId} is null
      or ${t.teamId} in (select team_id from team_members where user_id = ${userId} and status = 'active')))
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

/** Repository of the listing lists. */
export function listingListsRepository(db: Db) {
  const orm = db.orm;

  /** One page of a listing table in `order` (ties by id), with the total matching `where`. */
  async function pageOf<R>(
    type: ListingType,
    where: SQL | undefined,
    order: SQL[],
    q: { page: number; pageSize: number },
  ): Promise<Page<R>> {
    const t = common(type);
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
    return { rows: rows as unknown as R[], total: total?.n ?? 0 };
  }

  return {
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
      return pageOf('capability', where, order, q);
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
      return pageOf('result', where, order, q);
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
      return pageOf('need', where, order, q);
    },

    // --- mine and the review queue (unions over the three tables) -----------------------------

    /** Listings the user wrote or manages (own scientist profile, teams led, organizations administered). */
    async mine(
      userId: string,
      f: { type?: ListingType; status?: ListingStatus; page: number; pageSize: number },
    ): Promise<Page<ListingRef>> {
      // The same rule as ownedBy(): an author of an organization's or team's listing while a member.
      const authorInOrg = `(author_id = $1 and (org_id is null
        or org_id in (select org_id from org_members where user_id = $1)))`;
      const owned = `((${authorInOrg} and (team_id is null
          or team_id in (select team_id from team_members where user_id = $1 and status = 'active')))
        or scientist_id in (select id from scientist_profiles where user_id = $1)
        or team_id in (select id from teams where lead_id = $1)
        or org_id in (select org_id from org_members where user_id = $1 and role in ('owner', 'admin')))`;
      const text = `
        with x as (
          select 'capability' as type, ${UNION_COLUMNS} from capabilities where ${owned}
          union all select 'result', ${UNION_COLUMNS} from results where ${owned}
          union all select 'need', ${UNION_COLUMNS} from needs
            where (${authorInOrg} or org_id in (select org_id from org_members where user_id = $1 and role in ('owner', 'admin')))
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

export type ListingListsRepository = ReturnType<typeof listingListsRepository>;
