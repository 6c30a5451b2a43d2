import { describe, expect, it } from 'vitest';
import { LISTING_STATUSES } from '@tianfu/contracts';
import { isAppError } from '../../errors/app-error.ts';
import { canTransition, statusAfterEdit, submitSteps, transition } from './listings.lifecycle.ts';

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('listing life cycle', () => {
  it('walks draft → submitted → published → closed', () => {
    expect(transition('draft', 'submit')).toBe('submitted');
    expect(transition('submitted', 'approve')).toBe('published');
    expect(transition('published', 'close')).toBe('closed');
  });

  it('sends a rejected listing back through submit', () => {
    expect(transition('submitted', 'reject')).toBe('rejected');
    expect(transition('rejected', 'submit')).toBe('submitted');
  });

  it('expires only published listings, and renews expired ones by submitting', () => {
    expect(transition('published', 'expire')).toBe('expired');
    for (const s of LISTING_STATUSES.filter((x) => x !== 'published'))
      expect(canTransition(s, 'expire')).toBe(false);
    expect(transition('expired', 'submit')).toBe('submitted');
  });

  it('refuses impossible steps with a 409 naming the state and action', () => {
    const err = errorOf(() => transition('published', 'submit'));
    expect(isAppError(err) && err.status).toBe(409);
    expect(isAppError(err) && err.params).toEqual({ from: 'published', action: 'submit' });
    expect(canTransition('closed', 'submit')).toBe(false);
    expect(canTransition('draft', 'approve')).toBe(false);
    expect(canTransition('closed', 'close')).toBe(false);
  });

  it('publishes at once in auto regions and waits for an officer in review regions', () => {
    expect(submitSteps('draft', 'auto')).toEqual(['submitted', 'published']);
    expect(submitSteps('draft', 'review')).toEqual(['submitted']);
  });

  it('puts an edited published listing back under review in review regions only', () => {
    expect(statusAfterEdit('published', 'review')).toBe('submitted');
    expect(statusAfterEdit('published', 'auto')).toBe('published');
    expect(statusAfterEdit('rejected', 'review')).toBe('rejected');
    const err = errorOf(() => statusAfterEdit('closed', 'auto'));
    expect(isAppError(err) && err.code).toBe('listing.not_editable');
  });
});
