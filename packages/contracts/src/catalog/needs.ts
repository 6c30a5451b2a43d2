/**
 * Needs (科技所需): `/api/needs`. Four kinds; a confidential need shows its public summary to
 * everyone and its details only to the owner, officers of the region, and viewers who accepted
 * the non-disclosure agreement (`POST /api/needs/{id}/nda`, recorded in `nda_acceptances`).
 * "Deadline in the future" is a service rule (checked on submit), not a schema rule.
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from '../common.ts';
import { disciplineCode, industryCode } from '../taxonomy/schemas.ts';
import { ListingStatus, NeedKind } from './enums.ts';
import {
  CalendarDate,
  CatalogId,
  CatalogRegionCode,
  DisciplineList,
  ExpectedVersion,
  IndustryList,
  LongText,
  QueryText,
  SummaryText,
  TermList,
  Title,
  Yuan,
} from './fields.ts';

/**
 * The agreement text version viewers accept; bump it when the text changes (the web shows the
 * text of this version). An acceptance of an older version no longer opens details: the viewer
 * accepts the new text (`ndaReacceptRequired`), and the old acceptance stays on record.
 */
export const NDA_AGREEMENT_VERSION = '2026-11';

const needFields = {
  kind: NeedKind,
  /** The enterprise posting the need (the caller must be its owner/admin); null = personal need. */
  orgId: CatalogId.nullable(),
  title: Title,
  /** Public summary, shown to everyone. */
  summary: SummaryText,
  /** Full description: behind the NDA when `confidential`. */
  description: LongText.min(10),
  confidential: z.boolean(),
  keywords: TermList,
  disciplines: DisciplineList,
  industries: IndustryList,
  budgetMin: Yuan.nullable(),
  budgetMax: Yuan.nullable(),
  deadline: CalendarDate.nullable(),
  regionCode: CatalogRegionCode,
};

const budgetInOrder = (v: { budgetMin?: number | null; budgetMax?: number | null }) =>
  v.budgetMin === null ||
  v.budgetMin === undefined ||
  v.budgetMax === null ||
  v.budgetMax === undefined ||
  v.budgetMin <= v.budgetMax;
const budgetRange = { message: 'validation.budget_range', path: ['budgetMax'] };

/** POST /api/needs — creates a draft. */
export const NeedCreate = z
  .object(needFields)
  .partial()
  .required({ kind: true, title: true, summary: true, description: true, regionCode: true })
  .refine(budgetInOrder, budgetRange);
export type NeedCreate = z.infer<typeof NeedCreate>;

/** PATCH /api/needs/{id} — a new version; the service re-checks the budget order against stored values. */
export const NeedPatch = z
  .object(needFields)
  .omit({ orgId: true })
  .partial()
  .extend({ version: ExpectedVersion })
  .refine(budgetInOrder, budgetRange);
export type NeedPatch = z.infer<typeof NeedPatch>;

/** What a confidential need hides until the NDA is accepted. */
export const NeedDetails = z.object({
  description: z.string(),
});
export type NeedDetails = z.infer<typeof NeedDetails>;

export const NeedSummary = z.object({
  id: z.string(),
  kind: NeedKind,
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  /** The organization behind it is verified by an officer; null when no organization is. */
  orgVerified: z.boolean().nullable(),
  title: z.string(),
  summary: z.string(),
  confidential: z.boolean(),
  disciplines: z.array(z.string()),
  industries: z.array(z.string()),
  budgetMin: z.number().int().nullable(),
  budgetMax: z.number().int().nullable(),
  deadline: z.string().nullable(),
  regionCode: z.string(),
  status: ListingStatus,
  qualityScore: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type NeedSummary = z.infer<typeof NeedSummary>;

/**
 * GET /api/needs/{id} for anyone. `details` is null and `ndaRequired` true while the viewer may not
 * see a confidential need's details.
 */
export const NeedView = NeedSummary.extend({
  keywords: z.array(z.string()),
  details: NeedDetails.nullable(),
  ndaRequired: z.boolean(),
  /** The agreement version the viewer must accept (the current one). */
  ndaAgreementVersion: z.string(),
  /** The viewer accepted an earlier version only: details stay closed until they accept this one. */
  ndaReacceptRequired: z.boolean(),
  version: z.number().int(),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NeedView = z.infer<typeof NeedView>;

/** The author's / organization's / regional officer's view (details always present). */
export const NeedDetail = NeedView.extend({
  authorId: z.string().nullable(),
  externalId: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  ndaAcceptanceCount: z.number().int(),
  canEdit: z.boolean(),
});
export type NeedDetail = z.infer<typeof NeedDetail>;

export const NeedResponse = z.union([NeedDetail, NeedView]);
export type NeedResponse = z.infer<typeof NeedResponse>;

/** POST /api/needs/{id}/nda — the viewer accepts the agreement of this version. */
export const NdaAccept = z.object({ agreementVersion: z.literal(NDA_AGREEMENT_VERSION) });
export type NdaAccept = z.infer<typeof NdaAccept>;

export const NdaAcceptance = z.object({
  needId: z.string(),
  acceptedAt: z.string(),
  agreementVersion: z.string(),
});
export type NdaAcceptance = z.infer<typeof NdaAcceptance>;

/** GET /api/needs — published needs. `budgetMin` = budget at least this much. */
export const NeedListQuery = PaginationQuery.extend({
  q: QueryText.optional(),
  kind: NeedKind.optional(),
  region: CatalogRegionCode.optional(),
  discipline: disciplineCode.optional(),
  industry: industryCode.optional(),
  budgetMin: z.coerce.number().int().min(0).optional(),
  orgId: CatalogId.optional(),
  /** Other than `published`: only the caller's own listings (officers: their regions'); needs sign-in. */
  status: ListingStatus.optional(),
  sort: z.enum(['updated', 'deadline', 'budget']).default('updated'),
});
export type NeedListQuery = z.infer<typeof NeedListQuery>;

export const NeedListResponse = paginated(NeedSummary);
export type NeedListResponse = z.infer<typeof NeedListResponse>;
