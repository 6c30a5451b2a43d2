/** Calls to the administration API (contracts: accounts.ts admin users, audit.ts, sms.ts). */
import type { AdminUserListResponse, AuditPage, SetRolesRequest, SmsOutboxPage } from '@tianfu/contracts';
import { api, type Query } from '../../../lib/api/client';

export const listUsers = (query: Query, signal?: AbortSignal) =>
  api.get<AdminUserListResponse>('/api/admin/users', query, signal);
export const setUserRoles = (userId: string, body: SetRolesRequest) =>
  api.put(`/api/admin/users/${encodeURIComponent(userId)}/roles`, body);
export const searchAudit = (query: Query, signal?: AbortSignal) => api.get<AuditPage>('/api/audit', query, signal);
export const listSmsOutbox = (query: Query, signal?: AbortSignal) =>
  api.get<SmsOutboxPage>('/api/admin/sms-outbox', query, signal);
