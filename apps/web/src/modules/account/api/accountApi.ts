/** Calls to `/api/account/*` (contracts in `@tianfu/contracts` accounts.ts, auth.ts, identity.ts, privacy.ts). */
import type {
  Consent,
  ConsentListResponse,
  Identity,
  IdentitySubmit,
  Profile,
  ProfilePatch,
  SessionListResponse,
  TotpEnrollResponse,
} from '@tianfu/contracts';
import { api, ApiError, apiRequest } from '../../../lib/api/client';

export const getProfile = (signal?: AbortSignal) =>
  api.get<Profile>('/api/account/profile', undefined, signal);
export const updateProfile = (patch: ProfilePatch) => api.patch<Profile>('/api/account/profile', patch);

export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post('/api/account/password', { currentPassword, newPassword });
export const changePhone = (newPhone: string, code: string) =>
  api.post('/api/account/phone', { newPhone, code });

export const enrollTotp = () => api.post<TotpEnrollResponse>('/api/account/totp/enroll');
export const confirmTotp = (code: string) => api.post('/api/account/totp/confirm', { code });
export const disableTotp = (password: string, code: string) =>
  api.post('/api/account/totp/disable', { password, code });

export const listSessions = (signal?: AbortSignal) =>
  api.get<SessionListResponse>('/api/account/sessions', undefined, signal);
export const revokeSession = (id: string) => api.delete(`/api/account/sessions/${encodeURIComponent(id)}`);

export const listConsents = (signal?: AbortSignal) =>
  api.get<ConsentListResponse>('/api/account/consents', undefined, signal);
export const grantConsent = (purpose: Consent['purpose'], version: string) =>
  api.post<Consent>('/api/account/consents', { purpose, version });
export const withdrawConsent = (id: string) =>
  api.post<Consent>(`/api/account/consents/${encodeURIComponent(id)}/withdraw`);

/** The own real-name record; `null` when the server has none yet (404). */
export async function getIdentity(signal?: AbortSignal): Promise<Identity | null> {
  try {
    return await api.get<Identity>('/api/account/identity', undefined, signal);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}
export const submitIdentity = (body: IdentitySubmit) => api.post<Identity>('/api/account/identity', body);

export const deleteAccount = (password: string) =>
  apiRequest('DELETE', '/api/account', { body: { password } });

/**
 * Downloads the data export as a file. Fetched (not a plain link) so the request carries the
 * language header and an error shows as a message instead of a JSON page.
 */
export async function downloadExport(): Promise<void> {
  const data = await api.get<unknown>('/api/account/export');
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `tianfu-my-data-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
