/**
 * Capability / service listings (科技所能): `/api/capabilities`. Offered by a scientist (the
 * caller's own profile), a team (its lead) or an organization (owner/admin).
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from '../common.ts';
import { disciplineCode, industryCode } from '../taxonomy/schemas.ts';
import { DeliveryMode, ListingStatus, OwnerType, PriceType } from './enums.ts';
import {
  CatalogId,
  CatalogRegionCode,
  DisciplineList,
  ExpectedVersion,
  IndustryList,
  LongText,
  QueryText,
  TermList,
  Title,
  Yuan,
} from './fields.ts';

const capabilityFields = {
  title: Title,
  description: LongText.min(10),
  disciplines: DisciplineList,
  industries: IndustryList,
  keywords: TermList,
  deliveryMode: DeliveryMode,
  priceType: PriceType,
  /** Yuan; required for `fixed`, a reference for `negotiable`, usually null for `quote`. */
  price: Yuan.nullable(),
  /** Typical duration in days. */
  durationDays: z.number().int().min(1).max(3650).nullable(),
  regionCode: CatalogRegionCode,
};

const fixedNeedsPrice = (v: { priceType?: string; price?: number | null }) =>
  v.priceType !== 'fixed' || (v.price !== null && v.price !== undefined);
const priceRequired = { message: 'validation.price_required', path: ['price'] };

/** Who offers a listing: `scientist` = the caller's own profile unless `scientistId` is given (officers). */
export const ListingOwnerRef = z.object({
  ownerType: OwnerType.default('scientist'),
  scientistId: CatalogId.optional(),
  teamId: CatalogId.optional(),
  orgId: CatalogId.optional(),
});
export type ListingOwnerRef = z.infer<typeof ListingOwnerRef>;

/** True when the reference names the team or organization its type needs. */
export function ownerRefComplete(v: { ownerType?: string; teamId?: string; orgId?: string }): boolean {
  if (v.ownerType === 'team') return !!v.teamId;
  if (v.ownerType === 'organization') return !!v.orgId;
  return true;
}
export const ownerRefRequired = { message: 'validation.owner_ref_required', path: ['ownerType'] };

/** POST /api/capabilities — creates a draft. */
export const CapabilityCreate = z
  .object(capabilityFields)
  .partial()
  .required({ title: true, description: true, deliveryMode: true, priceType: true, regionCode: true })
  .extend(ListingOwnerRef.shape)
  .refine(fixedNeedsPrice, priceRequired)
  .refine(ownerRefComplete, ownerRefRequired);
export type CapabilityCreate = z.infer<typeof CapabilityCreate>;

/** PATCH /api/capabilities/{id} — a new version; the owner cannot change. */
export const CapabilityPatch = z
  .object(capabilityFields)
  .partial()
  .extend({ version: ExpectedVersion })
  .refine(fixedNeedsPrice, priceRequired);
export type CapabilityPatch = z.infer<typeof CapabilityPatch>;

export const CapabilitySummary = z.object({
  id: z.string(),
  ownerType: OwnerType,
  scientistId: z.string().nullable(),
  teamId: z.string().nullable(),
  orgId: z.string().nullable(),
  /** Name of the scientist, team or organization offering it. */
  ownerName: z.string().nullable(),
  /** The organization behind it is verified by an officer; null when no organization is. */
  orgVerified: z.boolean().nullable(),
  title: z.string(),
  /** The description's first ~160 characters. */
  excerpt: z.string(),
  disciplines: z.array(z.string()),
  industries: z.array(z.string()),
  deliveryMode: DeliveryMode,
  priceType: PriceType,
  price: z.number().int().nullable(),
  durationDays: z.number().int().nullable(),
  regionCode: z.string(),
  status: ListingStatus,
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type CapabilitySummary = z.infer<typeof CapabilitySummary>;

/** GET /api/capabilities/{id} for anyone (published only). */
export const CapabilityView = CapabilitySummary.extend({
  description: z.string(),
  keywords: z.array(z.string()),
  version: z.number().int(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CapabilityView = z.infer<typeof CapabilityView>;

/** The author's / owner's / regional officer's view. */
export const CapabilityDetail = CapabilityView.extend({
  authorId: z.string().nullable(),
  externalId: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  canEdit: z.boolean(),
});
export type CapabilityDetail = z.infer<typeof CapabilityDetail>;

export const CapabilityResponse = z.union([CapabilityDetail, CapabilityView]);
export type CapabilityResponse = z.infer<typeof CapabilityResponse>;

/** GET /api/capabilities — published listings. */
export const CapabilityListQuery = PaginationQuery.extend({
  q: QueryText.optional(),
  region: CatalogRegionCode.optional(),
  discipline: disciplineCode.optional(),
  industry: industryCode.optional(),
  deliveryMode: DeliveryMode.optional(),
  priceType: PriceType.optional(),
  priceMax: z.coerce.number().int().min(0).optional(),
  ownerType: OwnerType.optional(),
  scientistId: CatalogId.optional(),
  teamId: CatalogId.optional(),
  orgId: CatalogId.optional(),
  /** Other than `published`: only the caller's own listings (officers: their regions'); needs sign-in. */
  status: ListingStatus.optional(),
  sort: z.enum(['updated', 'price']).default('updated'),
});
export type CapabilityListQuery = z.infer<typeof CapabilityListQuery>;

export const CapabilityListResponse = paginated(CapabilitySummary);
export type CapabilityListResponse = z.infer<typeof CapabilityListResponse>;
