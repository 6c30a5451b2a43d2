/**
 * Calls to the listing routes: capabilities, results and needs (create a draft, edit = new version,
 * submit, close), the NDA, "my listings", officer review and the per-region publish mode
 * (contracts in `@tianfu/contracts` catalog/capabilities.ts, results.ts, needs.ts, review.ts).
 */
import type {
  CapabilityCreate,
  CapabilityDetail,
  CapabilityListResponse,
  CapabilityPatch,
  CapabilityResponse,
  ListingHistory,
  ListingStatusResponse,
  ListingType,
  MyListingsResponse,
  NdaAcceptance,
  NeedCreate,
  NeedDetail,
  NeedListResponse,
  NeedPatch,
  NeedResponse,
  RegionSetting,
  ResearchResultCreate,
  ResearchResultDetail,
  ResearchResultListResponse,
  ResearchResultPatch,
  ResearchResultResponse,
  ReviewDecision,
  ReviewQueueResponse,
} from '@tianfu/contracts';
import { NDA_AGREEMENT_VERSION } from '@tianfu/contracts';
import { api, type Query } from '../../../lib/api/client';

const id = (value: string) => encodeURIComponent(value);

/** Route segment of a listing type (`capability` → `capabilities`). */
export const LISTING_PATH: Record<ListingType, string> = {
  capability: 'capabilities',
  result: 'results',
  need: 'needs',
};

export const listCapabilities = (query: Query, signal?: AbortSignal) =>
  api.get<CapabilityListResponse>('/api/capabilities', query, signal);
export const getCapability = (capId: string, signal?: AbortSignal) =>
  api.get<CapabilityResponse>(`/api/capabilities/${id(capId)}`, undefined, signal);
export const createCapability = (body: CapabilityCreate) =>
  api.post<CapabilityDetail>('/api/capabilities', body);
export const updateCapability = (capId: string, body: CapabilityPatch) =>
  api.patch<CapabilityDetail>(`/api/capabilities/${id(capId)}`, body);

export const listResults = (query: Query, signal?: AbortSignal) =>
  api.get<ResearchResultListResponse>('/api/results', query, signal);
export const getResult = (resultId: string, signal?: AbortSignal) =>
  api.get<ResearchResultResponse>(`/api/results/${id(resultId)}`, undefined, signal);
export const createResult = (body: ResearchResultCreate) =>
  api.post<ResearchResultDetail>('/api/results', body);
export const updateResult = (resultId: string, body: ResearchResultPatch) =>
  api.patch<ResearchResultDetail>(`/api/results/${id(resultId)}`, body);

export const listNeeds = (query: Query, signal?: AbortSignal) =>
  api.get<NeedListResponse>('/api/needs', query, signal);
export const getNeed = (needId: string, signal?: AbortSignal) =>
  api.get<NeedResponse>(`/api/needs/${id(needId)}`, undefined, signal);
export const createNeed = (body: NeedCreate) => api.post<NeedDetail>('/api/needs', body);
export const updateNeed = (needId: string, body: NeedPatch) =>
  api.patch<NeedDetail>(`/api/needs/${id(needId)}`, body);
/** Accepts the non-disclosure agreement of the current version for this need. */
export const acceptNda = (needId: string) =>
  api.post<NdaAcceptance>(`/api/needs/${id(needId)}/nda`, { agreementVersion: NDA_AGREEMENT_VERSION });

export const submitListing = (type: ListingType, listingId: string) =>
  api.post<ListingStatusResponse>(`/api/${LISTING_PATH[type]}/${id(listingId)}/submit`, {});
export const closeListing = (type: ListingType, listingId: string, reason?: string) =>
  api.post<ListingStatusResponse>(
    `/api/${LISTING_PATH[type]}/${id(listingId)}/close`,
    reason ? { reason } : {},
  );

export const listMyListings = (query: Query, signal?: AbortSignal) =>
  api.get<MyListingsResponse>('/api/mine/listings', query, signal);

export const getReviewQueue = (query: Query, signal?: AbortSignal) =>
  api.get<ReviewQueueResponse>('/api/review/queue', query, signal);
export const reviewListing = (type: ListingType, listingId: string, body: ReviewDecision) =>
  api.post<ListingStatusResponse>(`/api/review/${type}/${id(listingId)}`, body);

export const getRegionSetting = (code: string, signal?: AbortSignal) =>
  api.get<RegionSetting>(`/api/region-settings/${id(code)}`, undefined, signal);
export const putRegionSetting = (code: string, publishMode: RegionSetting['publishMode']) =>
  api.put<RegionSetting>(`/api/region-settings/${id(code)}`, { publishMode });

/** Versions and status events of a listing (owner, officers of the region, admins). */
export const getListingHistory = (type: ListingType, listingId: string, signal?: AbortSignal) =>
  api.get<ListingHistory>(`/api/${LISTING_PATH[type]}/${id(listingId)}/history`, undefined, signal);
