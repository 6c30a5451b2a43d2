import { describe, expect, it } from 'vitest';
import { buildActor, buildAdmin, buildEditor, buildOfficer } from '../../../test/helpers/actors.ts';
import {
  canEditOrganization,
  canEditScientist,
  canEditTeam,
  canSeeOrganizationDetail,
  canSeeScientistDetail,
  canSeeTeamDetail,
} from './profiles.policy.ts';

const owner = buildActor([], { kind: 'scientist' });
const profile = { id: 'p1', userId: owner.userId, regionCode: '510104' };
const imported = { id: 'p2', userId: null, regionCode: '510104' };

describe('profiles policy', () => {
  it('scientist profiles: owner, officers of the region and admins; nobody else', () => {
    expect(canEditScientist(owner, profile).allow).toBe(true);
    expect(canEditScientist(buildOfficer('5101'), profile).allow).toBe(true);
    expect(canEditScientist(buildOfficer('51'), imported).allow).toBe(true);
    expect(canEditScientist(buildAdmin(), imported).allow).toBe(true);
    expect(canEditScientist(buildOfficer('5107'), profile).allow).toBe(false);
    expect(canEditScientist(buildEditor(), profile).allow).toBe(false);
    expect(canEditScientist(buildActor(), profile).allow).toBe(false);
    // An account without a profile never matches an imported profile's missing owner.
    expect(canEditScientist(buildActor(), imported).allow).toBe(false);
    expect(canSeeScientistDetail(null, profile)).toBe(false);
    const d = canEditScientist(buildActor(), profile);
    expect(d).toMatchObject({
      action: 'scientist.update',
      target: { type: 'scientist', id: 'p1' },
      regionCode: '510104',
    });
  });

  it('teams: only the lead edits; members and regional officers see the detail', () => {
    const lead = buildActor();
    const team = { id: 't1', leadId: lead.userId, regionCode: '5104' };
    expect(canEditTeam(lead, team).allow).toBe(true);
    expect(canEditTeam(buildOfficer('51'), team).allow).toBe(false);
    expect(canEditTeam(buildAdmin(), team).allow).toBe(false);
    const member = buildActor();
    expect(canSeeTeamDetail(member, team, true)).toBe(true);
    expect(canSeeTeamDetail(member, team, false)).toBe(false);
    expect(canSeeTeamDetail(buildOfficer('5104'), team, false)).toBe(true);
    expect(canSeeTeamDetail(buildOfficer('5101'), team, false)).toBe(false);
    expect(canSeeTeamDetail(null, team, false)).toBe(false);
  });

  it('organizations: owners and admin members edit; members and regional officers only see', () => {
    const actor = buildActor();
    const org = { id: 'o1', regionCode: '510107' };
    expect(canEditOrganization(actor, org, 'owner').allow).toBe(true);
    expect(canEditOrganization(actor, org, 'admin').allow).toBe(true);
    expect(canEditOrganization(actor, org, 'member').allow).toBe(false);
    expect(canEditOrganization(buildOfficer('5101'), org, null).allow).toBe(false);
    expect(canSeeOrganizationDetail(actor, org, 'member')).toBe(true);
    expect(canSeeOrganizationDetail(buildOfficer('5101'), org, null)).toBe(true);
    expect(canSeeOrganizationDetail(buildOfficer('5107'), org, null)).toBe(false);
    expect(canSeeOrganizationDetail(actor, org, null)).toBe(false);
  });
});
