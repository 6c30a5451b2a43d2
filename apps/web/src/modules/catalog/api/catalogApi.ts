/**
 * Calls to the catalog-core routes: scientist profiles, teams and enterprise profiles
 * (contracts in `@tianfu/contracts` catalog/scientists.ts, teams.ts, organizations.ts).
 */
import type {
  OrgClaimDecision,
  OrgClaimQueueResponse,
  OrgJoinRequest,
  OrgJoinRequestDecision,
  OrgJoinRequestList,
  OrgVerification,
  OrganizationListResponse,
  OrganizationProfileCreate,
  OrganizationProfileListResponse,
  OrganizationProfilePatch,
  OrganizationProfileResponse,
  ScientistCreate,
  ScientistDetail,
  ScientistListResponse,
  ScientistPatch,
  ScientistResponse,
  TeamListResponse,
  TeamProfileListResponse,
  TeamProfilePatch,
  TeamProfileResponse,
} from '@tianfu/contracts';
import { api, type Query } from '../../../lib/api/client';

const id = (value: string) => encodeURIComponent(value);

export const listScientists = (query: Query, signal?: AbortSignal) =>
  api.get<ScientistListResponse>('/api/scientists', query, signal);
export const getScientist = (scientistId: string, signal?: AbortSignal) =>
  api.get<ScientistResponse>(`/api/scientists/${id(scientistId)}`, undefined, signal);
/** The caller's own profile; a 404 means "not created yet". */
export const getMyScientist = (signal?: AbortSignal) =>
  api.get<ScientistDetail>('/api/scientists/me', undefined, signal);
export const createScientist = (body: ScientistCreate) => api.post<ScientistDetail>('/api/scientists', body);
export const updateMyScientist = (body: ScientistPatch) =>
  api.patch<ScientistDetail>('/api/scientists/me', body);

export const listTeams = (query: Query, signal?: AbortSignal) =>
  api.get<TeamProfileListResponse>('/api/teams', query, signal);
export const getTeam = (teamId: string, signal?: AbortSignal) =>
  api.get<TeamProfileResponse>(`/api/teams/${id(teamId)}`, undefined, signal);
export const updateTeam = (teamId: string, body: TeamProfilePatch) =>
  api.patch<TeamProfileResponse>(`/api/teams/${id(teamId)}`, body);

export const listOrganizations = (query: Query, signal?: AbortSignal) =>
  api.get<OrganizationProfileListResponse>('/api/organizations', query, signal);
export const getOrganization = (orgId: string, signal?: AbortSignal) =>
  api.get<OrganizationProfileResponse>(`/api/organizations/${id(orgId)}`, undefined, signal);
export const createOrganization = (body: OrganizationProfileCreate) =>
  api.post<OrganizationProfileResponse>('/api/organizations', body);
export const updateOrganization = (orgId: string, body: OrganizationProfilePatch) =>
  api.patch<OrganizationProfileResponse>(`/api/organizations/${id(orgId)}`, body);

/** The caller's organizations and teams (membership lives under `/api/account`). */
export const listMyOrganizations = (signal?: AbortSignal) =>
  api.get<OrganizationListResponse>('/api/account/organizations', undefined, signal);
export const listMyTeams = (signal?: AbortSignal) =>
  api.get<TeamListResponse>('/api/account/teams', undefined, signal);

/** Organization claims: the owner submits (again), officers of the region decide. */
export const submitOrgClaim = (orgId: string) =>
  api.post<OrgVerification>(`/api/organizations/${id(orgId)}/claim`);
export const getOrgClaimQueue = (query: Query, signal?: AbortSignal) =>
  api.get<OrgClaimQueueResponse>('/api/org-claims', query, signal);
export const decideOrgClaim = (orgId: string, body: OrgClaimDecision) =>
  api.post<OrgVerification>(`/api/org-claims/${id(orgId)}`, body);

/** Join requests: someone who found the USCC claimed asks; the owner or admins answer. */
/** Claims an organization that is on the platform but that nobody acts for (an officer imported it). */
export const claimUnownedOrg = (uscc: string) => api.post<OrgVerification>('/api/org-claims', { uscc });
export const requestToJoin = (uscc: string, message?: string) =>
  api.post<OrgJoinRequest>('/api/org-join-requests', { uscc, ...(message ? { message } : {}) });
export const listOrgJoinRequests = (orgId: string, signal?: AbortSignal) =>
  api.get<OrgJoinRequestList>(`/api/organizations/${id(orgId)}/join-requests`, undefined, signal);
export const decideJoinRequest = (requestId: string, decision: OrgJoinRequestDecision['decision']) =>
  api.post<OrgJoinRequest>(`/api/org-join-requests/${id(requestId)}`, { decision });
