/**
 * Organization claims and membership requests: who may act for an enterprise (its unified social
 * credit code) is checked by an officer of the organization's region.
 *
 * - `POST /api/organizations` starts a claim (`pending`); `POST /api/organizations/{id}/claim`
 *   (owner) submits one for an organization never claimed, or again after a rejection.
 * - `POST /api/org-claims` `{uscc}` — claims an organization that is on the platform but that
 *   nobody acts for yet (an officer imported it): verified, the claimant becomes its owner.
 * - `GET /api/org-claims` — the officer's queue (pending claims in their regions, oldest first);
 *   `POST /api/org-claims/{orgId}` `{decision, reason}` verifies or rejects.
 * - `POST /api/org-join-requests` `{uscc, message}` — someone who found the USCC already claimed
 *   asks to join; `GET /api/organizations/{id}/join-requests` and
 *   `POST /api/org-join-requests/{id}` `{decision}` for the organization's owner and admins;
 *   `GET /api/org-join-requests/mine` for the requester.
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from '../common.ts';
import { OrganizationType, Uscc } from '../accounts.ts';
import { CatalogId, CatalogRegionCode, PlainText } from './fields.ts';

/** `unverified` = never claimed through the platform (imported or registered before claims). */
export const OrgVerificationStatus = z.enum(['unverified', 'pending', 'verified', 'rejected']);
export type OrgVerificationStatus = z.infer<typeof OrgVerificationStatus>;

/** Where the organization's claim stands, as shown on its profile. */
export const OrgVerification = z.object({
  status: OrgVerificationStatus,
  /** The officer's reason, when rejected (members and officers only; null for everyone else). */
  reason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type OrgVerification = z.infer<typeof OrgVerification>;

/** POST /api/org-claims/{orgId} — an officer of the organization's region decides. */
export const OrgClaimDecision = z
  .object({
    decision: z.enum(['verify', 'reject']),
    reason: PlainText.trim().max(500).optional(),
  })
  .refine((v) => v.decision !== 'reject' || (v.reason !== undefined && v.reason.length >= 2), {
    message: 'validation.reason_required',
    path: ['reason'],
  });
export type OrgClaimDecision = z.infer<typeof OrgClaimDecision>;

export const OrgClaimParams = z.object({ orgId: CatalogId });
export type OrgClaimParams = z.infer<typeof OrgClaimParams>;

/** GET /api/org-claims — `status` defaults to `pending`. */
export const OrgClaimQueueQuery = PaginationQuery.extend({
  status: z.enum(['pending', 'verified', 'rejected']).default('pending'),
  region: CatalogRegionCode.optional(),
});
export type OrgClaimQueueQuery = z.infer<typeof OrgClaimQueueQuery>;

export const OrgClaimItem = z.object({
  orgId: z.string(),
  orgName: z.string(),
  uscc: z.string(),
  orgType: OrganizationType,
  regionCode: z.string(),
  status: z.enum(['pending', 'verified', 'rejected']),
  claimantName: z.string().nullable(),
  /** The claimant's phone, masked (`138****0001`): the officer calls back to check. */
  claimantPhoneMasked: z.string().nullable(),
  reason: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  /**
   * The officer is a member of this organization or the claimant: they may not decide (the server
   * refuses it).
   */
  ownOrganization: z.boolean(),
  /**
   * The claimant does not act for the organization yet (an officer imported it): verifying makes
   * them its owner.
   */
  handover: z.boolean(),
});
export type OrgClaimItem = z.infer<typeof OrgClaimItem>;
export const OrgClaimQueueResponse = paginated(OrgClaimItem);
export type OrgClaimQueueResponse = z.infer<typeof OrgClaimQueueResponse>;

/** POST /api/org-claims — claim the organization registered under this USCC that has no owner. */
export const OrgClaimCreate = z.object({ uscc: Uscc });
export type OrgClaimCreate = z.infer<typeof OrgClaimCreate>;

/** POST /api/org-join-requests — join the organization registered under this USCC. */
export const OrgJoinRequestCreate = z.object({
  uscc: Uscc,
  message: PlainText.trim().max(500).optional(),
});
export type OrgJoinRequestCreate = z.infer<typeof OrgJoinRequestCreate>;

export const OrgJoinRequestDecision = z.object({ decision: z.enum(['accept', 'decline']) });
export type OrgJoinRequestDecision = z.infer<typeof OrgJoinRequestDecision>;

export const OrgJoinRequest = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** The requester's display name (never the phone number). */
  userName: z.string(),
  status: z.enum(['pending', 'accepted', 'declined']),
  message: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type OrgJoinRequest = z.infer<typeof OrgJoinRequest>;
export const OrgJoinRequestList = z.object({ items: z.array(OrgJoinRequest) });
export type OrgJoinRequestList = z.infer<typeof OrgJoinRequestList>;
