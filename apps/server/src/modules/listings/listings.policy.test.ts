import { describe, expect, it } from 'vitest';
import { buildAdmin, buildEditor, buildOfficer, buildScientist } from '../../../test/helpers/actors.ts';
import {
  canClose,
  canCreate,
  canEdit,
  canManageRegionSetting,
  canReadReviewQueue,
  canReview,
  canSeeNeedDetails,
  canSeePrivate,
  canSeeUnpublished,
  type ListingFacts,
} from './listings.policy.ts';

const listing = (o: Partial<ListingFacts> = {}): ListingFacts => ({
  type: 'need',
  id: '00000000-0000-4000-8000-0000000000aa',
  status: 'submitted',
  regionCode: '510104',
  owner: false,
  ...o,
});

const author = buildScientist();
const stranger = buildScientist();
const chengdu = buildOfficer('5101');
const jinjiang = buildOfficer('510104');
const mianyang = buildOfficer('5107');
const admin = buildAdmin();
const editor = buildEditor();

describe('listings policy', () => {
  it('lets only owners edit and submit, naming the listing and region on denials', () => {
    expect(canEdit(author, listing({ owner: true }), 'update').allow).toBe(true);
    const denied = canEdit(chengdu, listing(), 'submit');
    expect(denied).toMatchObject({
      allow: false,
      action: 'need.submit',
      target: { type: 'need', id: listing().id },
      regionCode: '510104',
      reason: 'listing.not_owner',
    });
    expect(canEdit(admin, listing(), 'update').allow).toBe(false);
  });

  it.each([
    ['owner', author, true, false],
    ['officer of the city', chengdu, false, true],
    ['officer of the county', jinjiang, false, true],
    ['officer of another city', mianyang, false, false],
    ['admin', admin, false, true],
    ['editor', editor, false, false],
    ['stranger', stranger, false, false],
  ] as const)('%s: review and take down', (_name, actor, owner, staff) => {
    const l = listing({ owner });
    expect(canReview(actor, l).allow).toBe(staff);
    expect(canClose(actor, l).allow).toBe(owner || staff);
    expect(canSeeUnpublished(actor, l)).toBe(owner || staff);
    expect(canSeePrivate(actor, l)).toBe(owner || staff);
  });

  it('tells an officer of another region why review was refused', () => {
    expect(canReview(mianyang, listing()).reason).toBe('error.forbidden_region');
    expect(canReview(stranger, listing()).reason).toBe('error.forbidden');
  });

  it('never lets staff review a listing they own', () => {
    expect(canReview(chengdu, listing({ owner: true }))).toMatchObject({
      allow: false,
      reason: 'review.own_listing',
    });
    expect(canReview(admin, listing({ owner: true })).allow).toBe(false);
  });

  it('opens confidential details to owners, regional staff and NDA signers only', () => {
    const secret = { ...listing({ status: 'published' }), confidential: true };
    expect(canSeeNeedDetails(null, secret, false)).toBe(false);
    expect(canSeeNeedDetails(stranger, secret, false)).toBe(false);
    expect(canSeeNeedDetails(stranger, secret, true)).toBe(true);
    expect(canSeeNeedDetails(mianyang, secret, false)).toBe(false);
    expect(canSeeNeedDetails(chengdu, secret, false)).toBe(true);
    expect(canSeeNeedDetails(null, { ...secret, confidential: false }, false)).toBe(true);
  });

  it('decides creation from ownership facts', () => {
    expect(
      canCreate(author, 'capability', { ownerType: 'scientist', self: true, regionCode: '510104' }).allow,
    ).toBe(true);
    expect(
      canCreate(chengdu, 'capability', { ownerType: 'scientist', self: false, regionCode: '510104' }).allow,
    ).toBe(true);
    expect(
      canCreate(mianyang, 'capability', { ownerType: 'scientist', self: false, regionCode: '510104' }).allow,
    ).toBe(false);
    expect(canCreate(author, 'result', { ownerType: 'team', lead: false, regionCode: null }).allow).toBe(
      false,
    );
    expect(
      canCreate(author, 'result', { ownerType: 'organization', role: 'member', regionCode: '5101' }).allow,
    ).toBe(true);
    expect(
      canCreate(author, 'need', { ownerType: 'organization', role: 'member', regionCode: '5101' }).allow,
    ).toBe(false);
    expect(
      canCreate(author, 'need', { ownerType: 'organization', role: 'admin', regionCode: '5101' }).allow,
    ).toBe(true);
    expect(canCreate(author, 'need', { ownerType: 'person' }).allow).toBe(true);
  });

  it('scopes the queue and region settings to staff and their regions', () => {
    expect(canReadReviewQueue(chengdu).allow).toBe(true);
    expect(canReadReviewQueue(admin).allow).toBe(true);
    expect(canReadReviewQueue(editor).allow).toBe(false);
    expect(canManageRegionSetting(chengdu, '510104', true).allow).toBe(true);
    expect(canManageRegionSetting(chengdu, '51', true).allow).toBe(false);
    expect(canManageRegionSetting(jinjiang, '5101', false).allow).toBe(false);
    expect(canManageRegionSetting(admin, '51', true).allow).toBe(true);
    expect(canManageRegionSetting(stranger, '5101', false)).toMatchObject({
      allow: false,
      reason: 'error.forbidden',
    });
  });
});
