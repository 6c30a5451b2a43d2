/**
 * Presenters for real-name records. The ID number only ever leaves as its mask; the full name is
 * masked for the person themself (they know it) and shown to the reviewing officer, who needs it.
 * @module
 */
import type { Identity, IdentityDecisionResponse, IdentityReviewItem } from '@tianfu/contracts';
import { maskName } from '@tianfu/contracts';
import type { IdentityRow } from './identity.repository.ts';

/** The person's own view. */
export function presentOwnIdentity(row: IdentityRow | undefined): Identity {
  if (!row) {
    return {
      status: 'none',
      fullNameMasked: null,
      idNumberMasked: null,
      rejectReason: null,
      submittedAt: null,
      reviewedAt: null,
      reviewedBy: null,
    };
  }
  return {
    status: row.status,
    fullNameMasked: maskName(row.fullName),
    idNumberMasked: row.idNumberMasked,
    rejectReason: row.status === 'rejected' ? row.reason : null,
    submittedAt: row.updatedAt.toISOString(),
    reviewedAt: row.verifiedAt ? row.verifiedAt.toISOString() : null,
    reviewedBy: row.verifier,
  };
}

/** A reviewer's list entry. */
export function presentReviewItem(row: IdentityRow, displayName: string): IdentityReviewItem {
  return {
    userId: row.userId,
    displayName,
    fullName: row.fullName,
    idNumberMasked: row.idNumberMasked,
    regionCode: row.regionCode,
    status: row.status,
    rejectReason: row.reason,
    submittedAt: row.updatedAt.toISOString(),
  };
}

export function presentDecision(row: IdentityRow): IdentityDecisionResponse {
  return {
    userId: row.userId,
    status: row.status,
    rejectReason: row.reason,
    reviewedAt: (row.verifiedAt ?? row.updatedAt).toISOString(),
  };
}
