/**
 * Calls to the matching routes: catalog search, recommendations in both directions, feedback,
 * saved searches, notifications and the need quality check
 * (contracts in `@tianfu/contracts` catalog/search.ts, matches.ts, saved-searches.ts, notifications.ts).
 */
import type {
  MarkedRead,
  NeedAssessRequest,
  NeedAssessResponse,
  MatchFeedback,
  MatchFeedbackResult,
  MatchList,
  NeedMatchKind,
  NotificationPage,
  SavedSearchCreate,
  SavedSearchList,
  SavedSearchUpdate,
  SavedSearchView,
  SearchPage,
  SupplyMatchKind,
  SupplySubject,
  UnreadCount,
} from '@tianfu/contracts';
import { api, apiRequest, type Query } from '../../../lib/api/client';

const id = (value: string) => encodeURIComponent(value);

const SUPPLY_PATH: Record<SupplySubject, string> = {
  scientist: 'scientists',
  team: 'teams',
  capability: 'capabilities',
  result: 'results',
};

export const searchCatalog = (query: Query, signal?: AbortSignal) =>
  api.get<SearchPage>('/api/search', query, signal);

export const getNeedMatches = (needId: string, kind: NeedMatchKind, signal?: AbortSignal) =>
  api.get<MatchList>(`/api/needs/${id(needId)}/matches`, { kind, top: 20 }, signal);
export const getSupplyMatches = (
  subject: SupplySubject,
  subjectId: string,
  kind: SupplyMatchKind,
  signal?: AbortSignal,
) => api.get<MatchList>(`/api/${SUPPLY_PATH[subject]}/${id(subjectId)}/matches`, { kind, top: 20 }, signal);
export const sendMatchFeedback = (body: MatchFeedback) =>
  api.post<MatchFeedbackResult>('/api/matches/feedback', body);

export const listSavedSearches = (signal?: AbortSignal) =>
  api.get<SavedSearchList>('/api/saved-searches', undefined, signal);
export const createSavedSearch = (body: SavedSearchCreate) =>
  api.post<SavedSearchView>('/api/saved-searches', body);
export const updateSavedSearch = (searchId: string, body: SavedSearchUpdate) =>
  api.patch<SavedSearchView>(`/api/saved-searches/${id(searchId)}`, body);
export const deleteSavedSearch = (searchId: string) => api.delete(`/api/saved-searches/${id(searchId)}`);

export const listNotifications = (query: Query, signal?: AbortSignal) =>
  api.get<NotificationPage>('/api/notifications', query, signal);
export const getUnreadCount = (signal?: AbortSignal) =>
  api.get<UnreadCount>('/api/notifications/unread-count', undefined, signal);
export const markNotificationRead = (notificationId: string) =>
  api.post(`/api/notifications/${id(notificationId)}/read`, {});
export const markAllNotificationsRead = () => api.post<MarkedRead>('/api/notifications/read-all', {});

/** The need quality check on the server: the same report plus the draft's terms that match nothing. */
export const assessNeedDraft = (body: NeedAssessRequest, signal?: AbortSignal) =>
  apiRequest<NeedAssessResponse>('POST', '/api/needs/assess', { body, signal });
