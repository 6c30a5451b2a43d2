import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/client';
import { listingProblem } from './listingErrors';

describe('listingProblem', () => {
  it('recognises a version conflict and an own-listing review', () => {
    expect(listingProblem(new ApiError(409, 'listing.version_conflict', '已被他人修改'))).toBe('conflict');
    expect(listingProblem(new ApiError(409, 'review.not_submitted', '不在待审核状态'))).toBe('conflict');
    expect(listingProblem(new ApiError(403, 'review.own_listing', '不能审核自己的'))).toBe('own');
  });
  it('leaves every other error to the ordinary handling', () => {
    expect(listingProblem(new ApiError(409, 'listing.not_editable', 'closed'))).toBeNull();
    expect(listingProblem(new ApiError(403, 'error.forbidden_region', 'x'))).toBeNull();
    expect(listingProblem(new ApiError(400, 'listing.version_conflict', 'x'))).toBeNull();
    expect(listingProblem(new Error('network'))).toBeNull();
    expect(listingProblem('boom')).toBeNull();
  });
});
