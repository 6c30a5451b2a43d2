/** Calls to `/api/auth/*` (contracts in `@tianfu/contracts` auth.ts). */
import type {
  LoginRequest,
  LoginResponse,
  MeResponse,
  OtpPurpose,
  OtpResponse,
  RegisterRequest,
} from '@tianfu/contracts';
import { api, resetCsrfToken } from '../../../lib/api/client';

/** The signed-in user (or `user: null`). */
export function fetchMe(signal?: AbortSignal): Promise<MeResponse> {
  return api.get<MeResponse>('/api/auth/me', undefined, signal);
}

/** Sends an SMS one-time code to `phone` for `purpose`. */
export function requestOtp(phone: string, purpose: OtpPurpose): Promise<OtpResponse> {
  return api.post<OtpResponse>('/api/auth/otp', { phone, purpose });
}

/** Creates the account and signs in. */
export async function register(body: RegisterRequest): Promise<MeResponse> {
  const me = await api.post<MeResponse>('/api/auth/register', body);
  resetCsrfToken();
  return me;
}

/** Signs in with a password or an SMS code; may ask for a TOTP code next. */
export async function login(body: LoginRequest): Promise<LoginResponse> {
  const res = await api.post<LoginResponse>('/api/auth/login', body);
  resetCsrfToken();
  return res;
}

/** Second sign-in step for accounts with two-factor on. */
export async function loginTotp(code: string): Promise<MeResponse> {
  const me = await api.post<MeResponse>('/api/auth/login/totp', { code });
  resetCsrfToken();
  return me;
}

/** Ends this session. */
export async function logout(): Promise<void> {
  await api.post('/api/auth/logout');
  resetCsrfToken();
}

/** Sets a new password with an SMS code sent for `reset_password`. */
export function resetPassword(phone: string, code: string, newPassword: string): Promise<unknown> {
  return api.post('/api/auth/password/reset', { phone, code, newPassword });
}
