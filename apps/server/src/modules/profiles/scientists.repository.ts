/**
 * Queries over `scientist_profiles` (and the version rows written with each edit).
 * @module
 */
import { and, arrayOverlaps, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { ScientistListQuery } from '@tianfu/contracts';
import { listingVersions, organizations, scientistProfiles, users, type Db, type Orm } from '@tianfu/db';
import { pageOffset } from '@tianfu/contracts';
import { containsPattern, disciplineFamily, regionSubtree } from './profiles.shared.ts';

export type ScientistRow = typeof scientistProfiles.$inferSelect;
export type ScientistInsert = typeof scientistProfiles.$inferInsert;

/** Public list filters (published profiles only). */
function listConditions(q: ScientistListQuery): SQL[] {
  const t = scientistProfiles;
  const where: SQL[] = [eq(t.status, 'published')];
  if (q.region) where.push(regionSubtree(t.regionCode, q.region));
  if (q.discipline) where.push(arrayOverlaps(t.disciplines, disciplineFamily(q.discipline)));
  if (q.availability) where.push(eq(t.availability, q.availability));
  if (q.ruralExpert !== undefined) where.push(eq(t.ruralExpert, q.ruralExpert));
  if (q.remote !== undefined) where.push(eq(t.remote, q.remote));
  if (q.verified !== undefined) where.push(eq(t.verified, q.verified));
  if (q.q) {
    const p = containsPattern(q.q);
    where.push(
      or(
        ilike(t.name, p),
        ilike(t.affiliation, p),
        ilike(t.title, p),
        sql`array_to_string(${t.skills}, ' ') ilike ${p}`,
      )!,
    );
  }
  return where;
}

export function scientistsRepository(db: Db) {
  const orm = db.orm;
  return {
    async byId(id: string): Promise<ScientistRow | undefined> {
      const [row] = await orm.select().from(scientistProfiles).where(eq(scientistProfiles.id, id)).limit(1);
      return row;
    },
    async byUserId(userId: string): Promise<ScientistRow | undefined> {
      const [row] = await orm
        .select()
        .from(scientistProfiles)
        .where(eq(scientistProfiles.userId, userId))
        .limit(1);
      return row;
    },
    async phoneOf(userId: string | null): Promise<string | null> {
      if (!userId) return null;
      const [row] = await orm.select({ phone: users.phone }).from(users).where(eq(users.id, userId)).limit(1);
      return row?.phone ?? null;
    },
    async orgExists(orgId: string): Promise<boolean> {
      const [row] = await orm
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, orgId))
        .limit(1);
      return !!row;
    },
    async list(q: ScientistListQuery): Promise<{ rows: ScientistRow[]; total: number }> {
      const where = and(...listConditions(q));
      const t = scientistProfiles;
      const order =
        q.sort === 'reputation'
          ? [desc(t.reputation), desc(t.updatedAt), asc(t.id)]
          : q.sort === 'name'
            ? [asc(t.name), asc(t.id)]
            : [desc(t.updatedAt), asc(t.id)];
      const rows = await orm
        .select()
        .from(t)
        .where(where)
        .orderBy(...order)
        .limit(q.pageSize)
        .offset(pageOffset(q));
      const [total] = await orm.select({ n: count() }).from(t).where(where);
      return { rows, total: Number(total?.n ?? 0) };
    },

    // Writes take the transaction they run in.
    async insert(tx: Orm, values: ScientistInsert): Promise<ScientistRow> {
      const [row] = await tx.insert(scientistProfiles).values(values).returning();
      return row!;
    },
    /** Applies `values` and bumps the version; null when the row is gone. */
    async update(tx: Orm, id: string, values: Partial<ScientistInsert>): Promise<ScientistRow | undefined> {
      const [row] = await tx
        .update(scientistProfiles)
        .set({ ...values, version: sql`${scientistProfiles.version} + 1` })
        .where(eq(scientistProfiles.id, id))
        .returning();
      return row;
    },
    async insertVersion(
      tx: Orm,
      v: { entityId: string; version: number; data: Record<string, unknown>; changedBy: string | null },
    ): Promise<void> {
      await tx.insert(listingVersions).values({ entityType: 'scientist', ...v });
    },
  };
}
