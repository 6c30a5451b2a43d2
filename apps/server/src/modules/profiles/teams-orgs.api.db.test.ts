import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog, listingVersions, type Db, type VersionedEntityType } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import type { CatalogChange } from '../../events/catalog-events.ts';
import type { TestApp } from '../../../test/helpers/build-test-app.ts';
import { buildAccountsTestApp, type TestClock } from '../auth/testing/app.ts';
import { registerUser } from '../auth/testing/client.ts';
import { registerStaff } from '../auth/testing/staff.ts';

async function versionsOf(db: Db, type: VersionedEntityType, id: string) {
  return db.orm
    .select()
    .from(listingVersions)
    .where(and(eq(listingVersions.entityType, type), eq(listingVersions.entityId, id)))
    .orderBy(asc(listingVersions.version));
}

async function denials(db: Db, action: string, targetId: string) {
  return db.orm
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.outcome, 'denied'), eq(auditLog.targetId, targetId)));
}

describeEachDb('profiles: teams and organizations', (getDb) => {
  let t: TestApp & { clock: TestClock };
  const changes: CatalogChange[] = [];
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb());
    t.app.catalogEvents.on((c) => void changes.push(...c));
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the profile routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const path of [
      '/api/scientists',
      '/api/scientists/me',
      '/api/scientists/{id}',
      '/api/teams',
      '/api/teams/{id}',
      '/api/organizations',
      '/api/organizations/{id}',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/scientists/{id}']!)).toEqual(expect.arrayContaining(['get', 'patch']));
  });

  it('shows a team publicly with active members; only the lead edits its profile', async () => {
    const lead = await registerUser(t.app, getDb(), { displayName: '陈组长' });
    const member = await registerUser(t.app, getDb(), { displayName: '周组员' });
    const invitee = await registerUser(t.app, getDb(), { displayName: '吴待定' });
    await lead.client.patch('/api/account/profile', { regionCode: '510104' });
    await member.client.post('/api/scientists', {
      name: '周组员',
      regionCode: '5101',
      skills: ['PCR'],
      title: '副研究员',
    });
    const team = (await lead.client.post('/api/account/teams', { name: '川西生物育种团队' })).json();
    await lead.client.post(`/api/account/teams/${team.id}/invitations`, { phone: member.phone });
    await member.client.post(`/api/account/team-invitations/${team.id}/accept`);
    await lead.client.post(`/api/account/teams/${team.id}/invitations`, { phone: invitee.phone });

    const upd = await lead.client.patch(`/api/teams/${team.id}`, {
      disciplines: ['180', '18021'],
      capabilities: ['分子标记辅助育种', '基因编辑'],
      description: '面向水稻与油菜的育种服务',
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({
      canEdit: true,
      invitedCount: 1,
      regionCode: '510104',
      capabilities: ['分子标记辅助育种', '基因编辑'],
    });
    expect(changes).toContainEqual({ type: 'team', id: team.id, removed: false });

    const pub = (await t.app.inject({ method: 'GET', url: `/api/teams/${team.id}` })).json();
    expect(pub).not.toHaveProperty('canEdit');
    expect(pub.members).toEqual([
      expect.objectContaining({ displayName: '陈组长', role: 'lead', scientistId: null }),
      expect.objectContaining({ displayName: '周组员', role: 'member', title: '副研究员' }),
    ]);
    expect(pub.memberCount).toBe(2);
    expect(JSON.stringify(pub)).not.toContain(member.phone);
    expect(JSON.stringify(pub)).not.toContain('吴待定');

    const byMember = await member.client.patch(`/api/teams/${team.id}`, { capabilities: ['篡改'] });
    expect(byMember.statusCode).toBe(403);
    expect(await denials(getDb(), 'team.profile.update', team.id)).toHaveLength(1);
    // A member sees the detail but may not edit.
    expect((await member.client.get(`/api/teams/${team.id}`)).json()).toMatchObject({ canEdit: false });

    const list = (await t.app.inject({ method: 'GET', url: '/api/teams?discipline=180&region=5101' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(team.id);
    expect(list.items.find((i: { id: string }) => i.id === team.id)).toMatchObject({
      leadName: '陈组长',
      memberCount: 2,
    });
    const elsewhere = (await t.app.inject({ method: 'GET', url: '/api/teams?region=5107' })).json();
    expect(elsewhere.items.map((i: { id: string }) => i.id)).not.toContain(team.id);

    const versions = await versionsOf(getDb(), 'team', team.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, changedBy: lead.userId });

    const closed = await lead.client.patch(`/api/teams/${team.id}`, { status: 'closed' });
    expect(closed.json().status).toBe('closed');
    expect((await t.app.inject({ method: 'GET', url: `/api/teams/${team.id}` })).statusCode).toBe(404);
    expect((await versionsOf(getDb(), 'team', team.id)).map((v) => v.version)).toEqual([1, 2]);
  });

  it('creates a team with its profile through /api/teams', async () => {
    const lead = await registerUser(t.app, getDb(), { displayName: '郑队长' });
    const res = await lead.client.post('/api/teams', {
      name: '攀西钒钛材料团队',
      regionCode: '510400',
      disciplines: ['430'],
      capabilities: ['钒钛磁铁矿综合利用'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      regionCode: '5104',
      leadName: '郑队长',
      memberCount: 1,
      canEdit: true,
    });
    const bad = await lead.client.req(
      'POST',
      '/api/teams',
      { name: 'x', disciplines: ['000'] },
      {
        headers: { 'accept-language': 'en' },
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({
      name: 'Must be at least 2 characters',
      'disciplines.0': expect.stringMatching(/discipline code/),
    });
  });

  it('registers an enterprise profile with a consistent industry; owners and admins edit', async () => {
    const owner = await registerUser(t.app, getDb());
    const res = await owner.client.post('/api/organizations', {
      name: '四川示例电子有限公司',
      uscc: '914403001922038216',
      regionCode: '510107',
      industryDivision: '39',
      sizeClass: 'medium',
      employees: 420,
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      industrySection: 'C',
      industryDivision: '39',
      sizeClass: 'medium',
      regionCode: '510107',
      myRole: 'owner',
      memberCount: 1,
      canEdit: true,
    });
    expect(changes).toContainEqual({ type: 'organization', id: org.id });
    expect((await versionsOf(getDb(), 'organization', org.id)).map((v) => v.version)).toEqual([1]);

    const mismatch = await owner.client.req(
      'POST',
      '/api/organizations',
      {
        name: '错配公司',
        uscc: '91350100M000100Y43',
        regionCode: '5101',
        industrySection: 'A',
        industryDivision: '39',
      },
      { headers: { 'accept-language': 'en' } },
    );
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.fields).toEqual({
      industryDivision: 'The industry division does not belong to the chosen section',
    });
    const zh = await owner.client.post('/api/organizations', {
      name: '错配公司',
      uscc: '91350100M000100Y44',
      regionCode: '5101',
      industryDivision: 'C',
      sizeClass: 'huge',
    });
    expect(zh.json().error.fields).toMatchObject({
      uscc: '统一社会信用代码校验位不正确，请核对',
      industryDivision: '请选择具体的行业大类（两位代码）',
      sizeClass: expect.stringContaining('取值无效'),
    });
    const dup = await owner.client.post('/api/organizations', {
      name: '重复',
      uscc: '914403001922038216',
      regionCode: '5101',
    });
    expect(dup.statusCode).toBe(409);

    const stranger = await registerUser(t.app, getDb());
    const pub = (await stranger.client.get(`/api/organizations/${org.id}`)).json();
    expect(pub).toMatchObject({ name: '四川示例电子有限公司', uscc: '914403001922038216' });
    expect(pub).not.toHaveProperty('canEdit');
    const hijack = await stranger.client.patch(`/api/organizations/${org.id}`, { name: '被篡改' });
    expect(hijack.statusCode).toBe(403);
    expect(await denials(getDb(), 'organization.profile.update', org.id)).toHaveLength(1);
    const officer = await registerStaff(t.app, getDb(), 'officer', '5101');
    expect((await officer.client.get(`/api/organizations/${org.id}`)).json()).toMatchObject({
      myRole: null,
      canEdit: false,
    });
    expect((await officer.client.patch(`/api/organizations/${org.id}`, { employees: 1 })).statusCode).toBe(
      403,
    );

    // A section alone that contradicts the stored division is refused; a division alone brings its section.
    const bad = await owner.client.patch(`/api/organizations/${org.id}`, { industrySection: 'A' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ industrySection: '行业大类不属于所选门类' });
    const moved = await owner.client.patch(`/api/organizations/${org.id}`, {
      industryDivision: '01',
      employees: 500,
    });
    expect(moved.json()).toMatchObject({ industrySection: 'A', industryDivision: '01', employees: 500 });
    expect((await versionsOf(getDb(), 'organization', org.id)).map((v) => [v.version, v.changedBy])).toEqual([
      [1, owner.userId],
      [2, owner.userId],
    ]);

    const list = async (qs: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/organizations?${qs}` }))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await list('industry=A&region=5101')).toContain(org.id);
    expect(await list('industry=01')).toContain(org.id);
    expect(await list('industry=C')).not.toContain(org.id);
    expect(await list('region=5107')).not.toContain(org.id);
    expect(await list('sizeClass=medium&q=示例电子')).toContain(org.id);
  });

  it('checks team and enterprise profiles for sensitive words before writing', async () => {
    const lead = await registerUser(t.app, getDb());
    const bad = await lead.client.req(
      'POST',
      '/api/teams',
      { name: '财税服务团队', capabilities: ['代开发票'] },
      { headers: { 'accept-language': 'en' } },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'listing.sensitive_words',
      fields: { capabilities: 'Sensitive words: 代开发票' },
    });
    const team = (await lead.client.post('/api/teams', { name: '财税服务团队' })).json();
    const edit = await lead.client.patch(`/api/teams/${team.id}`, { description: '本团队可代开发票' });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.fields).toHaveProperty('description');
    expect(await versionsOf(getDb(), 'team', team.id)).toHaveLength(1);

    const owner = await registerUser(t.app, getDb());
    const org = await owner.client.post('/api/organizations', {
      uscc: '91510100MA61RWKG1L',
      name: '成都示例财税服务有限公司',
      regionCode: '5101',
      description: '专业办假证、代开发票',
    });
    expect(org.statusCode).toBe(400);
    expect(org.json().error.fields).toHaveProperty('description');
  });
});
