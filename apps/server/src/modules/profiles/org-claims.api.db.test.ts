import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { usccCheckChar } from '@tianfu/contracts';
import { auditLog, organizations, orgMembers, type Db } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import type { CatalogChange } from '../../events/catalog-events.ts';
import type { TestApp } from '../../../test/helpers/build-test-app.ts';
import { buildAccountsTestApp, type TestClock } from '../auth/testing/app.ts';
import { registerUser } from '../auth/testing/client.ts';
import { registerStaff } from '../auth/testing/staff.ts';

let serial = 0;
/** A valid USCC registered in `region` (6 digits), distinct per call. */
function uscc(region = '510104'): string {
  serial++;
  const first17 = `9${1}${region}MA${String(700000 + serial).padStart(6, '0')}${'0'}`.slice(0, 17);
  return first17 + usccCheckChar(first17);
}

/** The titles (and bodies) of the user's in-app notifications, newest first. */
async function inbox(client: { get: (url: string) => Promise<{ json: () => unknown }> }) {
  const res = (await client.get('/api/notifications')).json() as {
    items: { title: string; body: string; link: string | null }[];
  };
  return res.items;
}

async function audits(db: Db, action: string, targetId: string, outcome: 'success' | 'denied') {
  return db.orm
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.outcome, outcome), eq(auditLog.targetId, targetId)));
}

describeEachDb('profiles: organization claims and join requests', (getDb) => {
  let t: TestApp & { clock: TestClock };
  const changes: CatalogChange[] = [];
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb());
    t.app.catalogEvents.on((c) => void changes.push(...c));
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the claim routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/api/organizations/{id}/claim',
      '/api/org-claims',
      '/api/org-claims',
      '/api/org-claims/{orgId}',
      '/api/org-join-requests',
      '/api/org-join-requests/mine',
      '/api/org-join-requests/{id}',
      '/api/organizations/{id}/join-requests',
    ])
      expect(doc.paths[path], path).toBeDefined();
  });

  it('starts a new organization unverified; an officer of its region verifies it, audited, and the index hears', async () => {
    const owner = await registerUser(t.app, getDb(), { displayName: '林申报' });
    const code = uscc('510104');
    const created = await owner.client.post('/api/organizations', {
      uscc: code,
      name: '成都锦江认领测试有限公司',
      regionCode: '510104',
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(org).toMatchObject({
      myRole: 'owner',
      verificationStatus: 'pending',
      verification: { status: 'pending', reason: null, decidedAt: null },
    });
    // The public sees the status, not who claimed it.
    const pub = (await t.app.inject({ method: 'GET', url: `/api/organizations/${org.id}` })).json();
    expect(pub.verificationStatus).toBe('pending');
    expect(pub).not.toHaveProperty('verification');

    const mianyang = await registerStaff(t.app, getDb(), 'officer', '5107');
    const chengdu = await registerStaff(t.app, getDb(), 'officer', '5101');
    // The queue is per region: Mianyang does not see a Chengdu claim.
    const myQueue = async (c: typeof chengdu, qs = '') =>
      (await c.client.get(`/api/org-claims${qs}`)).json().items.map((i: { orgId: string }) => i.orgId);
    expect(await myQueue(mianyang)).not.toContain(org.id);
    const q = (await chengdu.client.get('/api/org-claims')).json();
    const item = q.items.find((i: { orgId: string }) => i.orgId === org.id);
    expect(item).toMatchObject({
      uscc: code,
      claimantName: '林申报',
      claimantPhoneMasked: expect.stringMatching(/^1\d{2}\*{4}\d{4}$/),
      status: 'pending',
      ownOrganization: false,
      handover: false,
    });

    // The queue is staff only; another region's officer is refused and audited.
    expect((await owner.client.get('/api/org-claims')).statusCode).toBe(403);
    const far = await mianyang.client.post(`/api/org-claims/${org.id}`, { decision: 'verify' });
    expect(far.statusCode).toBe(403);
    expect(far.json().error.code).toBe('error.forbidden_region');
    expect(await audits(getDb(), 'org_claim.decide', org.id, 'denied')).toHaveLength(1);
    // The claimant cannot verify themselves through this route either.
    expect((await owner.client.post(`/api/org-claims/${org.id}`, { decision: 'verify' })).statusCode).toBe(
      403,
    );

    // Before the decision its need says "unverified", and so does the index.
    const need = (
      await owner.client.post('/api/needs', {
        kind: 'rd_problem',
        orgId: org.id,
        title: '锦江认领测试企业的焊点检测课题',
        summary: '需要自动化的焊点缺陷检测方法，用于产线质检',
        description: '现有人工目检漏检率约 5%，希望降低到 1% 以内，并接入产线 MES 系统。',
        regionCode: '510104',
      })
    ).json();
    expect(need.orgVerified).toBe(false);
    expect((await owner.client.post(`/api/needs/${need.id}/submit`)).json().status).toBe('published');
    const searchVerified = async (kind: string) => {
      await t.app.catalogIndex.refresh();
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/search?text=${encodeURIComponent('锦江认领测试')}&kinds=${kind}`,
      });
      return res.json().items.find((i: { id: string }) => i.id === (kind === 'need' ? need.id : org.id))
        ?.verified;
    };
    expect(await searchVerified('enterprise')).toBe(false);
    // A service the organization offers itself follows its claim too.
    const service = (
      await owner.client.post('/api/capabilities', {
        ownerType: 'organization',
        orgId: org.id,
        title: '锦江认领测试企业的产线视觉检测服务',
        description: '为电子制造企业提供产线机器视觉检测方案设计与部署。',
        deliveryMode: 'onsite',
        priceType: 'negotiable',
        regionCode: '510104',
      })
    ).json();
    expect(service.orgVerified).toBe(false);
    expect((await owner.client.post(`/api/capabilities/${service.id}/submit`)).json().status).toBe(
      'published',
    );
    await t.app.catalogIndex.refresh();
    expect(t.app.catalogIndex.engine.get(service.id)).toBeDefined();
    expect(t.app.catalogIndex.engine.get(service.id)?.verified).toBeFalsy();

    changes.length = 0;
    const ok = await chengdu.client.post(`/api/org-claims/${org.id}`, { decision: 'verify' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'verified', reason: null, decidedAt: expect.any(String) });
    expect(changes).toContainEqual({ type: 'organization', id: org.id });
    expect(changes).toContainEqual({ type: 'need', id: need.id });
    expect(await searchVerified('enterprise')).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/api/needs/${need.id}` })).json().orgVerified).toBe(
      true,
    );
    // The engine's structured `verified` feature now holds for the enterprise and its need.
    await t.app.catalogIndex.idle();
    expect(t.app.catalogIndex.engine.get(org.id)?.verified).toBe(true);
    expect(t.app.catalogIndex.engine.get(need.id)?.verified).toBe(true);
    expect(t.app.catalogIndex.engine.get(service.id)?.verified).toBe(true);
    expect(changes).toContainEqual({ type: 'capability', id: service.id });
    expect(await audits(getDb(), 'org_claim.decide', org.id, 'success')).toHaveLength(1);
    // The claimant hears of it in the app, linked to the organization's page.
    expect((await inbox(owner.client))[0]).toMatchObject({
      title: '单位认证已通过',
      body: expect.stringContaining('成都锦江认领测试有限公司'),
      link: `/publish/enterprise/${org.id}`,
    });
    // Decided once: a second decision (another officer, a double click) is a conflict.
    const again = await chengdu.client.req(
      'POST',
      `/api/org-claims/${org.id}`,
      { decision: 'reject', reason: '重复' },
      { headers: { 'accept-language': 'en' } },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/no longer waiting/);
    expect(await myQueue(chengdu)).not.toContain(org.id);
    expect(await myQueue(chengdu, '?status=verified')).toContain(org.id);
    const list = (await t.app.inject({ method: 'GET', url: '/api/organizations?q=锦江认领测试' })).json();
    expect(list.items[0]).toMatchObject({ id: org.id, verificationStatus: 'verified' });
    // A verified claim is not submitted again.
    expect((await owner.client.post(`/api/organizations/${org.id}/claim`)).statusCode).toBe(409);
  });

  it('rejects with a reason the claimant sees, and takes the claim again', async () => {
    const owner = await registerUser(t.app, getDb());
    const org = (
      await owner.client.post('/api/organizations', {
        uscc: uscc('510107'),
        name: '待补材料科技有限公司',
        regionCode: '510107',
      })
    ).json();
    const officer = await registerStaff(t.app, getDb(), 'officer', '51');
    const noReason = await officer.client.post(`/api/org-claims/${org.id}`, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty('reason');
    const rej = await officer.client.post(`/api/org-claims/${org.id}`, {
      decision: 'reject',
      reason: '营业执照名称与登记名称不一致',
    });
    expect(rej.json()).toMatchObject({ status: 'rejected', reason: '营业执照名称与登记名称不一致' });
    const mine = (await owner.client.get(`/api/organizations/${org.id}`)).json();
    expect(mine.verification).toMatchObject({ status: 'rejected', reason: '营业执照名称与登记名称不一致' });
    expect((await inbox(owner.client))[0]?.body).toContain('营业执照名称与登记名称不一致');
    // The reason is for the claimant and officers, not the public.
    const stranger = await registerUser(t.app, getDb());
    const seen = (await stranger.client.get(`/api/organizations/${org.id}`)).json();
    expect(seen.verificationStatus).toBe('rejected');
    expect(JSON.stringify(seen)).not.toContain('营业执照');
    // Only the owner submits again; it returns to the queue with the reason cleared.
    expect((await stranger.client.post(`/api/organizations/${org.id}/claim`)).statusCode).toBe(403);
    const re = await owner.client.post(`/api/organizations/${org.id}/claim`);
    expect(re.json()).toMatchObject({ status: 'pending', reason: null });
    const q = (await officer.client.get('/api/org-claims?region=510107')).json();
    expect(q.items.map((i: { orgId: string }) => i.orgId)).toContain(org.id);
  });

  it('never lets an officer decide the claim of an organization they belong to', async () => {
    const officer = await registerStaff(t.app, getDb(), 'officer', '5101');
    const own = (
      await officer.client.post('/api/organizations', {
        uscc: uscc('510104'),
        name: '专员自家公司',
        regionCode: '510104',
      })
    ).json();
    const q = (await officer.client.get('/api/org-claims')).json();
    expect(q.items.find((i: { orgId: string }) => i.orgId === own.id)).toMatchObject({
      ownOrganization: true,
    });
    const res = await officer.client.req(
      'POST',
      `/api/org-claims/${own.id}`,
      { decision: 'verify' },
      { headers: { 'accept-language': 'en' } },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'org_claim.own_organization',
      message: 'You belong to this organization, so you cannot decide its claim',
    });
    expect(await audits(getDb(), 'org_claim.decide', own.id, 'denied')).toHaveLength(1);
    const colleague = await registerStaff(t.app, getDb(), 'officer', '510104');
    expect(
      (await colleague.client.post(`/api/org-claims/${own.id}`, { decision: 'verify' })).statusCode,
    ).toBe(200);
  });

  it('tells a second claimant who holds the code and lets them ask to join; the owner accepts', async () => {
    const owner = await registerUser(t.app, getDb());
    const code = uscc('510104');
    const org = (
      await owner.client.post('/api/organizations', {
        uscc: code,
        name: '成都先认领电子有限公司',
        regionCode: '510104',
      })
    ).json();
    const second = await registerUser(t.app, getDb(), { displayName: '赵后来' });
    const zh = await second.client.post('/api/organizations', {
      uscc: code,
      name: '我也是这家',
      regionCode: '510104',
    });
    expect(zh.statusCode).toBe(409);
    expect(zh.json().error).toMatchObject({
      code: 'org.uscc_claimed',
      message: expect.stringContaining('已由“成都先认领电子有限公司”认领'),
      fields: { uscc: expect.stringContaining('申请加入') },
    });
    const en = await second.client.req(
      'POST',
      '/api/organizations',
      { uscc: code, name: 'Me too', regionCode: '510104' },
      { headers: { 'accept-language': 'en' } },
    );
    expect(en.json().error.message).toContain('already been claimed by “成都先认领电子有限公司”');

    const unknown = await second.client.post('/api/org-join-requests', { uscc: uscc('510104') });
    expect(unknown.statusCode).toBe(404);
    const req = await second.client.post('/api/org-join-requests', {
      uscc: code,
      message: '我是研发部工程师',
    });
    expect(req.statusCode).toBe(201);
    expect(req.json()).toMatchObject({
      orgName: '成都先认领电子有限公司',
      userName: '赵后来',
      status: 'pending',
    });
    expect((await second.client.post('/api/org-join-requests', { uscc: code })).statusCode).toBe(409);
    expect((await second.client.get('/api/org-join-requests/mine')).json().items).toHaveLength(1);

    // The requester cannot answer their own request, nor see the organization's list.
    expect((await second.client.get(`/api/organizations/${org.id}/join-requests`)).statusCode).toBe(403);
    expect(
      (await second.client.post(`/api/org-join-requests/${req.json().id}`, { decision: 'accept' }))
        .statusCode,
    ).toBe(403);
    expect((await owner.client.get(`/api/organizations/${org.id}`)).json().pendingJoinRequests).toBe(1);
    expect((await inbox(owner.client))[0]).toMatchObject({
      title: '新的加入申请',
      body: expect.stringContaining('赵后来'),
    });
    const list = (await owner.client.get(`/api/organizations/${org.id}/join-requests`)).json();
    expect(list.items[0]).toMatchObject({ message: '我是研发部工程师', status: 'pending' });
    const acc = await owner.client.post(`/api/org-join-requests/${req.json().id}`, { decision: 'accept' });
    expect(acc.json()).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });
    const [member] = await getDb()
      .orm.select()
      .from(orgMembers)
      .where(and(eq(orgMembers.orgId, org.id), eq(orgMembers.userId, second.userId)));
    expect(member?.role).toBe('member');
    expect((await second.client.get(`/api/organizations/${org.id}`)).json().myRole).toBe('member');
    expect((await inbox(second.client))[0]?.title).toBe('加入申请已通过');
    expect(
      (await owner.client.post(`/api/org-join-requests/${req.json().id}`, { decision: 'decline' }))
        .statusCode,
    ).toBe(409);
    expect((await second.client.post('/api/org-join-requests', { uscc: code })).statusCode).toBe(409);
  });

  it('lets someone claim an organization an officer imported; verified, they become its owner', async () => {
    const importer = await registerStaff(t.app, getDb(), 'officer', '5101');
    const code = uscc('510105');
    const [imported] = await getDb()
      .orm.insert(organizations)
      .values({
        uscc: code,
        name: '青羊导入机械有限公司',
        orgType: 'enterprise',
        regionCode: '510105',
        ownerId: importer.userId,
        externalId: `ent-claim-${serial}`,
      })
      .returning();
    const orgId = imported!.id;
    const claimant = await registerUser(t.app, getDb(), { displayName: '钱认领' });
    // Registering its code points to a claim, not to a join request nobody would answer.
    const reg = await claimant.client.post('/api/organizations', {
      uscc: code,
      name: '青羊导入机械',
      regionCode: '510105',
    });
    expect(reg.statusCode).toBe(409);
    expect(reg.json().error).toMatchObject({
      code: 'org.uscc_unclaimed',
      message: expect.stringContaining('“青羊导入机械有限公司”已由科协工作人员录入平台'),
    });
    const join = await claimant.client.post('/api/org-join-requests', { uscc: code });
    expect(join.statusCode).toBe(409);
    expect(join.json().error.code).toBe('org.uscc_unclaimed');
    expect((await claimant.client.post('/api/org-claims', { uscc: uscc('510105') })).statusCode).toBe(404);

    const claimed = await claimant.client.post('/api/org-claims', { uscc: code });
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json()).toMatchObject({ status: 'pending', reason: null });
    expect(await audits(getDb(), 'org_claim.claim', orgId, 'success')).toHaveLength(1);
    // One claim at a time; the claimant does not act for it before the officer's check.
    const rival = await registerUser(t.app, getDb());
    expect((await rival.client.post('/api/org-claims', { uscc: code })).statusCode).toBe(409);
    expect((await claimant.client.get(`/api/organizations/${orgId}`)).json().myRole ?? null).toBeNull();
    const item = (await importer.client.get('/api/org-claims?region=510105'))
      .json()
      .items.find((i: { orgId: string }) => i.orgId === orgId);
    expect(item).toMatchObject({ claimantName: '钱认领', ownOrganization: false, handover: true });

    // Verified: the claimant is the owner, hears of it, and the code now reads as claimed.
    const ok = await importer.client.post(`/api/org-claims/${orgId}`, { decision: 'verify' });
    expect(ok.statusCode).toBe(200);
    const [row] = await getDb().orm.select().from(organizations).where(eq(organizations.id, orgId));
    expect(row?.ownerId).toBe(claimant.userId);
    expect((await claimant.client.get(`/api/organizations/${orgId}`)).json()).toMatchObject({
      myRole: 'owner',
      verificationStatus: 'verified',
    });
    expect((await inbox(claimant.client))[0]?.title).toBe('单位认证已通过');
    expect((await rival.client.post('/api/org-claims', { uscc: code })).json().error.code).toBe(
      'org_claim.has_owner',
    );
    const again = await rival.client.post('/api/organizations', {
      uscc: code,
      name: '青羊导入机械',
      regionCode: '510105',
    });
    expect(again.json().error.code).toBe('org.uscc_claimed');
  });

  it('never lets an officer verify their own claim of an imported organization', async () => {
    const officer = await registerStaff(t.app, getDb(), 'officer', '5101');
    const code = uscc('510106');
    const [imported] = await getDb()
      .orm.insert(organizations)
      .values({
        uscc: code,
        name: '金牛导入材料有限公司',
        orgType: 'enterprise',
        regionCode: '510106',
        ownerId: officer.userId,
        externalId: `ent-claim-${serial}`,
      })
      .returning();
    expect((await officer.client.post('/api/org-claims', { uscc: code })).statusCode).toBe(200);
    const mine = (await officer.client.get('/api/org-claims?region=510106'))
      .json()
      .items.find((i: { orgId: string }) => i.orgId === imported!.id);
    expect(mine).toMatchObject({ ownOrganization: true, handover: true });
    const self = await officer.client.post(`/api/org-claims/${imported!.id}`, { decision: 'verify' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('org_claim.own_organization');
    expect(await audits(getDb(), 'org_claim.decide', imported!.id, 'denied')).toHaveLength(1);
    // A rejected claim of an organization nobody acts for may be made again, by anyone.
    const colleague = await registerStaff(t.app, getDb(), 'officer', '510106');
    const rej = await colleague.client.post(`/api/org-claims/${imported!.id}`, {
      decision: 'reject',
      reason: '无法电话核实',
    });
    expect(rej.json().status).toBe('rejected');
    const other = await registerUser(t.app, getDb());
    expect((await other.client.post('/api/org-claims', { uscc: code })).json().status).toBe('pending');
  });

  it('refuses a code with a wrong GB 32100 check character', async () => {
    const u = await registerUser(t.app, getDb());
    const good = uscc('510104');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await u.client.post('/api/organizations', {
      uscc: bad,
      name: '校验位错误公司',
      regionCode: '510104',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.uscc).toBe('统一社会信用代码校验位不正确，请核对');
  });
});
