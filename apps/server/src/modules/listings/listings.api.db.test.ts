import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import {
  auditLog,
  capabilities,
  listingStatusEvents,
  listingVersions,
  ndaAcceptances,
  needs,
  type Db,
} from '@tianfu/db';
import { NDA_AGREEMENT_VERSION } from '@tianfu/contracts';
import { describeEachDb } from '@tianfu/db/testing';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { actAsHeaderHook, asActor } from '../../../test/helpers/actors.ts';
import type { CatalogChange } from '../../events/catalog-events.ts';
import type { Actor } from '../../policy/actor.ts';
import {
  buildListingUser,
  buildOrg,
  buildProfile,
  buildTeam,
  capabilityBody,
  needBody,
  resultBody,
} from './listings.factories.ts';
import { expireListings } from './listings.jobs.ts';

describeEachDb('listings API', (getDb) => {
  let t: TestApp;
  let db: Db;
  const events: CatalogChange[] = [];

  let scientist: Actor;
  let stranger: Actor;
  let entOwner: Actor;
  let entMember: Actor;
  let chengduOfficer: Actor;
  let mianyangOfficer: Actor;
  let admin: Actor;
  let orgId: string;

  beforeAll(async () => {
    db = getDb();
    t = await buildTestApp({ db, beforeReady: actAsHeaderHook, config: { MATCH_INDEX_POLL_MS: 0 } });
    t.app.catalogEvents.on((c) => void events.push(...c));
    scientist = await buildListingUser(db, { name: '王果树' });
    await buildProfile(db, { userId: scientist.userId, name: '王果树', regionCode: '510104' });
    stranger = await buildListingUser(db);
    entOwner = await buildListingUser(db, { kind: 'organization' });
    entMember = await buildListingUser(db, { kind: 'organization' });
    orgId = (
      await buildOrg(db, entOwner.userId, { regionCode: '510131', members: [[entMember.userId, 'member']] })
    ).id;
    chengduOfficer = await buildListingUser(db, { roles: [['officer', '5101']] });
    mianyangOfficer = await buildListingUser(db, { roles: [['officer', '5107']] });
    admin = await buildListingUser(db, { roles: [['admin', null]] });
  });
  afterAll(async () => {
    await t.close();
  });

  const req = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    actor?: Actor | null,
    payload?: unknown,
    lang = 'zh-CN',
  ) =>
    t.app.inject({
      method,
      url,
      headers: { 'accept-language': lang, ...(actor ? asActor(actor) : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  const deniedRows = (action: string, targetId: string) =>
    db.orm
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, action), eq(auditLog.outcome, 'denied'), eq(auditLog.targetId, targetId)),
      );

  const statusTrail = async (id: string) =>
    (
      await db.orm
        .select()
        .from(listingStatusEvents)
        .where(eq(listingStatusEvents.entityId, id))
        .orderBy(asc(listingStatusEvents.at), asc(listingStatusEvents.id))
    ).map((e) => `${e.fromStatus ?? '∅'}→${e.toStatus}${e.reason ? `(${e.reason})` : ''}`);

  it('lists every listings route in the OpenAPI document', async () => {
    const doc = (await req('GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const base of ['/api/capabilities', '/api/results', '/api/needs']) {
      expect(Object.keys(doc.paths[base] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
      expect(Object.keys(doc.paths[`${base}/{id}`] ?? {})).toEqual(expect.arrayContaining(['get', 'patch']));
      expect(doc.paths[`${base}/{id}/submit`]).toHaveProperty('post');
      expect(doc.paths[`${base}/{id}/close`]).toHaveProperty('post');
    }
    expect(doc.paths['/api/needs/{id}/nda']).toHaveProperty('post');
    expect(doc.paths['/api/mine/listings']).toHaveProperty('get');
    expect(doc.paths['/api/review/queue']).toHaveProperty('get');
    expect(doc.paths['/api/review/{type}/{id}']).toHaveProperty('post');
    expect(Object.keys(doc.paths['/api/region-settings/{code}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'put']),
    );
  });

  describe('capability life cycle (auto publish)', () => {
    let id: string;

    it('creates a private draft, version 1, owned through the scientist profile', async () => {
      const res = await req('POST', '/api/capabilities', scientist, capabilityBody({ regionCode: '510104' }));
      expect(res.statusCode).toBe(201);
      const body = res.json();
      id = body.id;
      expect(body).toMatchObject({
        status: 'draft',
        version: 1,
        ownerType: 'scientist',
        ownerName: '王果树',
        authorId: scientist.userId,
        canEdit: true,
        rejectionReason: null,
      });
      expect((await req('GET', `/api/capabilities/${id}`)).statusCode).toBe(404);
      expect((await req('GET', `/api/capabilities/${id}`, stranger)).statusCode).toBe(404);
      // Officers of the region may look at drafts; they cannot edit them.
      const asOfficer = (await req('GET', `/api/capabilities/${id}`, chengduOfficer)).json();
      expect(asOfficer).toMatchObject({ status: 'draft', canEdit: false });
    });

    it('versions every edit', async () => {
      const res = await req('PATCH', `/api/capabilities/${id}`, scientist, {
        price: 25000,
        durationDays: 45,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ version: 2, price: 25000, durationDays: 45, status: 'draft' });
      const versions = await db.orm
        .select()
        .from(listingVersions)
        .where(and(eq(listingVersions.entityType, 'capability'), eq(listingVersions.entityId, id)))
        .orderBy(asc(listingVersions.version));
      expect(versions.map((v) => [v.version, v.data.price, v.changedBy])).toEqual([
        [1, 20000, scientist.userId],
        [2, 25000, scientist.userId],
      ]);
    });

    it('refuses a fixed price without an amount on the merged record', async () => {
      const res = await req('PATCH', `/api/capabilities/${id}`, scientist, { price: null }, 'en');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ price: 'A fixed price needs an amount' });
    });

    it('denies strangers with 403 and an audit row', async () => {
      const res = await req('PATCH', `/api/capabilities/${id}`, stranger, { price: 1 });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('listing.not_owner');
      expect(await deniedRows('capability.update', id)).toHaveLength(1);
      expect((await req('POST', `/api/capabilities/${id}/submit`, stranger)).statusCode).toBe(403);
      expect(await deniedRows('capability.submit', id)).toHaveLength(1);
      expect((await req('PATCH', `/api/capabilities/${id}`, null, { price: 1 })).statusCode).toBe(401);
    });

    it('publishes on submit where the region publishes automatically', async () => {
      events.length = 0;
      const res = await req('POST', `/api/capabilities/${id}/submit`, scientist);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        type: 'capability',
        id,
        status: 'published',
        rejectionReason: null,
        version: 2,
      });
      expect(events).toEqual([{ type: 'capability', id, removed: false }]);
      expect(await statusTrail(id)).toEqual([
        '∅→draft',
        'draft→submitted',
        'submitted→published(auto_publish)',
      ]);
      const pub = (await req('GET', `/api/capabilities/${id}`)).json();
      expect(pub.status).toBe('published');
      expect(pub).not.toHaveProperty('authorId');
      expect(pub.expiresAt).not.toBeNull();
      expect((await req('POST', `/api/capabilities/${id}/submit`, scientist)).statusCode).toBe(409);
    });

    it('lists published capabilities with region subtree, discipline and industry filters', async () => {
      const list = async (qs: string) => (await req('GET', `/api/capabilities?${qs}`)).json();
      const all = await list('pageSize=5');
      expect(all.items.map((i: { id: string }) => i.id)).toContain(id);
      expect(all).toMatchObject({ page: 1, pageSize: 5 });
      expect((await list('region=510000')).total).toBe(1);
      expect((await list('region=5101')).total).toBe(1);
      expect((await list('region=5107')).total).toBe(0);
      expect((await list('discipline=210')).total).toBe(1);
      expect((await list('industry=01')).total).toBe(1);
      expect((await list('industry=C')).total).toBe(0);
      expect((await list(`q=${encodeURIComponent('病害防控')}`)).total).toBe(1);
      expect((await list('priceMax=1000')).total).toBe(0);
    });

    it('closes; the public no longer sees it', async () => {
      events.length = 0;
      const res = await req('POST', `/api/capabilities/${id}/close`, scientist, { reason: '档期已满' });
      expect(res.json().status).toBe('closed');
      expect(events).toEqual([{ type: 'capability', id, removed: true }]);
      expect((await req('GET', `/api/capabilities/${id}`)).statusCode).toBe(404);
      expect((await req('PATCH', `/api/capabilities/${id}`, scientist, { price: 1 })).statusCode).toBe(409);
    });

    it('asks a scientist without a profile to create one, and checks team leads', async () => {
      const res = await req('POST', '/api/capabilities', stranger, capabilityBody());
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('listing.scientist_profile_required');
      const team = await buildTeam(db, scientist.userId);
      const asTeam = capabilityBody({ ownerType: 'team', teamId: team.id });
      expect((await req('POST', '/api/capabilities', stranger, asTeam)).statusCode).toBe(403);
      const ok = await req('POST', '/api/capabilities', scientist, asTeam);
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ ownerType: 'team', teamId: team.id });
    });
  });

  describe('need life cycle under officer review', () => {
    let id: string;

    it('lets officers set a region to review mode; the subtree inherits it', async () => {
      expect(
        (await req('PUT', '/api/region-settings/5101', mianyangOfficer, { publishMode: 'review' }))
          .statusCode,
      ).toBe(403);
      expect(await deniedRows('region_setting.update', '5101')).toHaveLength(1);
      const put = await req('PUT', '/api/region-settings/510100', chengduOfficer, { publishMode: 'review' });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({ regionCode: '5101', publishMode: 'review', inherited: false });
      const child = (await req('GET', '/api/region-settings/510131', chengduOfficer)).json();
      expect(child).toMatchObject({ publishMode: 'review', inherited: true, sourceRegionCode: '5101' });
      const province = (await req('GET', '/api/region-settings/51', admin)).json();
      expect(province).toMatchObject({ publishMode: 'auto', inherited: true, sourceRegionCode: null });
      expect((await req('GET', '/api/region-settings/519999', admin)).statusCode).toBe(400);
    });

    it('creates an enterprise need (owner/admin only) with a quality score', async () => {
      expect((await req('POST', '/api/needs', entMember, needBody({ orgId }))).statusCode).toBe(403);
      expect((await req('POST', '/api/needs', stranger, needBody({ orgId }))).statusCode).toBe(403);
      const res = await req('POST', '/api/needs', entOwner, needBody({ orgId }));
      expect(res.statusCode).toBe(201);
      id = res.json().id;
      expect(res.json()).toMatchObject({ status: 'draft', orgId, qualityScore: 100, regionCode: '510131' });
      const vague = await req(
        'POST',
        '/api/needs',
        entOwner,
        needBody({
          title: '技术需求',
          description: '需要相关技术的一些支持，欢迎联系。',
          keywords: [],
          budgetMin: null,
          budgetMax: null,
          deadline: null,
        }),
      );
      expect(vague.json().qualityScore).toBeLessThan(50);
    });

    it('waits for review on submit and shows in the queue of the right officers only', async () => {
      const res = await req('POST', `/api/needs/${id}/submit`, entOwner);
      expect(res.json()).toMatchObject({ status: 'submitted' });
      const queue = (await req('GET', '/api/review/queue', chengduOfficer)).json();
      expect(queue.items).toEqual([expect.objectContaining({ type: 'need', id, regionCode: '510131' })]);
      expect((await req('GET', '/api/review/queue', mianyangOfficer)).json().total).toBe(0);
      expect((await req('GET', '/api/review/queue?region=5107', admin)).json().total).toBe(0);
      expect((await req('GET', '/api/review/queue', stranger)).statusCode).toBe(403);
      expect((await req('GET', `/api/needs/${id}`)).statusCode).toBe(404);
    });

    it('denies an officer of another region, with an audit row', async () => {
      const res = await req('POST', `/api/review/need/${id}`, mianyangOfficer, { decision: 'approve' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('error.forbidden_region');
      expect(await deniedRows('need.review', id)).toHaveLength(1);
    });

    it('rejects with a reason the author sees', async () => {
      const noReason = await req(
        'POST',
        `/api/review/need/${id}`,
        chengduOfficer,
        { decision: 'reject' },
        'en',
      );
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields.reason).toBe('A reason is required when rejecting');
      const res = await req('POST', `/api/review/need/${id}`, chengduOfficer, {
        decision: 'reject',
        reason: '请补充现场条件说明',
      });
      expect(res.json()).toMatchObject({ status: 'rejected', rejectionReason: '请补充现场条件说明' });
      expect((await req('GET', `/api/needs/${id}`, entOwner)).json()).toMatchObject({
        status: 'rejected',
        rejectionReason: '请补充现场条件说明',
      });
      const mine = (await req('GET', '/api/mine/listings?type=need&status=rejected', entOwner)).json();
      expect(mine.items).toEqual([
        expect.objectContaining({ id, status: 'rejected', rejectionReason: '请补充现场条件说明' }),
      ]);
      const ids = async (actor: Actor | null) => {
        const res = await req('GET', '/api/needs?status=rejected', actor);
        return res.statusCode === 200 ? res.json().items.map((n: { id: string }) => n.id) : res.statusCode;
      };
      expect(await ids(entOwner)).toEqual([id]);
      expect(await ids(chengduOfficer)).toEqual([id]);
      expect(await ids(mianyangOfficer)).toEqual([]);
      expect(await ids(stranger)).toEqual([]);
      expect(await ids(null)).toBe(401);
      expect(
        (await req('GET', '/api/needs?pageSize=50')).json().items.map((n: { id: string }) => n.id),
      ).not.toContain(id);
    });

    it('is edited, resubmitted and approved', async () => {
      const edit = await req('PATCH', `/api/needs/${id}`, entOwner, {
        description: `${needBody().description}基地海拔 600 米，交通便利。`,
      });
      expect(edit.json()).toMatchObject({ status: 'rejected', version: 2 });
      expect((await req('POST', `/api/needs/${id}/submit`, entOwner)).json()).toMatchObject({
        status: 'submitted',
        rejectionReason: null,
      });
      const ok = await req('POST', `/api/review/need/${id}`, chengduOfficer, { decision: 'approve' });
      expect(ok.json()).toMatchObject({ status: 'published' });
      expect(
        (await req('POST', `/api/review/need/${id}`, chengduOfficer, { decision: 'approve' })).statusCode,
      ).toBe(409);
      expect(await statusTrail(id)).toEqual([
        '∅→draft',
        'draft→submitted',
        'submitted→rejected(请补充现场条件说明)',
        'rejected→submitted',
        'submitted→published',
      ]);
      const pub = await req('GET', `/api/needs?region=5101&kind=rd_problem`);
      expect(pub.json().items.map((n: { id: string }) => n.id)).toContain(id);
    });

    it('sends an edited published need back to review in a review region', async () => {
      const edit = await req('PATCH', `/api/needs/${id}`, entOwner, { budgetMax: 400000 });
      expect(edit.json()).toMatchObject({ status: 'submitted', version: 3, budgetMax: 400000 });
      expect(
        (await req('POST', `/api/review/need/${id}`, chengduOfficer, { decision: 'approve' })).json().status,
      ).toBe('published');
    });
  });

  describe('sensitive words', () => {
    it('refuses the submit, lists the words per field, and writes nothing', async () => {
      const created = await req(
        'POST',
        '/api/capabilities',
        scientist,
        capabilityBody({
          title: '网络赌博平台技术开发',
          description: '提供代开发票与资金结算服务，结算稳定可靠，支持多种方式。',
          regionCode: '5107',
        }),
      );
      const id = created.json().id;
      const before = await db.orm
        .select()
        .from(listingStatusEvents)
        .where(eq(listingStatusEvents.entityId, id));
      const zh = await req('POST', `/api/capabilities/${id}/submit`, scientist);
      expect(zh.statusCode).toBe(400);
      const err = zh.json().error;
      expect(err.code).toBe('listing.sensitive_words');
      expect(err.message).toBe('内容含有敏感词：赌博、代开发票，请修改后再提交');
      expect(err.fields).toEqual({ title: '含有敏感词：赌博', description: '含有敏感词：代开发票' });
      const en = await req('POST', `/api/capabilities/${id}/submit`, scientist, undefined, 'en');
      expect(en.json().error.fields.title).toBe('Sensitive words: 赌博');
      const [row] = await db.orm.select().from(capabilities).where(eq(capabilities.id, id));
      expect(row).toMatchObject({ status: 'draft', version: 1 });
      expect(
        await db.orm.select().from(listingStatusEvents).where(eq(listingStatusEvents.entityId, id)),
      ).toEqual(before);
    });
  });

  it('checks sensitive words when a published listing is edited, keeping the old version', async () => {
    const id = (
      await req('POST', '/api/capabilities', scientist, capabilityBody({ regionCode: '5107' }))
    ).json().id;
    expect((await req('POST', `/api/capabilities/${id}/submit`, scientist)).json().status).toBe('published');
    const res = await req('PATCH', `/api/capabilities/${id}`, scientist, { keywords: ['猕猴桃', '洗钱'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ keywords: '含有敏感词：洗钱' });
    const [row] = await db.orm.select().from(capabilities).where(eq(capabilities.id, id));
    expect(row).toMatchObject({ version: 1, status: 'published', keywords: ['猕猴桃', '病害防控'] });
  });

  describe('confidential need and the NDA gate', () => {
    let id: string;
    beforeAll(async () => {
      const res = await req(
        'POST',
        '/api/needs',
        entOwner,
        needBody({
          orgId,
          regionCode: '510704',
          confidential: true,
          description: '配方细节：A 组分 35%，B 组分 20%，反应温度 180℃，需要降低能耗 15%。',
        }),
      );
      id = res.json().id;
      expect((await req('POST', `/api/needs/${id}/submit`, entOwner)).json().status).toBe('published');
    });

    it('shows the summary to everyone and the details only after the NDA', async () => {
      const anon = (await req('GET', `/api/needs/${id}`)).json();
      expect(anon).toMatchObject({ confidential: true, details: null, ndaRequired: true });
      expect(JSON.stringify(anon)).not.toContain('配方细节');
      expect((await req('GET', `/api/needs/${id}`, stranger)).json().details).toBeNull();
      expect(
        (await req('POST', `/api/needs/${id}/nda`, null, { agreementVersion: NDA_AGREEMENT_VERSION }))
          .statusCode,
      ).toBe(401);
      expect(
        (await req('POST', `/api/needs/${id}/nda`, stranger, { agreementVersion: '1999-01' })).statusCode,
      ).toBe(400);
      const acc = await req('POST', `/api/needs/${id}/nda`, stranger, {
        agreementVersion: NDA_AGREEMENT_VERSION,
      });
      expect(acc.statusCode).toBe(200);
      expect(acc.json()).toMatchObject({ needId: id, agreementVersion: NDA_AGREEMENT_VERSION });
      const again = await req('POST', `/api/needs/${id}/nda`, stranger, {
        agreementVersion: NDA_AGREEMENT_VERSION,
      });
      expect(again.json().acceptedAt).toBe(acc.json().acceptedAt);
      const rows = await db.orm.select().from(ndaAcceptances).where(eq(ndaAcceptances.needId, id));
      expect(rows).toEqual([
        expect.objectContaining({
          userId: stranger.userId,
          ip: '127.0.0.1',
          agreementVersion: NDA_AGREEMENT_VERSION,
        }),
      ]);
      const audits = await db.orm
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'need.nda.accept'), eq(auditLog.targetId, id)));
      expect(audits).toHaveLength(1);
      const after = (await req('GET', `/api/needs/${id}`, stranger)).json();
      expect(after).toMatchObject({
        ndaRequired: false,
        details: { description: expect.stringContaining('配方细节') },
      });
      expect(after).not.toHaveProperty('authorId');
    });

    it('shows the details to the owner and officers of the region, with the NDA count', async () => {
      expect((await req('GET', `/api/needs/${id}`, entOwner)).json()).toMatchObject({
        ndaRequired: false,
        ndaAcceptanceCount: 1,
        canEdit: true,
      });
      expect((await req('GET', `/api/needs/${id}`, mianyangOfficer)).json().details).not.toBeNull();
      expect((await req('GET', `/api/needs/${id}`, chengduOfficer)).json().details).toBeNull();
    });

    it('asks a viewer who accepted an older agreement version to accept the current one', async () => {
      const earlier = await buildListingUser(db, { name: '旧版签署人' });
      // An acceptance recorded before the agreement text changed (its version is not the current one).
      await db.orm.insert(ndaAcceptances).values({
        needId: id,
        userId: earlier.userId,
        ip: '10.0.0.8',
        agreementVersion: '2025-01',
        acceptedAt: new Date('2025-06-01T00:00:00Z'),
      });
      const before = (await req('GET', `/api/needs/${id}`, earlier)).json();
      expect(before).toMatchObject({
        details: null,
        ndaRequired: true,
        ndaReacceptRequired: true,
        ndaAgreementVersion: NDA_AGREEMENT_VERSION,
      });
      expect(JSON.stringify(before)).not.toContain('配方细节');
      // Someone who never accepted is not "re"-accepting.
      const fresh = (await req('GET', `/api/needs/${id}`, await buildListingUser(db))).json();
      expect(fresh).toMatchObject({ ndaRequired: true, ndaReacceptRequired: false });
      // The old version is refused; the current one opens the details and keeps the old record.
      expect(
        (await req('POST', `/api/needs/${id}/nda`, earlier, { agreementVersion: '2025-01' })).statusCode,
      ).toBe(400);
      const acc = await req('POST', `/api/needs/${id}/nda`, earlier, {
        agreementVersion: NDA_AGREEMENT_VERSION,
      });
      expect(acc.statusCode).toBe(200);
      expect(acc.json().agreementVersion).toBe(NDA_AGREEMENT_VERSION);
      const after = (await req('GET', `/api/needs/${id}`, earlier)).json();
      expect(after).toMatchObject({ ndaRequired: false, ndaReacceptRequired: false });
      expect(after.details.description).toContain('配方细节');
      const rows = await db.orm
        .select()
        .from(ndaAcceptances)
        .where(and(eq(ndaAcceptances.needId, id), eq(ndaAcceptances.userId, earlier.userId)))
        .orderBy(asc(ndaAcceptances.acceptedAt));
      expect(rows.map((r) => r.agreementVersion)).toEqual(['2025-01', NDA_AGREEMENT_VERSION]);
      // The owner counts people, not acceptances.
      expect((await req('GET', `/api/needs/${id}`, entOwner)).json().ndaAcceptanceCount).toBe(2);
    });
  });

  describe('results: the reserve price', () => {
    it('is seen by the owner and officers of the region only', async () => {
      const created = await req('POST', '/api/results', scientist, resultBody({ regionCode: '510107' }));
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect(created.json().reservePrice).toBe(300000);
      expect((await req('POST', `/api/results/${id}/submit`, scientist)).json().status).toBe('submitted');
      expect(
        (await req('POST', `/api/review/result/${id}`, chengduOfficer, { decision: 'approve' })).json()
          .status,
      ).toBe('published');
      const pub = (await req('GET', `/api/results/${id}`, stranger)).json();
      expect(pub).toMatchObject({ askingPrice: 500000, maturity: 6 });
      expect(pub).not.toHaveProperty('reservePrice');
      expect((await req('GET', `/api/results/${id}`, chengduOfficer)).json().reservePrice).toBe(300000);
      expect((await req('GET', `/api/results/${id}`, mianyangOfficer)).json()).not.toHaveProperty(
        'reservePrice',
      );
      const listed = (await req('GET', '/api/results?maturityMin=5&transferMode=license')).json();
      expect(listed.items.map((r: { id: string }) => r.id)).toContain(id);
      expect(JSON.stringify(listed)).not.toContain('300000');
    });

    it('refuses a reserve above the asking price after a partial edit', async () => {
      const id = (await req('POST', '/api/results', scientist, resultBody())).json().id;
      const res = await req('PATCH', `/api/results/${id}`, scientist, { reservePrice: 900000 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.reservePrice).toBe('保留价不能高于挂牌价');
    });
  });

  describe('validation', () => {
    it('reports field paths in zh-CN and en', async () => {
      const body = needBody({ budgetMin: 500000, budgetMax: 1000, disciplines: ['999'], regionCode: 'x' });
      const zh = (await req('POST', '/api/needs', entOwner, body)).json().error;
      expect(zh.code).toBe('error.validation');
      expect(zh.fields).toMatchObject({
        budgetMax: '预算上限不能低于预算下限',
        'disciplines.0': expect.stringContaining('学科代码无效'),
        regionCode: expect.any(String),
      });
      const en = (await req('POST', '/api/needs', entOwner, body, 'en')).json().error;
      expect(en.fields.budgetMax).toBe('The budget maximum cannot be below the minimum');
      expect(en.fields['disciplines.0']).toMatch(/Unknown discipline code/);
      const unknownRegion = await req(
        'POST',
        '/api/needs',
        entOwner,
        needBody({ regionCode: '519999' }),
        'en',
      );
      expect(unknownRegion.json().error.fields).toEqual({ regionCode: 'No such region' });
      expect((await req('GET', '/api/needs/not-a-uuid')).statusCode).toBe(400);
    });

    it('refuses to submit a need whose deadline has passed', async () => {
      const id = (
        await req('POST', '/api/needs', entOwner, needBody({ deadline: '2020-01-01', regionCode: '5107' }))
      ).json().id;
      const res = await req('POST', `/api/needs/${id}/submit`, entOwner, undefined, 'en');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'listing.deadline_past',
        fields: { deadline: 'The deadline has passed' },
      });
    });
  });

  describe('expiry job', () => {
    it('expires needs past their deadline and listings past expires_at, once', async () => {
      const day = 86_400_000;
      const inDays = (n: number) => new Date(Date.now() + n * day);
      const deadline = inDays(30).toISOString().slice(0, 10);
      const needId = (
        await req('POST', '/api/needs', entOwner, needBody({ regionCode: '5107', deadline }))
      ).json().id;
      expect((await req('POST', `/api/needs/${needId}/submit`, entOwner)).json().status).toBe('published');
      const capId = (
        await req('POST', '/api/capabilities', scientist, capabilityBody({ regionCode: '5107' }))
      ).json().id;
      expect((await req('POST', `/api/capabilities/${capId}/submit`, scientist)).json().status).toBe(
        'published',
      );

      expect(await expireListings({ db, config: t.config }, inDays(20))).toEqual([]);
      const first = await expireListings({ db, config: t.config }, inDays(32));
      expect(first.map((e) => e.id)).toContain(needId);
      expect(first.map((e) => e.id)).not.toContain(capId);
      const [need] = await db.orm.select().from(needs).where(eq(needs.id, needId));
      expect(need!.status).toBe('expired');
      // The capability's time to live (365 days) runs out later.
      const second = await expireListings({ db, config: t.config }, inDays(400));
      expect(second.map((e) => e.id)).toContain(capId);
      expect(await expireListings({ db, config: t.config }, inDays(400))).toEqual([]);
      expect(await statusTrail(needId)).toContain('published→expired(deadline_or_expiry)');
      expect((await req('GET', `/api/needs/${needId}`)).statusCode).toBe(404);
      // An expired need is renewed by moving the deadline and submitting again.
      const moved = await req('PATCH', `/api/needs/${needId}`, entOwner, {
        deadline: inDays(90).toISOString().slice(0, 10),
      });
      expect(moved.json().status).toBe('expired');
      expect((await req('POST', `/api/needs/${needId}/submit`, entOwner)).json().status).toBe('published');
    });
  });
});
