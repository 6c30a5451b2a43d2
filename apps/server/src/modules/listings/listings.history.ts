/**
 * A listing's history as its owner and the region's officers see it: the stored versions (who by
 * display name only, when, which editable fields changed against the version before) and the
 * status events with their reasons, newest first.
 * @module
 */
import type { ListingHistory, ListingStatus, ListingType } from '@tianfu/contracts';

/** Columns every save rewrites: bookkeeping, not something the author changed. */
const BOOKKEEPING = new Set([
  'id',
  'version',
  'status',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'expiresAt',
  'rejectionReason',
  'qualityScore',
]);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The editable fields that differ between two `listing_versions.data` snapshots, sorted. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !BOOKKEEPING.has(k) && !same(before[k], after[k])).sort();
}

export interface HistoryInput {
  type: ListingType;
  id: string;
  version: number;
  versions: { version: number; data: unknown; changedBy: string | null; createdAt: Date }[];
  events: {
    fromStatus: ListingStatus | null;
    toStatus: ListingStatus;
    reason: string | null;
    actorId: string | null;
    at: Date;
  }[];
  /** user id → display name */
  names: Map<string, string>;
}

/** Builds the history answer from the rows (versions in ascending order). */
export function presentHistory(h: HistoryInput): ListingHistory {
  const name = (id: string | null) => (id ? h.names.get(id) || null : null);
  const sorted = [...h.versions].sort((a, b) => a.version - b.version);
  const versions = sorted.map((v, i) => {
    const prev = i > 0 ? sorted[i - 1] : undefined;
    return {
      version: v.version,
      createdAt: v.createdAt.toISOString(),
      changedByName: name(v.changedBy),
      changedFields:
        prev && prev.version === v.version - 1
          ? changedFields(prev.data as Record<string, unknown>, v.data as Record<string, unknown>)
          : [],
    };
  });
  const events = h.events.map((e) => ({
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
    actorName: name(e.actorId),
    at: e.at.toISOString(),
  }));
  return {
    type: h.type,
    id: h.id,
    version: h.version,
    versions: versions.reverse(),
    events: events.reverse(),
  };
}
