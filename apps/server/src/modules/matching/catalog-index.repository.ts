/**
 * Reads the catalog tables for the index (`CatalogSource`): published rows in keyset-paged
 * batches with their related rows (a scientist's published listings, a team's members, an
 * enterprise's published needs), changed-row scans on `updated_at`, and id sets for
 * reconciliation. Queries only.
 * @module
 */
import { and, asc, desc, eq, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { CatalogKind } from '@tianfu/contracts';
import {
  capabilities,
  needs,
  organizationClaims,
  organizations,
  results,
  scientistProfiles,
  teamMembers,
  teams,
  type Db,
} from '@tianfu/db';
import type { ChangeCursor, ChangedRow, CatalogSource, IndexDoc, OwnerRef } from './catalog-index.ts';
import {
  capabilityDoc,
  enterpriseDoc,
  listingAsDoc,
  needDoc,
  resultDoc,
  scientistDoc,
  teamDoc,
  type ListingParties,
  type OwnedListing,
} from './catalog-index.mapper.ts';

/** Whether the organization's claim is verified (false for none). */
const verifiedOrg = (orgId: PgColumn) =>
  sql<boolean>`exists (select 1 from ${organizationClaims} where ${organizationClaims.orgId} = ${orgId} and ${organizationClaims.status} = 'verified')`;

interface KindTable {
  table: PgTable;
  id: PgColumn;
  updatedAt: PgColumn;
  /** "Public" condition of the kind. */
  published: SQL;
  /** When a row became public. */
  publishedAt: PgColumn;
  /** Owner columns (capabilities, results). */
  scientistId?: PgColumn;
  teamId?: PgColumn;
}

const TABLES: Record<CatalogKind, KindTable> = {
  scientist: {
    table: scientistProfiles,
    id: scientistProfiles.id,
    updatedAt: scientistProfiles.updatedAt,
    publishedAt: scientistProfiles.createdAt,
    published: eq(scientistProfiles.status, 'published'),
  },
  team: {
    table: teams,
    id: teams.id,
    updatedAt: teams.updatedAt,
    publishedAt: teams.createdAt,
    published: eq(teams.status, 'published'),
  },
  enterprise: {
    table: organizations,
    id: organizations.id,
    updatedAt: organizations.updatedAt,
    publishedAt: organizations.createdAt,
    published: eq(organizations.orgType, 'enterprise'),
  },
  capability: {
    table: capabilities,
    id: capabilities.id,
    updatedAt: capabilities.updatedAt,
    publishedAt: capabilities.publishedAt,
    published: eq(capabilities.status, 'published'),
    scientistId: capabilities.scientistId,
    teamId: capabilities.teamId,
  },
  result: {
    table: results,
    id: results.id,
    updatedAt: results.updatedAt,
    publishedAt: results.publishedAt,
    published: eq(results.status, 'published'),
    scientistId: results.scientistId,
    teamId: results.teamId,
  },
  need: {
    table: needs,
    id: needs.id,
    updatedAt: needs.updatedAt,
    publishedAt: needs.publishedAt,
    published: eq(needs.status, 'published'),
  },
};

function group<T>(rows: T[], key: (r: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (!k) continue;
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The catalog source over `db`. */
export function catalogIndexRepository(db: Db): CatalogSource & {
  /** Index entries of rows regardless of status (a subject asking for its own matches). */
  anyByIds(kind: CatalogKind, ids: readonly string[]): Promise<IndexDoc[]>;
  /**
   * Published rows that became public in (since, until]: `published_at` for listings, creation
   * for profiles and enterprises (they have no review step).
   */
  publishedBetween(kind: CatalogKind, since: Date, until: Date, limit: number): Promise<IndexDoc[]>;
} {
  const orm = db.orm;

  /** Published capabilities and results of these owners, as documents. */
  async function ownedListings(
    column: 'scientistId' | 'teamId',
    ownerIds: string[],
  ): Promise<Map<string, OwnedListing[]>> {
    if (ownerIds.length === 0) return new Map();
    const caps = await orm
      .select({
        owner: capabilities[column],
        title: capabilities.title,
        description: capabilities.description,
      })
      .from(capabilities)
      .where(and(inArray(capabilities[column], ownerIds), eq(capabilities.status, 'published')));
    const res = await orm
      .select({ owner: results[column], title: results.title, abstract: results.abstract })
      .from(results)
      .where(and(inArray(results[column], ownerIds), eq(results.status, 'published')));
    const out = new Map<string, OwnedListing[]>();
    for (const r of [...caps, ...res]) {
      if (!r.owner) continue;
      const list = out.get(r.owner) ?? [];
      list.push(listingAsDoc(r));
      out.set(r.owner, list);
    }
    return out;
  }

  /** People, organizations, teams (and capacity) behind listings, resolved from their owners. */
  async function listingParties(
    rows: { scientistId: string | null; teamId: string | null; orgId: string | null }[],
  ): Promise<
    (r: { scientistId: string | null; teamId: string | null; orgId: string | null }) => ListingParties
  > {
    const sciIds = [...new Set(rows.map((r) => r.scientistId).filter((x): x is string => !!x))];
    const teamIds = [...new Set(rows.map((r) => r.teamId).filter((x): x is string => !!x))];
    const sci =
      sciIds.length > 0
        ? await orm
            .select({
              id: scientistProfiles.id,
              userId: scientistProfiles.userId,
              orgId: scientistProfiles.orgId,
              capacity: scientistProfiles.capacity,
              open: scientistProfiles.openCapacity,
            })
            .from(scientistProfiles)
            .where(inArray(scientistProfiles.id, sciIds))
        : [];
    const tms =
      teamIds.length > 0
        ? await orm
            .select({ id: teams.id, leadId: teams.leadId })
            .from(teams)
            .where(inArray(teams.id, teamIds))
        : [];
    // Listings an organization offers itself carry its verified claim.
    const orgOwned = (r: { scientistId: string | null; teamId: string | null; orgId: string | null }) =>
      !r.scientistId && !r.teamId ? r.orgId : null;
    const ownerOrgIds = [...new Set(rows.map(orgOwned).filter((x): x is string => !!x))];
    const verifiedOrgs = new Set(
      ownerOrgIds.length > 0
        ? (
            await orm
              .select({ orgId: organizationClaims.orgId })
              .from(organizationClaims)
              .where(
                and(
                  inArray(organizationClaims.orgId, ownerOrgIds),
                  eq(organizationClaims.status, 'verified'),
                ),
              )
          ).map((c) => c.orgId)
        : [],
    );
    const sciById = new Map(sci.map((s) => [s.id, s]));
    const teamById = new Map(tms.map((t) => [t.id, t]));
    return (r) => {
      const s = r.scientistId ? sciById.get(r.scientistId) : undefined;
      const t = r.teamId ? teamById.get(r.teamId) : undefined;
      const owner = orgOwned(r);
      return {
        people: [s?.userId, t?.leadId].filter((x): x is string => !!x),
        orgIds: [r.orgId, s?.orgId].filter((x): x is string => !!x),
        teamIds: r.teamId ? [r.teamId] : [],
        capacity: s ? { open: s.open, total: s.capacity } : null,
        verified: owner !== null && verifiedOrgs.has(owner),
      };
    };
  }

  /** Index entries of rows matching `where` (already restricted by the caller). */
  async function docs(kind: CatalogKind, where: SQL | undefined, limit?: number): Promise<IndexDoc[]> {
    switch (kind) {
      case 'scientist': {
        const q = orm.select().from(scientistProfiles).where(where).orderBy(asc(scientistProfiles.id));
        const rows = limit ? await q.limit(limit) : await q;
        const listings = await ownedListings(
          'scientistId',
          rows.map((r) => r.id),
        );
        return rows.map((r) => scientistDoc(r, { listings: listings.get(r.id) ?? [] }));
      }
      case 'team': {
        const q = orm
          .select({
            id: teams.id,
            name: teams.name,
            leadId: teams.leadId,
            regionCode: teams.regionCode,
            description: teams.description,
            disciplines: teams.disciplines,
            capabilities: teams.capabilities,
            createdAt: teams.createdAt,
            updatedAt: teams.updatedAt,
          })
          .from(teams)
          .where(where)
          .orderBy(asc(teams.id));
        const rows = limit ? await q.limit(limit) : await q;
        const ids = rows.map((r) => r.id);
        const listings = await ownedListings('teamId', ids);
        const members =
          ids.length > 0
            ? group(
                await orm
                  .select({ teamId: teamMembers.teamId, userId: teamMembers.userId })
                  .from(teamMembers)
                  .where(and(inArray(teamMembers.teamId, ids), eq(teamMembers.status, 'active'))),
                (m) => m.teamId,
              )
            : new Map<string, { userId: string }[]>();
        return rows.map((r) =>
          teamDoc(r, {
            listings: listings.get(r.id) ?? [],
            memberIds: (members.get(r.id) ?? []).map((m) => m.userId),
          }),
        );
      }
      case 'enterprise': {
        const q = orm
          .select({
            id: organizations.id,
            name: organizations.name,
            regionCode: organizations.regionCode,
            description: organizations.description,
            ownerId: organizations.ownerId,
            industrySection: organizations.industrySection,
            industryDivision: organizations.industryDivision,
            verified: verifiedOrg(organizations.id),
            createdAt: organizations.createdAt,
            updatedAt: organizations.updatedAt,
          })
          .from(organizations)
          .where(where)
          .orderBy(asc(organizations.id));
        const rows = limit ? await q.limit(limit) : await q;
        const ids = rows.map((r) => r.id);
        const posted =
          ids.length > 0
            ? group(
                await orm
                  .select({
                    orgId: needs.orgId,
                    title: needs.title,
                    summary: needs.summary,
                  })
                  .from(needs)
                  .where(and(inArray(needs.orgId, ids), eq(needs.status, 'published'))),
                (n) => n.orgId,
              )
            : new Map<string, { title: string; summary: string }[]>();
        return rows.map((r) =>
          enterpriseDoc(r, {
            needs: (posted.get(r.id) ?? []).map((n) => ({ title: n.title, text: n.summary })),
          }),
        );
      }
      case 'capability': {
        const q = orm.select().from(capabilities).where(where).orderBy(asc(capabilities.id));
        const rows = limit ? await q.limit(limit) : await q;
        const parties = await listingParties(rows);
        return rows.map((r) => capabilityDoc(r, parties(r)));
      }
      case 'result': {
        const q = orm.select().from(results).where(where).orderBy(asc(results.id));
        const rows = limit ? await q.limit(limit) : await q;
        const parties = await listingParties(rows);
        return rows.map((r) => resultDoc(r, parties(r)));
      }
      case 'need': {
        const q = orm
          .select({ need: needs, orgVerified: verifiedOrg(needs.orgId) })
          .from(needs)
          .where(where)
          .orderBy(asc(needs.id));
        const rows = limit ? await q.limit(limit) : await q;
        return rows.map((r) => needDoc(r.need, r.orgVerified));
      }
    }
  }

  // `updated_at` compared at millisecond precision: JS dates carry milliseconds, PostgreSQL
  // microseconds, and the cursor must compare equal to what it was read as.
  const msOf = (col: PgColumn) => sql`date_trunc('milliseconds', ${col})`;

  return {
    page(kind, afterId, limit) {
      const t = TABLES[kind];
      return docs(kind, afterId ? and(t.published, sql`${t.id} > ${afterId}`) : t.published, limit);
    },
    byIds(kind, ids) {
      if (ids.length === 0) return Promise.resolve([]);
      const t = TABLES[kind];
      return docs(kind, and(t.published, inArray(t.id, [...ids])));
    },
    async publishedBetween(kind, since, until, limit) {
      const t = TABLES[kind];
      // The newest `limit` ids first (a bulk import must not turn one alert run into a rebuild).
      const recent = (await orm
        .select({ id: t.id })
        .from(t.table)
        .where(and(t.published, gt(t.publishedAt, since), lte(t.publishedAt, until)))
        .orderBy(desc(t.publishedAt))
        .limit(limit)) as { id: string }[];
      return recent.length
        ? docs(
            kind,
            inArray(
              t.id,
              recent.map((r) => r.id),
            ),
          )
        : [];
    },
    anyByIds(kind, ids) {
      if (ids.length === 0) return Promise.resolve([]);
      return docs(kind, inArray(TABLES[kind].id, [...ids]));
    },
    async changedSince(kind: CatalogKind, cursor: ChangeCursor, limit: number): Promise<ChangedRow[]> {
      const t = TABLES[kind];
      const at = msOf(t.updatedAt);
      const since = cursor.at.toISOString();
      const precise = cursor.id
        ? sql`(${at} > ${since}::timestamptz or (${at} = ${since}::timestamptz and ${t.id} > ${cursor.id}))`
        : sql`${at} >= ${since}::timestamptz`;
      // Truncation only lowers a timestamp, so `updated_at >= since` holds for every row above:
      // a condition the `*_updated_idx` index can serve, keeping each poll cheap on large tables.
      const after = sql`${t.updatedAt} >= ${since}::timestamptz and ${precise}`;
      const rows = (await orm
        .select({
          id: t.id,
          updatedAt: sql<string>`${at}`.mapWith((v: string | Date) => new Date(v)),
          scientistId: t.scientistId ?? sql<null>`null`,
          teamId: t.teamId ?? sql<null>`null`,
        })
        .from(t.table)
        .where(after)
        .orderBy(at, asc(t.id))
        .limit(limit)) as {
        id: string;
        updatedAt: Date;
        scientistId: string | null;
        teamId: string | null;
      }[];
      return rows.map((r) => {
        const owner: OwnerRef | null = r.scientistId
          ? { kind: 'scientist', id: r.scientistId }
          : r.teamId
            ? { kind: 'team', id: r.teamId }
            : null;
        return { id: r.id, updatedAt: r.updatedAt, owner };
      });
    },
    async count(kind) {
      const t = TABLES[kind];
      const [row] = (await orm
        .select({ n: sql<number>`count(*)::int` })
        .from(t.table)
        .where(t.published)) as { n: number }[];
      return row?.n ?? 0;
    },
    async publishedIds(kind) {
      const t = TABLES[kind];
      const rows = (await orm.select({ id: t.id }).from(t.table).where(t.published)) as { id: string }[];
      return rows.map((r) => r.id);
    },
  };
}
