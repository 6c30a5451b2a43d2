/** Calls to the administration API (contracts: admin.ts, audit.ts, sms.ts). */
import type {
  AdminRoleGrantRequest,
  AdminUserDetail,
  AdminUserPage,
  AuditPage,
  SmsOutboxPage,
} from '@tianfu/contracts';
import { api, type Query } from '../../../lib/api/client';

const userPath = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export const listUsers = (query: Query, signal?: AbortSignal) =>
  api.get<AdminUserPage>('/api/admin/users', query, signal);
export const getUser = (id: string, signal?: AbortSignal) =>
  api.get<AdminUserDetail>(userPath(id), undefined, signal);
export const grantRole = (id: string, body: AdminRoleGrantRequest) =>
  api.post<AdminUserDetail>(`${userPath(id)}/roles`, body);
export const revokeRole = (id: string, roleId: string) =>
  api.delete<AdminUserDetail>(`${userPath(id)}/roles/${encodeURIComponent(roleId)}`);
export const disableUser = (id: string, reason?: string) =>
  api.post<AdminUserDetail>(`${userPath(id)}/disable`, reason ? { reason } : {});
export const enableUser = (id: string) => api.post<AdminUserDetail>(`${userPath(id)}/enable`, {});
export const searchAudit = (query: Query, signal?: AbortSignal) =>
  api.get<AuditPage>('/api/audit', query, signal);
export const listSmsOutbox = (query: Query, signal?: AbortSignal) =>
  api.get<SmsOutboxPage>('/api/admin/sms-outbox', query, signal);
