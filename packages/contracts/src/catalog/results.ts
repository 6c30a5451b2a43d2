/**
 * Research results offered for transfer (科研成果): `/api/results`. The reserve price is seen only
 * by the owner and officers of the region.
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from '../common.ts';
import { disciplineCode, industryCode } from '../taxonomy/schemas.ts';
import { IpKind, ListingStatus, OwnerType, PriceType, TransferMode } from './enums.ts';
import { ListingOwnerRef, ownerRefComplete, ownerRefRequired } from './capabilities.ts';
import {
  CatalogId,
  CatalogRegionCode,
  DisciplineList,
  ExpectedVersion,
  IndustryList,
  LongText,
  PlainText,
  QueryText,
  TermList,
  Title,
  Yuan,
} from './fields.ts';

/** A patent, software copyright or other IP right attached to a result. */
export const ResultIp = z.object({
  kind: IpKind,
  number: PlainText.trim().min(1).max(60),
  title: PlainText.trim().max(200).nullable().optional(),
});
export type ResultIp = z.infer<typeof ResultIp>;

/** Technology readiness level 1–9. */
export const Maturity = z.number().int().min(1).max(9);

const resultFields = {
  title: Title,
  abstract: LongText.min(10),
  maturity: Maturity,
  ip: z.array(ResultIp).max(50),
  transferModes: z.array(TransferMode).min(1).max(4),
  priceType: PriceType,
  askingPrice: Yuan.nullable(),
  /** The lowest acceptable price; private to the owner and officers. */
  reservePrice: Yuan.nullable(),
  disciplines: DisciplineList,
  industries: IndustryList,
  keywords: TermList,
  regionCode: CatalogRegionCode,
};

const reserveNotAboveAsking = (v: { askingPrice?: number | null; reservePrice?: number | null }) =>
  v.askingPrice === null ||
  v.askingPrice === undefined ||
  v.reservePrice === null ||
  v.reservePrice === undefined ||
  v.reservePrice <= v.askingPrice;
const reserveAbove = { message: 'validation.reserve_above_asking', path: ['reservePrice'] };
const fixedNeedsPrice = (v: { priceType?: string; askingPrice?: number | null }) =>
  v.priceType !== 'fixed' || (v.askingPrice !== null && v.askingPrice !== undefined);
const priceRequired = { message: 'validation.price_required', path: ['askingPrice'] };

/** POST /api/results — creates a draft. */
export const ResearchResultCreate = z
  .object(resultFields)
  .partial()
  .required({
    title: true,
    abstract: true,
    maturity: true,
    transferModes: true,
    priceType: true,
    regionCode: true,
  })
  .extend(ListingOwnerRef.shape)
  .refine(reserveNotAboveAsking, reserveAbove)
  .refine(fixedNeedsPrice, priceRequired)
  .refine(ownerRefComplete, ownerRefRequired);
export type ResearchResultCreate = z.infer<typeof ResearchResultCreate>;

/** PATCH /api/results/{id} — a new version. */
export const ResearchResultPatch = z
  .object(resultFields)
  .partial()
  .extend({ version: ExpectedVersion })
  .refine(reserveNotAboveAsking, reserveAbove)
  .refine(fixedNeedsPrice, priceRequired);
export type ResearchResultPatch = z.infer<typeof ResearchResultPatch>;

export const ResearchResultSummary = z.object({
  id: z.string(),
  ownerType: OwnerType,
  scientistId: z.string().nullable(),
  teamId: z.string().nullable(),
  orgId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** The organization behind it is verified by an officer; null when no organization is. */
  orgVerified: z.boolean().nullable(),
  title: z.string(),
  excerpt: z.string(),
  maturity: z.number().int(),
  transferModes: z.array(TransferMode),
  priceType: PriceType,
  askingPrice: z.number().int().nullable(),
  disciplines: z.array(z.string()),
  industries: z.array(z.string()),
  regionCode: z.string(),
  status: ListingStatus,
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ResearchResultSummary = z.infer<typeof ResearchResultSummary>;

/** GET /api/results/{id} for anyone (no reserve price). */
export const ResearchResultView = ResearchResultSummary.extend({
  abstract: z.string(),
  ip: z.array(ResultIp),
  keywords: z.array(z.string()),
  version: z.number().int(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ResearchResultView = z.infer<typeof ResearchResultView>;

/** Owner's / regional officer's view, with the reserve price. */
export const ResearchResultDetail = ResearchResultView.extend({
  reservePrice: z.number().int().nullable(),
  authorId: z.string().nullable(),
  externalId: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  canEdit: z.boolean(),
});
export type ResearchResultDetail = z.infer<typeof ResearchResultDetail>;

export const ResearchResultResponse = z.union([ResearchResultDetail, ResearchResultView]);
export type ResearchResultResponse = z.infer<typeof ResearchResultResponse>;

/** GET /api/results — published results. */
export const ResearchResultListQuery = PaginationQuery.extend({
  q: QueryText.optional(),
  region: CatalogRegionCode.optional(),
  discipline: disciplineCode.optional(),
  industry: industryCode.optional(),
  maturityMin: z.coerce.number().int().min(1).max(9).optional(),
  maturityMax: z.coerce.number().int().min(1).max(9).optional(),
  transferMode: TransferMode.optional(),
  priceMax: z.coerce.number().int().min(0).optional(),
  ownerType: OwnerType.optional(),
  scientistId: CatalogId.optional(),
  teamId: CatalogId.optional(),
  orgId: CatalogId.optional(),
  /** Other than `published`: only the caller's own listings (officers: their regions'); needs sign-in. */
  status: ListingStatus.optional(),
  sort: z.enum(['updated', 'maturity', 'price']).default('updated'),
});
export type ResearchResultListQuery = z.infer<typeof ResearchResultListQuery>;

export const ResearchResultListResponse = paginated(ResearchResultSummary);
export type ResearchResultListResponse = z.infer<typeof ResearchResultListResponse>;
