import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import type { TestApp } from '../../../test/helpers/build-test-app.ts';
import { buildAccountsTestApp, type TestClock } from '../auth/testing/app.ts';
import { nextPhone, registerUser } from '../auth/testing/client.ts';

describeEachDb('accounts: profile, organizations, teams', (getDb) => {
  let t: TestApp & { clock: TestClock };
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb());
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads and updates my profile; unknown regions are refused', async () => {
    const u = await registerUser(t.app, getDb(), { displayName: '李博士' });
    const p = (await u.client.get('/api/account/profile')).json();
    expect(p).toMatchObject({ id: u.userId, displayName: '李博士', kinds: ['scientist'], bio: null });
    const upd = await u.client.patch('/api/account/profile', {
      bio: '作物育种',
      regionCode: '510100',
      email: 'li@example.cn',
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ bio: '作物育种', regionCode: '5101', email: 'li@example.cn' });
    const bad = await u.client.patch('/api/account/profile', { regionCode: '519999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.regionCode).toBeTruthy();
  });

  it('validates the USCC check character and protects organizations from non-owners', async () => {
    const owner = await registerUser(t.app, getDb());
    const other = await registerUser(t.app, getDb());
    const badCode = await owner.client.req(
      'POST',
      '/api/account/organizations',
      { name: '示例公司', uscc: '91350100M000100Y44', orgType: 'enterprise' },
      { headers: { 'accept-language': 'en' } },
    );
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.fields.uscc).toMatch(/check character/);

    const created = await owner.client.post('/api/account/organizations', {
      name: '深圳示例技术有限公司',
      uscc: '914403001922038216',
      orgType: 'enterprise',
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(org).toMatchObject({ myRole: 'owner', regionCode: '4403' });
    // Registering is claiming: the claim waits for an officer of the region.
    const claim = await getDb().query<{ status: string; claimant_id: string }>(
      `select status, claimant_id from organization_claims where org_id = $1`,
      [org.id],
    );
    expect(claim.rows).toEqual([{ status: 'pending', claimant_id: owner.userId }]);
    const dup = await other.client.post('/api/account/organizations', {
      name: 'x公司',
      uscc: '914403001922038216',
      orgType: 'provider',
    });
    expect(dup.statusCode).toBe(409);

    const hijack = await other.client.patch(`/api/account/organizations/${org.id}`, { name: '被篡改' });
    expect(hijack.statusCode).toBe(403);
    const denied = await getDb()
      .orm.select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'org.update'), eq(auditLog.outcome, 'denied'), eq(auditLog.targetId, org.id)),
      );
    expect(denied).toHaveLength(1);
    expect((await other.client.get('/api/account/organizations')).json().items).toHaveLength(0);

    const ok = await owner.client.patch(`/api/account/organizations/${org.id}`, { description: '通信设备' });
    expect(ok.json()).toMatchObject({ name: '深圳示例技术有限公司', description: '通信设备' });
    expect((await owner.client.get('/api/auth/me')).json().user.kinds).toEqual(['scientist', 'organization']);
  });

  it('runs a team: the lead invites, the invitee accepts, outsiders cannot invite', async () => {
    const lead = await registerUser(t.app, getDb(), { displayName: '组长' });
    const member = await registerUser(t.app, getDb(), { displayName: '组员' });
    const outsider = await registerUser(t.app, getDb());
    const team = (await lead.client.post('/api/account/teams', { name: '智慧农业团队' })).json();
    expect(team.members).toEqual([
      expect.objectContaining({ userId: lead.userId, role: 'lead', status: 'active' }),
    ]);

    expect(
      (await lead.client.post(`/api/account/teams/${team.id}/invitations`, { phone: nextPhone() }))
        .statusCode,
    ).toBe(404);
    const byOutsider = await outsider.client.post(`/api/account/teams/${team.id}/invitations`, {
      phone: member.phone,
    });
    expect(byOutsider.statusCode).toBe(403);

    const inv = await lead.client.post(`/api/account/teams/${team.id}/invitations`, { phone: member.phone });
    expect(inv.statusCode).toBe(200);
    expect(inv.json().members).toHaveLength(2);
    expect(inv.body).not.toContain(member.phone);
    expect(
      (await lead.client.post(`/api/account/teams/${team.id}/invitations`, { phone: member.phone }))
        .statusCode,
    ).toBe(409);

    const mine = (await member.client.get('/api/account/team-invitations')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({ teamId: team.id, teamName: '智慧农业团队', invitedByName: '组长' }),
    ]);
    // The outsider cannot accept an invitation addressed to someone else.
    expect((await outsider.client.post(`/api/account/team-invitations/${team.id}/accept`)).statusCode).toBe(
      404,
    );
    const accepted = await member.client.post(`/api/account/team-invitations/${team.id}/accept`);
    expect(accepted.json().members.every((m: { status: string }) => m.status === 'active')).toBe(true);
    expect((await member.client.get('/api/auth/me')).json().user.kinds).toContain('team');
    expect((await member.client.get('/api/account/teams')).json().items[0].id).toBe(team.id);
    expect((await outsider.client.get('/api/account/teams')).json().items).toEqual([]);
  });
});
