/**
 * Audit queries. Inserts and reads only: the table rejects updates and deletes
 * (migration 0001), and old rows leave only through `audit_log_purge(days)`.
 * @module
 */
import { and, count, desc, eq, gte, like, lte, or, type SQL } from 'drizzle-orm';
import { auditLog, regionPrefix, type Db } from '@tianfu/db';

/** A row to insert (already sanitized). */
export type NewAuditRow = typeof auditLog.$inferInsert;
/** A stored row. */
export type AuditRow = typeof auditLog.$inferSelect;

/** Search filters; `regionPrefixes` = null means unrestricted (administrators). */
export interface AuditFilter {
  from?: Date;
  to?: Date;
  actorId?: string;
  action?: string;
  outcome?: AuditRow['outcome'];
  targetType?: string;
  targetId?: string;
  regionCode?: string;
  /** Region subtrees the reader may see (region codes; null = all). */
  regionPrefixes: string[] | null;
}

// Rows hold canonical codes (51 / 5101 / 510104); a subtree is "starts with the code"
// (510000 → '51%', 510100 → '5101%'). Codes are digits only, so nothing needs escaping.
// An unknown code matches nothing rather than everything.
const subtree = (code: string): SQL => {
  const prefix = regionPrefix(code);
  return prefix ? like(auditLog.regionCode, `${prefix}%`) : eq(auditLog.id, -1);
};

function whereOf(f: AuditFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lte(auditLog.at, f.to) : undefined,
    f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.outcome ? eq(auditLog.outcome, f.outcome) : undefined,
    f.targetType ? eq(auditLog.targetType, f.targetType) : undefined,
    f.targetId ? eq(auditLog.targetId, f.targetId) : undefined,
    f.regionCode ? subtree(f.regionCode) : undefined,
  ];
  if (f.regionPrefixes !== null) {
    // No region at all → nothing visible (an officer without a region grant).
    if (f.regionPrefixes.length === 0) return eq(auditLog.id, -1);
    parts.push(or(...f.regionPrefixes.map(subtree)));
  }
  return and(...parts.filter((p): p is SQL => p !== undefined));
}

/** Audit table access. */
export function auditRepository(db: Db) {
  return {
    async insert(row: NewAuditRow): Promise<void> {
      await db.orm.insert(auditLog).values(row);
    },

    async search(
      f: AuditFilter,
      limit: number,
      offset: number,
    ): Promise<{ rows: AuditRow[]; total: number }> {
      const where = whereOf(f);
      const rows = await db.orm
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit)
        .offset(offset);
      const [totalRow] = await db.orm.select({ n: count() }).from(auditLog).where(where);
      return { rows, total: Number(totalRow?.n ?? 0) };
    },

    /** Deletes rows older than `days` (≥ 180, enforced by the database too); returns how many. */
    async purgeOlderThan(days: number): Promise<number> {
      const res = await db.query<{ removed: number | string }>('select audit_log_purge($1) as removed', [
        days,
      ]);
      return Number(res.rows[0]?.removed ?? 0);
    },
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
