/**
 * Delivery-log queries (`sms_messages`). The unique `idempotency_key` is what makes a retried send
 * find the earlier row instead of sending again.
 * @module
 */
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { smsMessages, type Db } from '@tianfu/db';

/** A stored delivery-log row. */
export type SmsRow = typeof smsMessages.$inferSelect;
/** Values for a new row. */
export type NewSmsRow = typeof smsMessages.$inferInsert;

/** Outbox list filters (all optional). */
export interface SmsListFilter {
  phone?: string;
  purpose?: string;
  status?: SmsRow['status'];
  provider?: string;
}

/** Delivery-log access. */
export function smsRepository(db: Db) {
  return {
    /**
     * Inserts a `queued` row unless the key exists. Returns the new row, or null when another
     * send already owns the key.
     */
    async claim(row: NewSmsRow): Promise<SmsRow | null> {
      const [created] = await db.orm
        .insert(smsMessages)
        .values({ ...row, status: 'queued', attempts: 1 })
        .onConflictDoNothing({ target: smsMessages.idempotencyKey })
        .returning();
      return created ?? null;
    },

    async findByKey(idempotencyKey: string): Promise<SmsRow | null> {
      const [row] = await db.orm
        .select()
        .from(smsMessages)
        .where(eq(smsMessages.idempotencyKey, idempotencyKey))
        .limit(1);
      return row ?? null;
    },

    /**
     * Takes a `failed` row back for another attempt. The status condition makes the claim atomic:
     * of two concurrent retries only one gets the row.
     */
    async reclaimFailed(id: string): Promise<SmsRow | null> {
      const [row] = await db.orm
        .update(smsMessages)
        .set({ status: 'queued', error: null, attempts: sql`${smsMessages.attempts} + 1` })
        .where(and(eq(smsMessages.id, id), eq(smsMessages.status, 'failed')))
        .returning();
      return row ?? null;
    },

    async markSent(id: string, providerMessageId: string | null, at: Date): Promise<void> {
      await db.orm
        .update(smsMessages)
        .set({ status: 'sent', providerMessageId, sentAt: at, error: null })
        .where(eq(smsMessages.id, id));
    },

    async markFailed(id: string, error: string): Promise<void> {
      await db.orm.update(smsMessages).set({ status: 'failed', error }).where(eq(smsMessages.id, id));
    },

    /** Newest first. */
    async list(f: SmsListFilter, limit: number, offset: number): Promise<{ rows: SmsRow[]; total: number }> {
      const parts: SQL[] = [];
      if (f.phone) parts.push(eq(smsMessages.phone, f.phone));
      if (f.purpose) parts.push(eq(smsMessages.purpose, f.purpose));
      if (f.status) parts.push(eq(smsMessages.status, f.status));
      if (f.provider) parts.push(eq(smsMessages.provider, f.provider));
      const where = parts.length > 0 ? and(...parts) : undefined;
      const rows = await db.orm
        .select()
        .from(smsMessages)
        .where(where)
        .orderBy(desc(smsMessages.createdAt), desc(smsMessages.id))
        .limit(limit)
        .offset(offset);
      const [totalRow] = await db.orm.select({ n: count() }).from(smsMessages).where(where);
      return { rows, total: Number(totalRow?.n ?? 0) };
    },
  };
}
export type SmsRepository = ReturnType<typeof smsRepository>;
