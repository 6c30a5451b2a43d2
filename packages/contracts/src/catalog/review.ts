/**
 * Listing life cycle and officer review: `POST /api/{type}s/{id}/submit|close`,
 * `GET /api/review/queue`, `POST /api/review/{type}/{id}`, `GET/PUT /api/region-settings/{code}`,
 * `GET /api/mine/listings`.
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from '../common.ts';
import { ListingStatus, ListingType, PublishMode, VersionedEntityType } from './enums.ts';
import { CatalogId, CatalogRegionCode, ExpectedVersion, PlainText } from './fields.ts';

/** POST /api/review/{type}/{id} — an officer of the listing's region decides. */
export const ReviewDecision = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: PlainText.trim().max(500).optional(),
    /** The version the officer reviewed (a 409 when the author changed it since). */
    version: ExpectedVersion,
  })
  .refine((v) => v.decision !== 'reject' || (v.reason !== undefined && v.reason.length >= 2), {
    message: 'validation.reason_required',
    path: ['reason'],
  });
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const ReviewParams = z.object({ type: ListingType, id: CatalogId });
export type ReviewParams = z.infer<typeof ReviewParams>;

/** POST /api/{type}s/{id}/close — an optional note. */
export const ListingClose = z.object({ reason: PlainText.trim().max(500).optional() });
export type ListingClose = z.infer<typeof ListingClose>;

/** GET /api/review/queue — submitted listings in the officer's regions, oldest first. */
export const ReviewQueueQuery = PaginationQuery.extend({
  type: ListingType.optional(),
  region: CatalogRegionCode.optional(),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>;

export const ReviewQueueItem = z.object({
  type: ListingType,
  id: z.string(),
  title: z.string(),
  regionCode: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  version: z.number().int(),
  submittedAt: z.string(),
});
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;
export const ReviewQueueResponse = paginated(ReviewQueueItem);
export type ReviewQueueResponse = z.infer<typeof ReviewQueueResponse>;

/** One step in a listing's life (listing_status_events). */
export const ListingStatusEvent = z.object({
  fromStatus: ListingStatus.nullable(),
  toStatus: ListingStatus,
  reason: z.string().nullable(),
  actorId: z.string().nullable(),
  at: z.string(),
});
export type ListingStatusEvent = z.infer<typeof ListingStatusEvent>;

/** One stored version of an entity (listing_versions). */
export const ListingVersion = z.object({
  entityType: VersionedEntityType,
  entityId: z.string(),
  version: z.number().int(),
  data: z.record(z.string(), z.unknown()),
  changedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ListingVersion = z.infer<typeof ListingVersion>;

/** Answer of submit / close / review: the new status (and the reason when rejected). */
export const ListingStatusResponse = z.object({
  type: ListingType,
  id: z.string(),
  status: ListingStatus,
  rejectionReason: z.string().nullable(),
  version: z.number().int(),
});
export type ListingStatusResponse = z.infer<typeof ListingStatusResponse>;

/** GET /api/mine/listings — the caller's listings in any status. */
export const MyListingsQuery = PaginationQuery.extend({
  type: ListingType.optional(),
  status: ListingStatus.optional(),
});
export type MyListingsQuery = z.infer<typeof MyListingsQuery>;

export const MyListing = z.object({
  type: ListingType,
  id: z.string(),
  title: z.string(),
  status: ListingStatus,
  rejectionReason: z.string().nullable(),
  version: z.number().int(),
  regionCode: z.string(),
  updatedAt: z.string(),
});
export type MyListing = z.infer<typeof MyListing>;
export const MyListingsResponse = paginated(MyListing);
export type MyListingsResponse = z.infer<typeof MyListingsResponse>;

/** `{ code }` path parameters of /api/region-settings/{code}. */
export const RegionSettingParams = z.object({ code: CatalogRegionCode });

/**
 * GET /api/region-settings/{code}: the effective publish mode. `sourceRegionCode` is the region
 * whose setting applies (the nearest ancestor with one), null when the configured default applies.
 */
export const RegionSetting = z.object({
  regionCode: z.string(),
  publishMode: PublishMode,
  inherited: z.boolean(),
  sourceRegionCode: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type RegionSetting = z.infer<typeof RegionSetting>;

/** PUT /api/region-settings/{code} (officers of the region, admins). */
export const RegionSettingUpdate = z.object({ publishMode: PublishMode });
export type RegionSettingUpdate = z.infer<typeof RegionSettingUpdate>;

/**
 * GET /api/{needs|capabilities|results}/{id}/history (owner, officers of the region, admins): the
 * stored versions (who by name only, when, which editable fields changed against the version
 * before; version 1 is the creation) and the status events with their reasons, newest first.
 */
export const ListingHistoryVersion = ListingVersion.pick({ version: true, createdAt: true }).extend({
  changedByName: z.string().nullable(),
  changedFields: z.array(z.string()),
});
export type ListingHistoryVersion = z.infer<typeof ListingHistoryVersion>;

export const ListingHistoryEvent = ListingStatusEvent.omit({ actorId: true }).extend({
  actorName: z.string().nullable(),
});
export type ListingHistoryEvent = z.infer<typeof ListingHistoryEvent>;

export const ListingHistory = z.object({
  type: ListingType,
  id: z.string(),
  version: z.number().int(),
  versions: z.array(ListingHistoryVersion),
  events: z.array(ListingHistoryEvent),
});
export type ListingHistory = z.infer<typeof ListingHistory>;
