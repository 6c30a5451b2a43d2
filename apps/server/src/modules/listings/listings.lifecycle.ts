/**
 * The life cycle of a capability, result or need as a pure state machine:
 *
 *   draft ──submit──▶ submitted ──approve──▶ published ──close──▶ closed
 *     ▲                 │   (auto mode: approve at once)  └─expire─▶ expired ──submit──▶ …
 *     └── edit ◀── rejected ◀──reject──┘
 *
 * Services ask {@link transition} before writing; an impossible step is a 409 with both states.
 * @module
 */
import type { ListingStatus, PublishMode } from '@tianfu/contracts';
import { AppError } from '../../errors/app-error.ts';

/** What can happen to a listing. */
export type ListingAction = 'submit' | 'approve' | 'reject' | 'close' | 'expire' | 'edit';

const FROM: Record<ListingAction, readonly ListingStatus[]> = {
  // A rejected listing is edited and submitted again; an expired one can be renewed.
  submit: ['draft', 'rejected', 'expired'],
  approve: ['submitted'],
  reject: ['submitted'],
  close: ['draft', 'submitted', 'published', 'rejected'],
  expire: ['published'],
  edit: ['draft', 'submitted', 'published', 'rejected', 'expired'],
};

const TO: Record<Exclude<ListingAction, 'edit'>, ListingStatus> = {
  submit: 'submitted',
  approve: 'published',
  reject: 'rejected',
  close: 'closed',
  expire: 'expired',
};

/** True when `action` is possible from `status`. */
export function canTransition(status: ListingStatus, action: ListingAction): boolean {
  return FROM[action].includes(status);
}

/**
 * The status after `action`, or a 409 `listing.invalid_transition` naming both.
 * @example transition('draft', 'submit') // 'submitted'
 */
export function transition(status: ListingStatus, action: Exclude<ListingAction, 'edit'>): ListingStatus {
  if (!canTransition(status, action))
    throw new AppError('listing.invalid_transition', 409, { params: { from: status, action } });
  return TO[action];
}

/**
 * The steps a submit takes in a region: `[submitted]` under review, `[submitted, published]`
 * when the region publishes automatically (both are logged as status events).
 */
export function submitSteps(status: ListingStatus, mode: PublishMode): ListingStatus[] {
  const submitted = transition(status, 'submit');
  return mode === 'auto' ? [submitted, transition(submitted, 'approve')] : [submitted];
}

/**
 * The status after an edit: unchanged, except that a published listing in a review region goes
 * back to the officers (an edit must not bypass review).
 */
export function statusAfterEdit(status: ListingStatus, mode: PublishMode): ListingStatus {
  if (!canTransition(status, 'edit')) throw new AppError('listing.not_editable', 409, { params: { status } });
  return status === 'published' && mode === 'review' ? 'submitted' : status;
}

/** Statuses whose content is public or about to be: edits are checked for sensitive words. */
export function isPublicFacing(status: ListingStatus): boolean {
  return status === 'submitted' || status === 'published';
}
