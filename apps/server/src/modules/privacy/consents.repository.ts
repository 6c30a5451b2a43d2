/**
 * Queries for consent records. Consents are evidence: never updated except to set `withdrawn_at`.
 * @module
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { consents, type Db } from '@tianfu/db';

export type ConsentRow = typeof consents.$inferSelect;

/** Repository over `consents`. */
export function consentsRepository(db: Db) {
  const orm = db.orm;
  return {
    async listOf(userId: string): Promise<ConsentRow[]> {
      return orm.select().from(consents).where(eq(consents.userId, userId)).orderBy(desc(consents.grantedAt));
    },
    /** The newest consent for a purpose that has not been withdrawn. */
    async activeFor(userId: string, purpose: string): Promise<ConsentRow | undefined> {
      const [row] = await orm
        .select()
        .from(consents)
        .where(and(eq(consents.userId, userId), eq(consents.purpose, purpose), isNull(consents.withdrawnAt)))
        .orderBy(desc(consents.grantedAt))
        .limit(1);
      return row;
    },
    async insert(values: typeof consents.$inferInsert): Promise<ConsentRow> {
      const [row] = await orm.insert(consents).values(values).returning();
      return row!;
    },
    /** Withdraws one of the user's own consents; undefined when it is not theirs or already withdrawn. */
    async withdraw(userId: string, id: string, now: Date): Promise<ConsentRow | undefined> {
      const [row] = await orm
        .update(consents)
        .set({ withdrawnAt: now })
        .where(and(eq(consents.id, id), eq(consents.userId, userId), isNull(consents.withdrawnAt)))
        .returning();
      return row;
    },
  };
}
