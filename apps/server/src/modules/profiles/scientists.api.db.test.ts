import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import {
  auditLog,
  capabilities,
  listingStatusEvents,
  listingVersions,
  needs,
  scientistProfiles,
  type Db,
} from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import type { CatalogChange } from '../../events/catalog-events.ts';
import type { TestApp } from '../../../test/helpers/build-test-app.ts';
import { buildAccountsTestApp, type TestClock } from '../auth/testing/app.ts';
import { registerUser } from '../auth/testing/client.ts';
import { registerStaff } from '../auth/testing/staff.ts';

/** A rural expert (土专家): no papers, patents or projects; skills and delivered services only. */
const ruralExpert = {
  name: '王德全',
  education: 'technical_secondary',
  title: '农民技术员',
  affiliation: '蒲江县猕猴桃专业合作社',
  disciplines: ['210'],
  skills: ['猕猴桃溃疡病防治', '果园修剪', '猕猴桃溃疡病防治'],
  regionCode: '510131',
  availability: 'available',
  capacity: 3,
  onSiteRadiusKm: 80,
  remote: false,
  ruralExpert: true,
  deliveredServices: [{ title: '为 30 户果农防治溃疡病', year: 2025, regionCode: '510131' }],
  gender: 'male',
  birthYear: 1968,
};

async function versionsOf(db: Db, id: string) {
  return db.orm
    .select()
    .from(listingVersions)
    .where(and(eq(listingVersions.entityType, 'scientist'), eq(listingVersions.entityId, id)))
    .orderBy(asc(listingVersions.version));
}

async function denials(db: Db, action: string, targetId: string) {
  return db.orm
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.outcome, 'denied'), eq(auditLog.targetId, targetId)));
}

describeEachDb('profiles: scientists', (getDb) => {
  let t: TestApp & { clock: TestClock };
  const changes: CatalogChange[] = [];
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb());
    t.app.catalogEvents.on((c) => void changes.push(...c));
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a rural expert profile without publications; version 1, event, one per account', async () => {
    const u = await registerUser(t.app, getDb(), { displayName: '王德全' });
    const res = await u.client.post('/api/scientists', ruralExpert);
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: '王德全',
      regionCode: '510131',
      skills: ['猕猴桃溃疡病防治', '果园修剪'],
      papers: [],
      patents: [],
      deliveredServiceCount: 1,
      capacity: 3,
      openCapacity: 3,
      status: 'published',
      version: 1,
      canEdit: true,
      userId: u.userId,
      gender: 'male',
    });
    expect(p.phoneMasked).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(res.body).not.toContain(u.phone);
    const versions = await versionsOf(getDb(), p.id);
    expect(versions.map((v) => v.version)).toEqual([1]);
    expect(versions[0]!.changedBy).toBe(u.userId);
    expect(versions[0]!.data).toMatchObject({ skills: ['猕猴桃溃疡病防治', '果园修剪'], ruralExpert: true });
    expect(changes).toContainEqual({ type: 'scientist', id: p.id, removed: false });

    expect((await u.client.get('/api/scientists/me')).json()).toMatchObject({ id: p.id, canEdit: true });
    const again = await u.client.post('/api/scientists', ruralExpert);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('scientist.profile_exists');
  });

  it('shows the public view without personal fields; drafts are hidden from the public', async () => {
    const owner = await registerUser(t.app, getDb());
    const p = (
      await owner.client.post('/api/scientists', { ...ruralExpert, name: '李秀英', gender: 'female' })
    ).json();
    const stranger = await registerUser(t.app, getDb());
    const pub = await stranger.client.get(`/api/scientists/${p.id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().name).toBe('李秀英');
    for (const key of ['gender', 'birthYear', 'phoneMasked', 'canEdit', 'externalId']) {
      expect(pub.json()).not.toHaveProperty(key);
    }
    const anon = await t.app.inject({ method: 'GET', url: `/api/scientists/${p.id}` });
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).not.toHaveProperty('gender');

    await owner.client.patch('/api/scientists/me', { status: 'draft' });
    expect((await stranger.client.get(`/api/scientists/${p.id}`)).statusCode).toBe(404);
    expect((await owner.client.get(`/api/scientists/${p.id}`)).json().status).toBe('draft');
    expect(changes).toContainEqual({ type: 'scientist', id: p.id, removed: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/scientists/not-a-uuid' })).statusCode).toBe(400);
  });

  it('lists published profiles by region subtree, discipline family and availability', async () => {
    const a = await registerUser(t.app, getDb());
    const b = await registerUser(t.app, getDb());
    const c = await registerUser(t.app, getDb());
    await a.client.post('/api/scientists', {
      name: '张软件',
      disciplines: ['52040'],
      regionCode: '510104',
      availability: 'limited',
      skills: ['嵌入式软件'],
    });
    await b.client.post('/api/scientists', {
      name: '赵绵阳',
      disciplines: ['520'],
      regionCode: '510700',
      skills: ['雷达'],
    });
    await c.client.post('/api/scientists', {
      name: '钱草稿',
      disciplines: ['52040'],
      regionCode: '510104',
      skills: ['x'],
      status: 'draft',
    });
    const list = async (qs: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/scientists?${qs}` })).json() as {
        items: { name: string }[];
        total: number;
      };
    const chengdu520 = await list('region=510100&discipline=520');
    expect(chengdu520.items.map((i) => i.name)).toEqual(['张软件']);
    const sichuan520 = await list('region=51&discipline=520&sort=name');
    expect(sichuan520.items.map((i) => i.name).sort()).toEqual(['张软件', '赵绵阳'].sort());
    expect(sichuan520.total).toBe(2);
    expect((await list('discipline=52040')).items.map((i) => i.name)).toEqual(['张软件']);
    expect((await list('region=51&availability=limited')).items.map((i) => i.name)).toEqual(['张软件']);
    expect((await list('q=雷达')).items.map((i) => i.name)).toEqual(['赵绵阳']);
    expect((await list('ruralExpert=true&region=510131')).items.length).toBeGreaterThan(0);
    const page = await list('region=51&pageSize=1&page=2');
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(3);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/scientists?discipline=999&ruralExpert=maybe',
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({
      discipline: expect.stringMatching(/discipline code/),
      ruralExpert: 'Must be true or false',
    });
  });

  it('answers validation errors per field in zh-CN and en', async () => {
    const u = await registerUser(t.app, getDb());
    const body = {
      name: '',
      regionCode: '5101',
      disciplines: ['999'],
      skills: ['ok'],
      capacity: 100,
      deliveredServices: [{ title: '' }],
      experience: [{ from: 2020, to: 2010, organization: '某所' }],
    };
    const zh = await u.client.post('/api/scientists', body);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.code).toBe('error.validation');
    expect(zh.json().error.fields).toMatchObject({
      name: '长度至少为 1',
      'disciplines.0': '学科代码无效，请从 GB/T 13745 学科列表中选择',
      capacity: '不能大于 50',
      'deliveredServices.0.title': '长度至少为 1',
      'experience.0.to': '结束年份不能早于开始年份',
    });
    const en = await u.client.req('POST', '/api/scientists', body, { headers: { 'accept-language': 'en' } });
    expect(en.json().error.fields).toMatchObject({
      name: 'Must be at least 1 characters',
      'disciplines.0': 'Unknown discipline code, please pick one from the GB/T 13745 list',
      capacity: 'Must be at most 50',
    });
    const noSkill = await u.client.req(
      'POST',
      '/api/scientists',
      { name: '孙', regionCode: '5101' },
      { headers: { 'accept-language': 'en' } },
    );
    expect(noSkill.json().error.fields).toEqual({ skills: 'Please give at least one discipline or skill' });
    const unknownRegion = await u.client.post('/api/scientists', {
      name: '孙',
      regionCode: '519999',
      skills: ['x'],
    });
    expect(unknownRegion.statusCode).toBe(400);
    expect(unknownRegion.json().error.fields).toEqual({ regionCode: '没有这个行政区划' });
    // Nothing half-written.
    expect((await u.client.get('/api/scientists/me')).statusCode).toBe(404);
  });

  it('edits as new versions: owner and regional officer may, others are denied and audited', async () => {
    const owner = await registerUser(t.app, getDb());
    const p = (await owner.client.post('/api/scientists', ruralExpert)).json();

    const upd = await owner.client.patch(`/api/scientists/${p.id}`, { capacity: 5, skills: ['嫁接'] });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ version: 2, capacity: 5, openCapacity: 5, skills: ['嫁接'] });
    const cleared = await owner.client.patch('/api/scientists/me', { skills: [], disciplines: [] });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json().error.fields.skills).toBeTruthy();

    const stranger = await registerUser(t.app, getDb());
    const hijack = await stranger.client.patch(`/api/scientists/${p.id}`, { name: '冒名' });
    expect(hijack.statusCode).toBe(403);
    expect(await denials(getDb(), 'scientist.update', p.id)).toHaveLength(1);

    const mianyang = await registerStaff(t.app, getDb(), 'officer', '5107');
    const far = await mianyang.client.patch(`/api/scientists/${p.id}`, { bio: '越权' });
    expect(far.statusCode).toBe(403);
    expect(await denials(getDb(), 'scientist.update', p.id)).toHaveLength(2);
    // The officer of another region sees only the public view.
    expect((await mianyang.client.get(`/api/scientists/${p.id}`)).json()).not.toHaveProperty('canEdit');

    const chengdu = await registerStaff(t.app, getDb(), 'officer', '5101');
    const detail = (await chengdu.client.get(`/api/scientists/${p.id}`)).json();
    expect(detail).toMatchObject({ canEdit: true, gender: 'male' });
    expect(detail.phoneMasked).toContain('****');
    const fixed = await chengdu.client.patch(`/api/scientists/${p.id}`, {
      verified: true,
      title: '高级农技师',
    });
    // `verified` is not an editable field: the contract strips it; the title is saved.
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ version: 3, title: '高级农技师', verified: false });

    const versions = await versionsOf(getDb(), p.id);
    expect(versions.map((v) => [v.version, v.changedBy])).toEqual([
      [1, owner.userId],
      [2, owner.userId],
      [3, chengdu.userId],
    ]);
    expect(versions[2]!.data).toMatchObject({ title: '高级农技师', capacity: 5 });
  });

  it('keeps an officer from moving a profile out of their region (denied, audited, unchanged)', async () => {
    const owner = await registerUser(t.app, getDb());
    const p = (await owner.client.post('/api/scientists', ruralExpert)).json();
    const chengdu = await registerStaff(t.app, getDb(), 'officer', '5101');
    const before = (await denials(getDb(), 'scientist.update', p.id)).length;
    // 江油市 belongs to 绵阳市: the Chengdu officer must not hand the profile to a sibling region.
    const away = await chengdu.client.patch(`/api/scientists/${p.id}`, { regionCode: '510781' });
    expect(away.statusCode).toBe(403);
    expect(away.json().error.code).toBe('error.forbidden_region');
    expect(await denials(getDb(), 'scientist.update', p.id)).toHaveLength(before + 1);
    expect((await owner.client.get('/api/scientists/me')).json()).toMatchObject({
      regionCode: '510131',
      version: 1,
    });
    // Inside the officer's region, and for the owner anywhere, the move is fine.
    const inside = await chengdu.client.patch(`/api/scientists/${p.id}`, { regionCode: '5101' + '04' });
    expect(inside.json()).toMatchObject({ regionCode: '510104', version: 2 });
    const moved = await owner.client.patch('/api/scientists/me', { regionCode: '510781' });
    expect(moved.json()).toMatchObject({ regionCode: '510781', version: 3 });
  });

  it('refuses control characters and blank names per field (400, never a 500, nothing written)', async () => {
    const u = await registerUser(t.app, getDb());
    const nul = await u.client.req(
      'POST',
      '/api/scientists',
      { ...ruralExpert, papers: [{ title: 'a\u0000b' }] },
      { headers: { 'accept-language': 'en' } },
    );
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.fields).toEqual({
      'papers.0.title': 'The text contains invisible control characters; please remove them',
    });
    const blank = await u.client.post('/api/scientists', { ...ruralExpert, name: '\u200b\u200b' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields).toEqual({ name: '请填写文字或数字，不能只有空白或符号' });
    expect((await u.client.get('/api/scientists/me')).statusCode).toBe(404);
    const p = (await u.client.post('/api/scientists', ruralExpert)).json();
    const bad = await u.client.patch('/api/scientists/me', { skills: ['ok\u0000'], bio: 'x\u0007' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['bio', 'skills.0']);
    expect(await versionsOf(getDb(), p.id)).toHaveLength(1);
  });

  it('checks a public profile for sensitive words before writing; drafts when published', async () => {
    const u = await registerUser(t.app, getDb());
    const bad = await u.client.req(
      'POST',
      '/api/scientists',
      { ...ruralExpert, skills: ['果园修剪', '代开发票'], deliveredServices: [{ title: '帮人赌 博' }] },
      { headers: { 'accept-language': 'en' } },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'listing.sensitive_words',
      fields: { skills: 'Sensitive words: 代开发票', deliveredServices: 'Sensitive words: 赌博' },
    });
    expect((await u.client.get('/api/scientists/me')).statusCode).toBe(404);
    // A draft is not public yet; publishing it is checked.
    const draft = await u.client.post('/api/scientists', {
      ...ruralExpert,
      status: 'draft',
      bio: '可代开发票',
    });
    expect(draft.statusCode).toBe(201);
    const publish = await u.client.patch('/api/scientists/me', { status: 'published' });
    expect(publish.statusCode).toBe(400);
    expect(publish.json().error.fields).toHaveProperty('bio');
    const fixed = await u.client.patch('/api/scientists/me', { status: 'published', bio: '三十年果园经验' });
    expect(fixed.json()).toMatchObject({ status: 'published', version: 2 });
  });

  it('exports the profile with the account data and anonymizes it when the account is deleted', async () => {
    const u = await registerUser(t.app, getDb());
    const p = (await u.client.post('/api/scientists', ruralExpert)).json();
    await u.client.patch('/api/scientists/me', { bio: '三十年果园经验' });
    const exported = (await u.client.get('/api/account/export')).json();
    expect(exported.more.scientistProfile.profile).toMatchObject({
      id: p.id,
      name: '王德全',
      bio: '三十年果园经验',
    });
    expect(exported.more.scientistProfile.versions.map((v: { version: number }) => v.version)).toEqual([
      1, 2,
    ]);

    // What the person published in their own name: a service through the profile, a personal need.
    const service = await u.client.post('/api/capabilities', {
      title: '猕猴桃溃疡病田间诊断',
      description: '到园诊断溃疡病并制定防控方案，培训种植户。',
      deliveryMode: 'onsite',
      priceType: 'negotiable',
      regionCode: '510131',
    });
    expect(service.statusCode).toBe(201);
    const need = await u.client.post('/api/needs', {
      kind: 'service',
      title: '果园土壤检测',
      summary: '需要对 20 亩猕猴桃园做一次土壤养分检测并给出施肥建议。',
      description: '果园位于蒲江县，希望一个月内完成采样与检测。',
      regionCode: '510131',
    });
    expect(need.statusCode).toBe(201);
    for (const path of [`/api/capabilities/${service.json().id}`, `/api/needs/${need.json().id}`])
      expect((await u.client.post(`${path}/submit`, {})).json().status).toBe('published');

    const del = await u.client.req('DELETE', '/api/account', { password: u.password });
    expect(del.statusCode).toBe(200);
    const [cap] = await getDb().orm.select().from(capabilities).where(eq(capabilities.id, service.json().id));
    const [own] = await getDb().orm.select().from(needs).where(eq(needs.id, need.json().id));
    expect([cap!.status, own!.status]).toEqual(['closed', 'closed']);
    const events = await getDb()
      .orm.select()
      .from(listingStatusEvents)
      .where(eq(listingStatusEvents.reason, 'account_deleted'));
    expect(events.map((e) => e.entityId).sort()).toEqual([service.json().id, need.json().id].sort());
    for (const path of [`/api/capabilities/${service.json().id}`, `/api/needs/${need.json().id}`])
      expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const [row] = await getDb().orm.select().from(scientistProfiles).where(eq(scientistProfiles.id, p.id));
    expect(row).toMatchObject({
      userId: null,
      name: '已注销用户',
      gender: null,
      birthYear: null,
      bio: null,
      skills: [],
      deliveredServices: [],
      status: 'closed',
    });
    expect(await versionsOf(getDb(), p.id)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/scientists/${p.id}` })).statusCode).toBe(404);
  });
});
