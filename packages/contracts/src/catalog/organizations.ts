/**
 * Enterprise (and institution) profiles: `/api/organizations`, `/api/organizations/{id}`. An
 * organization is identified by its unified social credit code; its industry is a GB/T 4754
 * division, and the section, when given, must be the division's own.
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from '../common.ts';
import { OrganizationType, Uscc } from '../accounts.ts';
import { industryCode, industryDivisionCode } from '../taxonomy/schemas.ts';
import { industrySection } from '../taxonomy/industries.ts';
import { SizeClass } from './enums.ts';
import { OrgVerification, OrgVerificationStatus } from './org-claims.ts';
import { CatalogRegionCode, LongText, PlainText, QueryText, industrySectionCode } from './fields.ts';

const organizationFields = {
  name: PlainText.trim().min(2).max(120),
  orgType: OrganizationType,
  regionCode: CatalogRegionCode,
  description: LongText.nullable(),
  /** GB/T 4754 section letter; derived from the division when left out. */
  industrySection: industrySectionCode.nullable(),
  /** GB/T 4754 division (two digits), the main business. */
  industryDivision: industryDivisionCode.nullable(),
  sizeClass: SizeClass.nullable(),
  employees: z.number().int().min(0).max(10_000_000).nullable(),
};

type IndustryPair = { industrySection?: string | null; industryDivision?: string | null };

/** Section and division, when both given, must agree. */
function industriesAgree(v: IndustryPair): boolean {
  if (!v.industrySection || !v.industryDivision) return true;
  return industrySection(v.industryDivision)?.code === v.industrySection;
}
const mismatch = { message: 'validation.industry_mismatch', path: ['industryDivision'] };

/** POST /api/organizations — registers an organization with its profile; the caller becomes owner. */
export const OrganizationProfileCreate = z
  .object({ ...organizationFields, uscc: Uscc })
  .partial()
  .required({ name: true, uscc: true, regionCode: true })
  .refine(industriesAgree, mismatch);
export type OrganizationProfileCreate = z.infer<typeof OrganizationProfileCreate>;

/** PATCH /api/organizations/{id} (owner or admin member). The USCC cannot change. */
export const OrganizationProfilePatch = z
  .object(organizationFields)
  .partial()
  .refine(industriesAgree, mismatch);
export type OrganizationProfilePatch = z.infer<typeof OrganizationProfilePatch>;

export const OrganizationProfileSummary = z.object({
  id: z.string(),
  name: z.string(),
  orgType: OrganizationType,
  regionCode: z.string(),
  industrySection: z.string().nullable(),
  industryDivision: z.string().nullable(),
  sizeClass: SizeClass.nullable(),
  /** Whether an officer of the region has verified who acts for it (see `org-claims.ts`). */
  verificationStatus: OrgVerificationStatus,
  updatedAt: z.string(),
});
export type OrganizationProfileSummary = z.infer<typeof OrganizationProfileSummary>;

/** GET /api/organizations/{id} for anyone. The USCC is public (it is printed on the business licence). */
export const OrganizationProfileView = OrganizationProfileSummary.extend({
  uscc: z.string(),
  description: z.string().nullable(),
  employees: z.number().int().nullable(),
  createdAt: z.string(),
});
export type OrganizationProfileView = z.infer<typeof OrganizationProfileView>;

/** The owner's / admin member's / regional officer's view. */
export const OrganizationProfileDetail = OrganizationProfileView.extend({
  ownerId: z.string(),
  externalId: z.string().nullable(),
  /** The caller's role in the organization, null when the caller is not a member (officer). */
  myRole: z.enum(['owner', 'admin', 'member']).nullable(),
  memberCount: z.number().int(),
  canEdit: z.boolean(),
  /** The claim with the officer's reason when rejected. */
  verification: OrgVerification,
  /** Open join requests (owners and admins act on them), 0 for others. */
  pendingJoinRequests: z.number().int(),
});
export type OrganizationProfileDetail = z.infer<typeof OrganizationProfileDetail>;

export const OrganizationProfileResponse = z.union([OrganizationProfileDetail, OrganizationProfileView]);
export type OrganizationProfileResponse = z.infer<typeof OrganizationProfileResponse>;

/** GET /api/organizations — `industry` is a section letter or division code. */
export const OrganizationProfileListQuery = PaginationQuery.extend({
  q: QueryText.optional(),
  region: CatalogRegionCode.optional(),
  industry: industryCode.optional(),
  sizeClass: SizeClass.optional(),
  orgType: OrganizationType.optional(),
});
export type OrganizationProfileListQuery = z.infer<typeof OrganizationProfileListQuery>;

export const OrganizationProfileListResponse = paginated(OrganizationProfileSummary);
export type OrganizationProfileListResponse = z.infer<typeof OrganizationProfileListResponse>;
