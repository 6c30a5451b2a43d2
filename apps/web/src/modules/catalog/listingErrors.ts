import { ApiError } from '../../lib/api/client';

/**
 * Listing answers the pages treat specially rather than as a plain error toast:
 * - `conflict`: 409 `listing.version_conflict` — someone else saved (or the author edited the
 *   listing under review) since this page loaded it; or 409 `review.not_submitted` — another
 *   reviewer decided it meanwhile. The user must reload before trying again.
 * - `own`: 403 `review.own_listing` — an officer may not approve or reject a listing they own.
 */
export type ListingProblem = 'conflict' | 'own';

export function listingProblem(err: unknown): ListingProblem | null {
  if (!(err instanceof ApiError)) return null;
  if (err.status === 409 && (err.code === 'listing.version_conflict' || err.code === 'review.not_submitted'))
    return 'conflict';
  if (err.status === 403 && err.code === 'review.own_listing') return 'own';
  return null;
}
