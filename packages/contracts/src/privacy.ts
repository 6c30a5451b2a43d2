/**
 * Personal-information (PIPL) contracts: consents, data export, account deletion.
 * @module
 */
import { z } from 'zod';
import { Password } from './auth.ts';

/** What a consent is for. `real_name` is the separate consent required before real-name data is collected. */
export const ConsentPurpose = z.enum([
  'terms',
  'privacy_policy',
  'real_name',
  'sms_notifications',
  'personalized_push',
  'proxy_entry',
]);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

/** Current versions of the texts a user consents to; bump when a text changes. */
export const POLICY_VERSIONS: Record<ConsentPurpose, string> = {
  terms: '2026-01',
  privacy_policy: '2026-01',
  real_name: '2026-01',
  sms_notifications: '2026-01',
  personalized_push: '2026-01',
  proxy_entry: '2026-01',
};

export const Consent = z.object({
  id: z.string(),
  purpose: ConsentPurpose,
  version: z.string(),
  grantedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type Consent = z.infer<typeof Consent>;
/** GET /api/account/consents — newest first, withdrawn ones included. */
export const ConsentListResponse = z.object({ items: z.array(Consent) });
export type ConsentListResponse = z.infer<typeof ConsentListResponse>;
/** POST /api/account/consents */
export const ConsentGrant = z.object({
  purpose: ConsentPurpose,
  version: z.string().trim().min(1).max(20),
});
export type ConsentGrant = z.infer<typeof ConsentGrant>;
/** POST /api/account/consents/:id/withdraw returns the updated consent. */
export const ConsentIdParams = z.object({ id: z.string().min(1).max(64) });

/**
 * GET /api/account/export — everything the platform holds about the caller, as JSON
 * (served with Content-Disposition: attachment). Sections are open records so later
 * features can add theirs without breaking the contract.
 */
export const DataExport = z.object({
  exportedAt: z.string(),
  profile: z.record(z.string(), z.unknown()),
  roles: z.array(z.record(z.string(), z.unknown())),
  organizations: z.array(z.record(z.string(), z.unknown())),
  teams: z.array(z.record(z.string(), z.unknown())),
  sessions: z.array(z.record(z.string(), z.unknown())),
  consents: z.array(z.record(z.string(), z.unknown())),
  identity: z.record(z.string(), z.unknown()).nullable(),
  auditAboutMe: z.array(z.record(z.string(), z.unknown())),
  smsToMe: z.array(z.record(z.string(), z.unknown())),
  /** Sections added by other features (needs, results, points…), keyed by feature. */
  more: z.record(z.string(), z.unknown()),
});
export type DataExport = z.infer<typeof DataExport>;

/** DELETE /api/account — re-authentication with the password; irreversible. */
export const AccountDelete = z.object({ password: Password });
export type AccountDelete = z.infer<typeof AccountDelete>;
export const AccountDeleteResponse = z.object({ deleted: z.literal(true) });
