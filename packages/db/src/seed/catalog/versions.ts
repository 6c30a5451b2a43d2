/**
 * Version 1 of every seeded listing and profile, as the services write it when a record is
 * created, so the edit history of a demo record starts where a real one's does.
 * @module
 */
import type { listingVersions, VersionedEntityType } from '../../schema/index.ts';

export type VersionRow = typeof listingVersions.$inferInsert;

interface Versioned {
  id?: string;
  createdAt?: Date;
  authorId?: string | null;
  userId?: string | null;
}

/** The row as stored data (dates as ISO strings, like the services' snapshots). */
function snapshot(row: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

/** One version-1 row per record. */
export function firstVersions(entityType: VersionedEntityType, rows: readonly Versioned[]): VersionRow[] {
  return rows.map((row) => ({
    entityType,
    entityId: row.id!,
    version: 1,
    data: snapshot(row),
    changedBy: row.authorId ?? row.userId ?? null,
    createdAt: row.createdAt,
  }));
}
