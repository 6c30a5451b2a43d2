import { describe, expect, it } from 'vitest';
import { buildActor, buildAdmin, buildEditor, buildOfficer } from '../../../test/helpers/actors.ts';
import {
  canDecideClaim,
  canManageJoinRequests,
  canReadClaimQueue,
  canSubmitClaim,
} from './org-claims.policy.ts';

const org = { id: 'o1', regionCode: '510104' };

describe('organization claims policy', () => {
  it('officers of the region and admins decide; never a member of the organization', () => {
    expect(canDecideClaim(buildOfficer('5101'), org, null).allow).toBe(true);
    expect(canDecideClaim(buildOfficer('510104'), org, null).allow).toBe(true);
    expect(canDecideClaim(buildAdmin(), org, null).allow).toBe(true);
    const far = canDecideClaim(buildOfficer('5107'), org, null);
    expect(far).toMatchObject({ allow: false, reason: 'error.forbidden_region', regionCode: '510104' });
    expect(canDecideClaim(buildEditor(), org, null)).toMatchObject({
      allow: false,
      reason: 'error.forbidden',
    });
    expect(canDecideClaim(buildActor(), org, null).allow).toBe(false);
    for (const role of ['owner', 'admin', 'member'] as const) {
      expect(canDecideClaim(buildOfficer('5101'), org, role)).toMatchObject({
        allow: false,
        reason: 'org_claim.own_organization',
      });
      expect(canDecideClaim(buildAdmin(), org, role).allow).toBe(false);
    }
  });

  it('the queue is for staff; the owner submits; owners and admins answer join requests', () => {
    expect(canReadClaimQueue(buildOfficer('5107')).allow).toBe(true);
    expect(canReadClaimQueue(buildAdmin()).allow).toBe(true);
    expect(canReadClaimQueue(buildActor()).allow).toBe(false);
    expect(canSubmitClaim(org, 'owner').allow).toBe(true);
    expect(canSubmitClaim(org, 'admin').allow).toBe(false);
    expect(canSubmitClaim(org, null).allow).toBe(false);
    expect(canManageJoinRequests(org, 'owner').allow).toBe(true);
    expect(canManageJoinRequests(org, 'admin').allow).toBe(true);
    expect(canManageJoinRequests(org, 'member').allow).toBe(false);
    expect(canManageJoinRequests(org, null).allow).toBe(false);
  });
});
