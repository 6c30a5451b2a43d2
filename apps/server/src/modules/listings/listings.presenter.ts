/**
 * Listing rows → API shapes. The presenter decides what a viewer sees: everyone gets the public
 * view; owners and officers of the region get the detail view (rejection reason, reserve price,
 * author); a confidential need's description only reaches those allowed to see it.
 * @module
 */
import type {
  CapabilityDetail,
  CapabilitySummary,
  CapabilityView,
  ListingStatusResponse,
  ListingType,
  MyListing,
  NeedDetail,
  NeedSummary,
  NeedView,
  RegionSetting,
  ResearchResultDetail,
  ResearchResultSummary,
  ResearchResultView,
  ReviewQueueItem,
} from '@tianfu/contracts';
import { NDA_AGREEMENT_VERSION } from '@tianfu/contracts';
import type { CapabilityRow, NeedRow, ResultRow } from '@tianfu/db';
import type { ListingRef } from './listing-lists.repository.ts';

/** Owner display names looked up for a set of rows (see `repo.ownerNames`). */
export interface OwnerNames {
  scientist: Map<string, string>;
  team: Map<string, string>;
  organization: Map<string, string>;
  /** Organizations whose claim an officer verified. */
  verifiedOrgs: Set<string>;
}

/** Null when no organization stands behind the row. */
const orgVerified = (orgId: string | null, names: OwnerNames): boolean | null =>
  orgId ? names.verifiedOrgs.has(orgId) : null;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const EXCERPT = 160;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);

function ownerName(
  row: { ownerType: string; scientistId: string | null; teamId: string | null; orgId: string | null },
  names: OwnerNames,
): string | null {
  if (row.ownerType === 'scientist' && row.scientistId) return names.scientist.get(row.scientistId) ?? null;
  if (row.ownerType === 'team' && row.teamId) return names.team.get(row.teamId) ?? null;
  return row.orgId ? (names.organization.get(row.orgId) ?? null) : null;
}

// --- capabilities ------------------------------------------------------------------------------

export function presentCapabilitySummary(r: CapabilityRow, names: OwnerNames): CapabilitySummary {
  return {
    id: r.id,
    ownerType: r.ownerType,
    scientistId: r.scientistId,
    teamId: r.teamId,
    orgId: r.orgId,
    ownerName: ownerName(r, names),
    orgVerified: orgVerified(r.orgId, names),
    title: r.title,
    excerpt: excerpt(r.description),
    disciplines: r.disciplines,
    industries: r.industries,
    deliveryMode: r.deliveryMode,
    priceType: r.priceType,
    price: r.price,
    durationDays: r.durationDays,
    regionCode: r.regionCode,
    status: r.status,
    publishedAt: iso(r.publishedAt),
    updatedAt: iso(r.updatedAt)!,
  };
}

export function presentCapability(
  r: CapabilityRow,
  names: OwnerNames,
  view: { private: boolean; canEdit: boolean },
): CapabilityView | CapabilityDetail {
  const base: CapabilityView = {
    ...presentCapabilitySummary(r, names),
    description: r.description,
    keywords: r.keywords,
    version: r.version,
    expiresAt: iso(r.expiresAt),
    createdAt: iso(r.createdAt)!,
  };
  if (!view.private) return base;
  return {
    ...base,
    authorId: r.authorId,
    externalId: r.externalId,
    rejectionReason: r.rejectionReason,
    canEdit: view.canEdit,
  };
}

// --- results -----------------------------------------------------------------------------------

export function presentResultSummary(r: ResultRow, names: OwnerNames): ResearchResultSummary {
  return {
    id: r.id,
    ownerType: r.ownerType,
    scientistId: r.scientistId,
    teamId: r.teamId,
    orgId: r.orgId,
    ownerName: ownerName(r, names),
    orgVerified: orgVerified(r.orgId, names),
    title: r.title,
    excerpt: excerpt(r.abstract),
    maturity: r.maturity,
    transferModes: r.transferModes as ResearchResultSummary['transferModes'],
    priceType: r.priceType,
    askingPrice: r.askingPrice,
    disciplines: r.disciplines,
    industries: r.industries,
    regionCode: r.regionCode,
    status: r.status,
    publishedAt: iso(r.publishedAt),
    updatedAt: iso(r.updatedAt)!,
  };
}

/** The reserve price appears only in the private (owner / officer) view. */
export function presentResult(
  r: ResultRow,
  names: OwnerNames,
  view: { private: boolean; canEdit: boolean },
): ResearchResultView | ResearchResultDetail {
  const base: ResearchResultView = {
    ...presentResultSummary(r, names),
    abstract: r.abstract,
    ip: r.ip.map((i) => ({ kind: i.kind, number: i.number, title: i.title ?? null })),
    keywords: r.keywords,
    version: r.version,
    expiresAt: iso(r.expiresAt),
    createdAt: iso(r.createdAt)!,
  };
  if (!view.private) return base;
  return {
    ...base,
    reservePrice: r.reservePrice,
    authorId: r.authorId,
    externalId: r.externalId,
    rejectionReason: r.rejectionReason,
    canEdit: view.canEdit,
  };
}

// --- needs -------------------------------------------------------------------------------------

export function presentNeedSummary(r: NeedRow, names: OwnerNames): NeedSummary {
  return {
    id: r.id,
    kind: r.kind,
    orgId: r.orgId,
    orgName: r.orgId ? (names.organization.get(r.orgId) ?? null) : null,
    orgVerified: orgVerified(r.orgId, names),
    title: r.title,
    summary: r.summary,
    confidential: r.confidential,
    disciplines: r.disciplines,
    industries: r.industries,
    budgetMin: r.budgetMin,
    budgetMax: r.budgetMax,
    deadline: r.deadline,
    regionCode: r.regionCode,
    status: r.status,
    qualityScore: r.qualityScore,
    publishedAt: iso(r.publishedAt),
    updatedAt: iso(r.updatedAt)!,
  };
}

/**
 * `details` is null (and `ndaRequired` true) unless the viewer may read them; the private view
 * adds the author's fields and the NDA count.
 */
export function presentNeed(
  r: NeedRow,
  names: OwnerNames,
  view: {
    private: boolean;
    canEdit: boolean;
    details: boolean;
    ndaAcceptanceCount?: number;
    /** The viewer accepted an earlier agreement version only. */
    ndaOutdated?: boolean;
  },
): NeedView | NeedDetail {
  const base: NeedView = {
    ...presentNeedSummary(r, names),
    keywords: r.keywords,
    details: view.details ? { description: r.description } : null,
    ndaRequired: !view.details,
    ndaAgreementVersion: NDA_AGREEMENT_VERSION,
    ndaReacceptRequired: !view.details && view.ndaOutdated === true,
    version: r.version,
    expiresAt: iso(r.expiresAt),
    createdAt: iso(r.createdAt)!,
  };
  if (!view.private) return base;
  return {
    ...base,
    authorId: r.authorId,
    externalId: r.externalId,
    rejectionReason: r.rejectionReason,
    ndaAcceptanceCount: view.ndaAcceptanceCount ?? 0,
    canEdit: view.canEdit,
  };
}

// --- life cycle, mine, review, settings --------------------------------------------------------

export function presentStatus(
  type: ListingType,
  r: { id: string; status: ListingStatusResponse['status']; rejectionReason: string | null; version: number },
): ListingStatusResponse {
  return { type, id: r.id, status: r.status, rejectionReason: r.rejectionReason, version: r.version };
}

export function presentMine(r: ListingRef): MyListing {
  return {
    type: r.type,
    id: r.id,
    title: r.title,
    status: r.status,
    rejectionReason: r.rejectionReason,
    version: r.version,
    regionCode: r.regionCode,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentQueueItem(r: ListingRef): ReviewQueueItem {
  return {
    type: r.type,
    id: r.id,
    title: r.title,
    regionCode: r.regionCode,
    authorId: r.authorId,
    authorName: r.authorName,
    version: r.version,
    submittedAt: (r.submittedAt ?? r.updatedAt).toISOString(),
  };
}

export function presentRegionSetting(
  regionCode: string,
  effective: {
    publishMode: RegionSetting['publishMode'];
    source: { regionCode: string; updatedBy: string | null; updatedAt: Date } | null;
  },
): RegionSetting {
  return {
    regionCode,
    publishMode: effective.publishMode,
    inherited: effective.source?.regionCode !== regionCode,
    sourceRegionCode: effective.source?.regionCode ?? null,
    updatedBy: effective.source?.updatedBy ?? null,
    updatedAt: iso(effective.source?.updatedAt),
  };
}
