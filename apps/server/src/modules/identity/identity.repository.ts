/**
 * Queries for real-name identity records.
 * @module
 */
import { and, count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { realNameIdentities, users, type Db } from '@tianfu/db';

export type IdentityRow = typeof realNameIdentities.$inferSelect;

/** Repository over `real_name_identities`. */
export function identityRepository(db: Db) {
  const orm = db.orm;
  return {
    async byUser(userId: string): Promise<IdentityRow | undefined> {
      const [row] = await orm
        .select()
        .from(realNameIdentities)
        .where(eq(realNameIdentities.userId, userId))
        .limit(1);
      return row;
    },
    /** Another user's verified record with the same blind index, if any. */
    async verifiedElsewhere(bidx: string, userId: string): Promise<boolean> {
      const [row] = await orm
        .select({ id: realNameIdentities.id })
        .from(realNameIdentities)
        .where(
          and(
            eq(realNameIdentities.idNumberBidx, bidx),
            eq(realNameIdentities.status, 'verified'),
            sql`${realNameIdentities.userId} <> ${userId}`,
          ),
        )
        .limit(1);
      return !!row;
    },
    /** Inserts or replaces the user's record (one per user). */
    async upsert(values: typeof realNameIdentities.$inferInsert): Promise<IdentityRow> {
      const [row] = await orm
        .insert(realNameIdentities)
        .values(values)
        .onConflictDoUpdate({
          target: realNameIdentities.userId,
          set: {
            fullName: values.fullName,
            idNumberEnc: values.idNumberEnc,
            idNumberMasked: values.idNumberMasked,
            idNumberBidx: values.idNumberBidx,
            regionCode: values.regionCode,
            status: values.status ?? 'pending',
            reason: values.reason ?? null,
            verifiedBy: values.verifiedBy ?? null,
            verifiedAt: values.verifiedAt ?? null,
            verifier: values.verifier ?? null,
            updatedAt: new Date(),
          },
        })
        .returning();
      return row!;
    },
    /** Sets a decision only while the record is still pending; false when it was not. */
    async decide(
      userId: string,
      values: Partial<typeof realNameIdentities.$inferInsert>,
    ): Promise<IdentityRow | undefined> {
      const [row] = await orm
        .update(realNameIdentities)
        .set(values)
        .where(and(eq(realNameIdentities.userId, userId), eq(realNameIdentities.status, 'pending')))
        .returning();
      return row;
    },
    /** Records for review with the given status inside the region prefixes (null = everywhere). */
    async listForReview(
      status: 'pending' | 'verified' | 'rejected',
      prefixes: string[] | null,
      limit: number,
      offset: number,
    ) {
      const conds: SQL[] = [eq(realNameIdentities.status, status)];
      if (prefixes !== null) {
        if (prefixes.length === 0) return { rows: [], total: 0 };
        conds.push(or(...prefixes.map((p) => like(realNameIdentities.regionCode, `${p}%`)))!);
      }
      const where = and(...conds);
      const rows = await orm
        .select({ identity: realNameIdentities, displayName: users.displayName })
        .from(realNameIdentities)
        .innerJoin(users, eq(users.id, realNameIdentities.userId))
        .where(where)
        .orderBy(desc(realNameIdentities.createdAt))
        .limit(limit)
        .offset(offset);
      const [total] = await orm.select({ n: count() }).from(realNameIdentities).where(where);
      return { rows, total: Number(total?.n ?? 0) };
    },
    async deleteByUser(userId: string): Promise<void> {
      await orm.delete(realNameIdentities).where(eq(realNameIdentities.userId, userId));
    },
  };
}
