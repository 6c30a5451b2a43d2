/**
 * Sign-up, sign-in, sessions, CSRF and two-factor contracts.
 *
 * CSRF (double-submit cookie): every state-changing request (POST/PUT/PATCH/DELETE under /api)
 * must carry header `x-csrf-token` equal to the readable cookie `tianfu_csrf`. The cookie is set
 * by `GET /api/auth/csrf` (which also returns the token in its body) and by any other GET under /api
 * when missing. The session itself lives in the HttpOnly cookie `tianfu_session`.
 * @module
 */
import { z } from 'zod';
import { normalizeMobile } from './validation/phone.ts';

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = 'tianfu_session';
/** Name of the readable CSRF cookie (double-submit). */
export const CSRF_COOKIE = 'tianfu_csrf';
/** Header that must echo the CSRF cookie on state-changing requests. */
export const CSRF_HEADER = 'x-csrf-token';

/** Mainland mobile number; accepts +86/spaces/dashes and outputs the 11-digit national form. */
export const Mobile = z
  .string()
  .trim()
  .max(20)
  .transform((v, ctx) => {
    const n = normalizeMobile(v);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'validation.mobile' });
      return z.NEVER;
    }
    return n;
  });

/** A 6-digit SMS one-time code. */
export const SmsCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'validation.sms_code');
/** A 6-digit TOTP code. */
export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'validation.totp_code');
/** Password as typed; strength rules are applied server-side by the configured policy (asvs | mlps). */
export const Password = z.string().min(1).max(128);

/** Why an SMS code is requested. `change_phone` codes go to the new number of a signed-in user. */
export const OtpPurpose = z.enum(['register', 'login', 'verify_phone', 'reset_password', 'change_phone']);
export type OtpPurpose = z.infer<typeof OtpPurpose>;

/** Account kinds a person may register as (one person may later hold several). */
export const AccountKind = z.enum(['scientist', 'team', 'organization', 'citizen']);
export type AccountKind = z.infer<typeof AccountKind>;

/** Staff roles granted by administrators. */
export const StaffRole = z.enum(['officer', 'editor', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

/** A staff role grant; officers carry the region (province, city or county code) they act in. */
export const RoleGrant = z.object({
  role: StaffRole,
  // Canonical significant digits (51 / 5101 / 510104) as stored by role grants; padded forms accepted.
  regionCode: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}$/)
    .nullable(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

/** POST /api/auth/otp */
export const OtpRequest = z.object({ phone: Mobile, purpose: OtpPurpose });
export type OtpRequest = z.infer<typeof OtpRequest>;
/** Response of POST /api/auth/otp. `retryAfterSeconds` tells when the next code may be requested. */
export const OtpResponse = z.object({
  sent: z.literal(true),
  phoneMasked: z.string(),
  expiresInSeconds: z.number().int(),
  retryAfterSeconds: z.number().int(),
});
export type OtpResponse = z.infer<typeof OtpResponse>;

/** POST /api/auth/register — phone proven by an SMS code of purpose `register`; signs the user in. */
export const RegisterRequest = z.object({
  phone: Mobile,
  code: SmsCode,
  password: Password,
  kind: AccountKind,
  displayName: z.string().trim().min(1).max(60),
  email: z.email().max(200).optional(),
  /** The user accepted the terms and privacy policy of the versions in `POLICY_VERSIONS`. */
  acceptTerms: z.literal(true),
});
export type RegisterRequest = z.infer<typeof RegisterRequest>;

/** POST /api/auth/login — with a password or with an SMS code of purpose `login`. */
export const LoginRequest = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password'), phone: Mobile, password: Password }),
  z.object({ method: z.literal('sms'), phone: Mobile, code: SmsCode }),
]);
export type LoginRequest = z.infer<typeof LoginRequest>;

/** POST /api/auth/login/totp — second step when the account has TOTP enabled. */
export const LoginTotpRequest = z.object({ code: TotpCode });
export type LoginTotpRequest = z.infer<typeof LoginTotpRequest>;

/** POST /api/auth/password/reset — forgotten password, proven by an SMS code of purpose `reset_password`. */
export const PasswordResetRequest = z.object({
  phone: Mobile,
  code: SmsCode,
  newPassword: Password,
});
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** Real-name verification status as shown to the person themself. */
export const RealNameStatus = z.enum(['none', 'pending', 'verified', 'rejected']);
export type RealNameStatus = z.infer<typeof RealNameStatus>;

/** The signed-in user as the web app needs it. Phone is always masked. */
export const MeUser = z.object({
  id: z.string(),
  displayName: z.string(),
  phoneMasked: z.string(),
  /** False for accounts created without an SMS check (e.g. by an administrator): verify with a `verify_phone` code. */
  phoneVerified: z.boolean(),
  email: z.string().nullable(),
  regionCode: z.string().nullable(),
  kinds: z.array(AccountKind),
  roles: z.array(RoleGrant),
  realNameStatus: RealNameStatus,
  createdAt: z.string(),
});
export type MeUser = z.infer<typeof MeUser>;

/** Two-factor state: `required` for officers and admins; staff functions are refused until `enabled`. */
export const TwoFactorState = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  /** true when `required && !enabled`: the web app must send the user to TOTP enrollment. */
  mustEnroll: z.boolean(),
});
export type TwoFactorState = z.infer<typeof TwoFactorState>;

/** GET /api/auth/me (also returned by register, login and login/totp). `user` is null when signed out. */
export const MeResponse = z.object({
  user: MeUser.nullable(),
  twoFactor: TwoFactorState.nullable(),
  /** Password policy `mlps`: the password is older than the rotation period and must be changed. */
  passwordChangeRequired: z.boolean(),
});
export type MeResponse = z.infer<typeof MeResponse>;

/**
 * Response of POST /api/auth/login: either signed in, or password accepted and a TOTP code is
 * still needed (the session cookie then holds a pending-2FA session valid for 5 minutes).
 */
export const LoginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), me: MeResponse }),
  z.object({ status: z.literal('totp_required') }),
]);
export type LoginResponse = z.infer<typeof LoginResponse>;

/** GET /api/auth/csrf */
export const CsrfResponse = z.object({ token: z.string() });
export type CsrfResponse = z.infer<typeof CsrfResponse>;

/** One session of the signed-in user (GET /api/account/sessions). */
export const Session = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ipMasked: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;
export const SessionListResponse = z.object({ items: z.array(Session) });
export type SessionListResponse = z.infer<typeof SessionListResponse>;
/** Params of DELETE /api/account/sessions/:id */
export const SessionIdParams = z.object({ id: z.string().min(1).max(64) });

/** POST /api/account/totp/enroll → secret + otpauth URL (render as QR code); confirm to enable. */
export const TotpEnrollResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type TotpEnrollResponse = z.infer<typeof TotpEnrollResponse>;
/** POST /api/account/totp/confirm */
export const TotpConfirmRequest = z.object({ code: TotpCode });
/** POST /api/account/totp/disable — needs the password and a current code. */
export const TotpDisableRequest = z.object({ password: Password, code: TotpCode });
export const TotpStatusResponse = z.object({ enabled: z.boolean() });
export type TotpStatusResponse = z.infer<typeof TotpStatusResponse>;

/** POST /api/account/password */
export const ChangePasswordRequest = z.object({
  currentPassword: Password,
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** POST /api/account/phone/verify — code of purpose `verify_phone` sent to my current number. */
export const VerifyPhoneRequest = z.object({ code: SmsCode });
export type VerifyPhoneRequest = z.infer<typeof VerifyPhoneRequest>;

/** POST /api/account/phone — code of purpose `change_phone` sent to the new number. */
export const ChangePhoneRequest = z.object({ newPhone: Mobile, code: SmsCode });
export type ChangePhoneRequest = z.infer<typeof ChangePhoneRequest>;
