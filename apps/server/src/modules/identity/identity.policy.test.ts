import { describe, expect, it } from 'vitest';
import { buildActor, buildAdmin, buildOfficer } from '../../../test/helpers/actors.ts';
import { canListIdentities, canReviewIdentity } from './identity.policy.ts';
import { canEditOrganization, canInviteToTeam } from '../accounts/accounts.policy.ts';

describe('identity review policy', () => {
  const person = { userId: 'p1', regionCode: '510104' };

  it.each([
    ['county officer of the person', buildOfficer('510104'), true],
    ['city officer above', buildOfficer('5101'), true],
    ['province officer above', buildOfficer('51'), true],
    ['administrator', buildAdmin(), true],
    ['officer of another city', buildOfficer('5107'), false],
    ['officer of a sibling county', buildOfficer('510105'), false],
    ['citizen', buildActor(), false],
  ])('%s → %s', (_name, actor, allowed) => {
    expect(canReviewIdentity(actor, person, 'identity.verify').allow).toBe(allowed);
  });

  it('never lets anyone review themselves and names the region on denial', () => {
    const self = buildOfficer('51', { userId: 'p1' });
    expect(canReviewIdentity(self, person, 'identity.verify').allow).toBe(false);
    const d = canReviewIdentity(buildOfficer('5107'), person, 'identity.reject');
    expect(d).toMatchObject({
      allow: false,
      reason: 'error.forbidden_region',
      regionCode: '510104',
      target: { type: 'user', id: 'p1' },
    });
    expect(canReviewIdentity(null, person, 'identity.verify').allow).toBe(false);
  });

  it('lists only for staff', () => {
    expect(canListIdentities(buildOfficer('5101')).allow).toBe(true);
    expect(canListIdentities(buildActor()).allow).toBe(false);
  });
});

describe('organization and team policies', () => {
  const org = { id: 'o1', regionCode: '5101' };
  it('lets owners and org admins edit, not members or outsiders', () => {
    const a = buildActor();
    expect(canEditOrganization(a, org, { role: 'owner' }).allow).toBe(true);
    expect(canEditOrganization(a, org, { role: 'admin' }).allow).toBe(true);
    expect(canEditOrganization(a, org, { role: 'member' }).allow).toBe(false);
    expect(canEditOrganization(a, org, undefined).allow).toBe(false);
  });
  it('lets only the lead invite', () => {
    const lead = buildActor([], { userId: 'lead' });
    expect(canInviteToTeam(lead, { id: 't', leadId: 'lead', regionCode: null }).allow).toBe(true);
    expect(canInviteToTeam(buildActor(), { id: 't', leadId: 'lead', regionCode: null }).allow).toBe(false);
  });
});
