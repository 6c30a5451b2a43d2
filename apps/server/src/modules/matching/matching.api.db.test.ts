import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildTrainingSet, parseOutcomeEvent } from '@tianfu/match';
import type { MatchList, NeedAssessResponse, SearchPage } from '@tianfu/contracts';
import { capabilities, matchOutcomes, needs, orgMembers, scientistProfiles, type Db } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { actAsHeaderHook, asActor } from '../../../test/helpers/actors.ts';
import type { Actor } from '../../policy/actor.ts';
import {
  buildCapabilityRow,
  buildEnterprise,
  buildMatchUser,
  buildNeedRow,
  buildScientistProfile,
  buildTeamRow,
} from './matching.factories.ts';

const FILLER_SKILLS = [
  ['生猪养殖', '非洲猪瘟防控'],
  ['中药材种植', '川芎规范化栽培'],
  ['白酒酿造', '窖池微生物'],
  ['轨道交通信号', '列车控制系统'],
  ['页岩气开采', '压裂工艺'],
  ['锂电池材料', '正极材料合成'],
  ['污水处理', '膜生物反应器'],
  ['桥梁检测', '结构健康监测'],
  ['集成电路设计', '模拟电路'],
  ['无人机航测', '遥感影像处理'],
  ['茶叶加工', '名优绿茶'],
  ['柑橘栽培', '晚熟柑橘品种'],
  ['肉牛养殖', '饲草料配制'],
  ['文旅规划', '乡村旅游'],
  ['钒钛冶金', '钛白粉工艺'],
  ['食用菌栽培', '羊肚菌'],
];

describeEachDb('search and matching API', (getDb) => {
  let t: TestApp;
  let db: Db;
  let owner: Actor;
  let stranger: Actor;
  let admin: Actor;
  let kiwiSci: Awaited<ReturnType<typeof buildScientistProfile>>;
  let kiwiUser: Actor;
  let colleague: Awaited<ReturnType<typeof buildScientistProfile>>;
  let teammate: Awaited<ReturnType<typeof buildScientistProfile>>;
  let riceSci: Awaited<ReturnType<typeof buildScientistProfile>>;
  let org: Awaited<ReturnType<typeof buildEnterprise>>;
  let need: Awaited<ReturnType<typeof buildNeedRow>>;

  beforeAll(async () => {
    db = getDb();
    const o = await buildMatchUser(db, { kind: 'organization', regionCode: '510104' });
    owner = o.actor;
    stranger = (await buildMatchUser(db)).actor;
    admin = { ...(await buildMatchUser(db)).actor, roles: [{ role: 'admin', regionCode: null }] };
    org = await buildEnterprise(db, {
      ownerId: o.user.id,
      name: '蒲江猕猴桃种植合作社',
      regionCode: '510131',
      description: '猕猴桃种植与销售',
    });
    const k = await buildMatchUser(db, { kind: 'scientist', regionCode: '5118' });
    kiwiUser = k.actor;
    kiwiSci = await buildScientistProfile(db, {
      userId: k.user.id,
      name: '王果树',
      skills: ['猕猴桃溃疡病防治', '果树病虫害综合防治'],
      bio: '长期从事猕猴桃细菌性溃疡病的研究与田间防治',
      disciplines: ['210'],
      regionCode: '511803',
      deliveredServices: [{ title: '雅安猕猴桃溃疡病田间诊断', description: '为合作社提供病害诊断' }],
    });
    // Same organization as the need's enterprise: a conflict of interest.
    colleague = await buildScientistProfile(db, {
      name: '李同事',
      skills: ['猕猴桃溃疡病防治'],
      bio: '猕猴桃病害',
      orgId: org.id,
    });
    // In a team with the need's owner: a conflict too.
    const tm = await buildMatchUser(db, { kind: 'scientist' });
    teammate = await buildScientistProfile(db, {
      userId: tm.user.id,
      name: '赵队友',
      skills: ['猕猴桃溃疡病', '果园管理'],
    });
    await buildTeamRow(db, { leadId: tm.user.id, memberIds: [o.user.id], name: '猕猴桃创新团队' });
    riceSci = await buildScientistProfile(db, {
      name: '张水稻',
      skills: ['杂交水稻育种', '水稻栽培'],
      bio: '水稻高产栽培技术',
      regionCode: '510104',
    });
    // A realistic spread of other fields, so the corpus statistics mean something.
    for (const skills of FILLER_SKILLS) await buildScientistProfile(db, { skills, bio: skills.join('，') });
    need = await buildNeedRow(db, {
      orgId: org.id,
      authorId: o.user.id,
      title: '猕猴桃溃疡病综合防治技术攻关',
      summary: '我社猕猴桃果园溃疡病高发，寻求综合防治方案',
      description: '保密细节：去年减产三成，涉及红阳品种的秘密配方试验',
      confidential: true,
      keywords: ['猕猴桃', '溃疡病'],
      disciplines: ['210'],
      regionCode: '510131',
      budgetMax: 200000,
    });
    t = await buildTestApp({ db, beforeReady: actAsHeaderHook, config: { MATCH_INDEX_POLL_MS: 0 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, actor?: Actor) =>
    t.app.inject({ method: 'GET', url, headers: actor ? asActor(actor) : {} });
  const post = (url: string, actor: Actor | undefined, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: actor ? asActor(actor) : {}, payload });

  describe('search', () => {
    it('finds scientists by skills, with matched terms', async () => {
      const res = await get(`/api/search?text=${encodeURIComponent('猕猴桃溃疡病')}&kinds=scientist`);
      expect(res.statusCode).toBe(200);
      const page = res.json<SearchPage>();
      const ids = page.items.map((i) => i.id);
      expect(ids).toContain(kiwiSci.id);
      expect(ids).not.toContain(riceSci.id);
      const hit = page.items.find((i) => i.id === kiwiSci.id)!;
      expect(hit.kind).toBe('scientist');
      expect(hit.explanation!.terms.map((x) => x.term).join(' ')).toMatch(/猕猴桃|溃疡/);
      expect(page.sort).toBe('relevance');
    });

    it('shows a confidential need by its summary only', async () => {
      const res = await get(`/api/search?text=${encodeURIComponent('猕猴桃')}&kinds=need`);
      const page = res.json<SearchPage>();
      expect(page.items.map((i) => i.id)).toEqual([need.id]);
      expect(page.items[0]!.summary).toContain('综合防治方案');
      expect(res.body).not.toContain('秘密配方');
      // The details are not even searchable.
      const secret = await get(`/api/search?text=${encodeURIComponent('秘密配方')}&kinds=need`);
      expect(secret.json<SearchPage>().total).toBe(0);
    });

    it('browses by filters newest first without text, and rejects a bad filter', async () => {
      const res = await get('/api/search?kinds=scientist&region=5118');
      const page = res.json<SearchPage>();
      expect(page.sort).toBe('newest');
      expect(page.items.map((i) => i.id)).toEqual([kiwiSci.id]);
      expect(page.items[0]!.explanation).toBeNull();
      const bad = await get('/api/search?discipline=999999');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toHaveProperty('discipline');
    });
  });

  describe('recommendations for a need', () => {
    let list: MatchList;

    it('lists the matching scientist with reasons and excludes conflicts of interest', async () => {
      const res = await get(`/api/needs/${need.id}/matches?kind=scientist`, owner);
      expect(res.statusCode).toBe(200);
      list = res.json<MatchList>();
      const ids = list.items.map((i) => i.id);
      expect(ids[0]).toBe(kiwiSci.id);
      expect(ids).not.toContain(colleague.id);
      expect(ids).not.toContain(teammate.id);
      const top = list.items[0]!;
      expect(top.explanation.terms.length).toBeGreaterThan(0);
      expect(top.explanation.reasons.map((r) => r.code)).toContain('same_discipline');
      expect(top.explanation.parts).toHaveProperty('lexical');
      expect(top.recommended).toBe(true);
      expect(list.excluded.count).toBe(2);
      expect(list.excluded.reasons.map((r) => r.code).sort()).toEqual(['same_org', 'same_team']);
      // Every listed item was recorded as shown, with its score parts.
      const shown = await db.orm.select().from(matchOutcomes).where(eq(matchOutcomes.queryId, list.queryId));
      expect(shown.length).toBe(list.items.length);
      expect(shown.every((s) => s.event === 'shown' && s.parts !== null)).toBe(true);
    });

    it('is for the owner and the officers of the region only', async () => {
      expect((await get(`/api/needs/${need.id}/matches`)).statusCode).toBe(401);
      expect((await get(`/api/needs/${need.id}/matches`, stranger)).statusCode).toBe(403);
      const officer = async (region: string) => ({
        ...(await buildMatchUser(db)).actor,
        roles: [{ role: 'officer' as const, regionCode: region }],
      });
      expect((await get(`/api/needs/${need.id}/matches`, await officer('5101'))).statusCode).toBe(200);
      expect((await get(`/api/needs/${need.id}/matches`, await officer('5107'))).statusCode).toBe(403);
      const missing = await get('/api/needs/00000000-0000-4000-8000-000000000000/matches', owner);
      expect(missing.statusCode).toBe(404);
    });

    it("stops showing a company need's recommendations to its author once they leave the company", async () => {
      const m = await buildMatchUser(db, { kind: 'organization', regionCode: '510104' });
      await db.orm.insert(orgMembers).values({ orgId: org.id, userId: m.user.id, role: 'member' });
      const own = await buildNeedRow(db, {
        orgId: org.id,
        authorId: m.user.id,
        title: '猕猴桃果园水肥一体化改造',
        keywords: ['猕猴桃'],
        regionCode: '510131',
      });
      t.app.catalogEvents.changed({ type: 'need', id: own.id });
      await t.app.catalogIndex.refresh();
      expect((await get(`/api/needs/${own.id}/matches`, m.actor)).statusCode).toBe(200);
      await db.orm
        .delete(orgMembers)
        .where(and(eq(orgMembers.orgId, org.id), eq(orgMembers.userId, m.user.id)));
      expect((await get(`/api/needs/${own.id}/matches`, m.actor)).statusCode).toBe(403);
      // The enterprise's owner still sees them.
      expect((await get(`/api/needs/${own.id}/matches`, owner)).statusCode).toBe(200);
    });

    it('stores "not relevant" feedback with a reason, and exports it for the trainer', async () => {
      const item = list.items.find((i) => i.id !== kiwiSci.id) ?? list.items[0]!;
      const noReason = await post('/api/matches/feedback', owner, {
        queryId: list.queryId,
        entityId: item.id,
        entityKind: 'scientist',
        event: 'dismissed',
      });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.fields).toHaveProperty('reason');
      const res = await post('/api/matches/feedback', owner, {
        queryId: list.queryId,
        entityId: item.id,
        entityKind: 'scientist',
        event: 'dismissed',
        reason: 'not_my_field',
      });
      expect(res.statusCode).toBe(201);
      const [row] = await db.orm.select().from(matchOutcomes).where(eq(matchOutcomes.id, res.json().id));
      expect(row).toMatchObject({ event: 'dismissed', reason: 'not_my_field', subjectId: need.id });
      const invited = await post('/api/matches/feedback', owner, {
        queryId: list.queryId,
        entityId: kiwiSci.id,
        entityKind: 'scientist',
        event: 'invited',
      });
      expect(invited.statusCode).toBe(201);
      // Someone else's list is not theirs to judge.
      const other = await post('/api/matches/feedback', stranger, {
        queryId: list.queryId,
        entityId: item.id,
        entityKind: 'scientist',
        event: 'dismissed',
        reason: 'too_far',
      });
      expect(other.statusCode).toBe(403);

      expect((await get('/api/matches/outcomes.jsonl', owner)).statusCode).toBe(403);
      const exp = await get('/api/matches/outcomes.jsonl', admin);
      expect(exp.statusCode).toBe(200);
      expect(exp.headers['content-type']).toContain('application/x-ndjson');
      const events = exp.body
        .trim()
        .split('\n')
        .map((l) => parseOutcomeEvent(JSON.parse(l)));
      const training = buildTrainingSet(events).find((q) => q.queryId === list.queryId)!;
      expect(training.items.find((i) => i.entityId === kiwiSci.id)!.grade).toBeGreaterThan(0);
      if (item.id !== kiwiSci.id) expect(training.items.find((i) => i.entityId === item.id)!.grade).toBe(-1);
    });
  });

  describe('declared relationships', () => {
    it('excludes a party declared by either side, and only the declarer may withdraw it', async () => {
      const d = await buildMatchUser(db, { kind: 'scientist' });
      const declarer = await buildScientistProfile(db, {
        userId: d.user.id,
        name: '周亲属',
        skills: ['猕猴桃溃疡病防治'],
        bio: '猕猴桃溃疡病',
      });
      await t.app.catalogIndex.refresh();
      const mine = await post('/api/matches/conflicts', d.actor, {
        relatedType: 'organization',
        relatedId: org.id,
        note: '亲属在该合作社任职',
      });
      expect(mine.statusCode).toBe(201);
      expect(mine.json().relatedName).toBe(org.name);
      const theirs = await post('/api/matches/conflicts', owner, {
        relatedType: 'scientist',
        relatedId: kiwiSci.id,
      });
      expect(theirs.statusCode).toBe(201);
      const missing = await post('/api/matches/conflicts', owner, {
        relatedType: 'team',
        relatedId: '00000000-0000-4000-8000-000000000000',
      });
      expect(missing.statusCode).toBe(404);

      const list = (await get(`/api/needs/${need.id}/matches?kind=scientist`, owner)).json<MatchList>();
      const ids = list.items.map((i) => i.id);
      expect(ids).not.toContain(declarer.id);
      expect(ids).not.toContain(kiwiSci.id);
      expect(list.excluded.reasons.map((r) => r.code)).toEqual(
        expect.arrayContaining(['declared_by_candidate', 'declared_by_requester']),
      );

      const id = theirs.json().id as string;
      const del = (actor: Actor) =>
        t.app.inject({ method: 'DELETE', url: `/api/matches/conflicts/${id}`, headers: asActor(actor) });
      expect((await del(d.actor)).statusCode).toBe(403);
      expect((await del(owner)).statusCode).toBe(200);
      expect((await get('/api/matches/conflicts', owner)).json().items).toEqual([]);
      const again = (await get(`/api/needs/${need.id}/matches?kind=scientist`, owner)).json<MatchList>();
      expect(again.items.map((i) => i.id)).toContain(kiwiSci.id);
    });
  });

  describe('recommendations for a scientist', () => {
    it('lists the need and the enterprise to the scientist', async () => {
      const res = await get(`/api/scientists/${kiwiSci.id}/matches?kind=need`, kiwiUser);
      expect(res.statusCode).toBe(200);
      const list = res.json<MatchList>();
      expect(list.items.map((i) => i.id)).toContain(need.id);
      expect(res.body).not.toContain('秘密配方');
      const ent = await get(`/api/scientists/${kiwiSci.id}/matches?kind=enterprise`, kiwiUser);
      expect(ent.json<MatchList>().items.map((i) => i.id)).toContain(org.id);
      expect((await get(`/api/scientists/${kiwiSci.id}/matches`, stranger)).statusCode).toBe(403);
    });

    it('excludes a need posted by their own organization', async () => {
      const res = await get(`/api/scientists/${colleague.id}/matches?kind=need`, admin);
      const list = res.json<MatchList>();
      expect(list.items.map((i) => i.id)).not.toContain(need.id);
      expect(list.excluded.reasons.map((r) => r.code)).toContain('same_org');
    });
  });

  describe('keeping the index in step', () => {
    it('makes an edit searchable after the change event', async () => {
      const q = `/api/search?text=${encodeURIComponent('猕猴桃授粉')}&kinds=scientist`;
      expect((await get(q)).json<SearchPage>().items.map((i) => i.id)).not.toContain(riceSci.id);
      await db.orm
        .update(scientistProfiles)
        .set({ skills: ['杂交水稻育种', '猕猴桃授粉技术'] })
        .where(eq(scientistProfiles.id, riceSci.id));
      t.app.catalogEvents.changed({ type: 'scientist', id: riceSci.id });
      await t.app.catalogIndex.idle();
      expect((await get(q)).json<SearchPage>().items.map((i) => i.id)).toContain(riceSci.id);
    });

    it('drops a closed listing from search and recommendations', async () => {
      const other = await buildNeedRow(db, {
        title: '猕猴桃冷链保鲜需求',
        summary: '猕猴桃采后冷链保鲜技术需求',
        keywords: ['猕猴桃'],
      });
      t.app.catalogEvents.changed({ type: 'need', id: other.id });
      await t.app.catalogIndex.idle();
      const q = `/api/search?text=${encodeURIComponent('猕猴桃冷链')}&kinds=need`;
      expect((await get(q)).json<SearchPage>().items.map((i) => i.id)).toContain(other.id);
      await db.orm.update(needs).set({ status: 'closed' }).where(eq(needs.id, other.id));
      t.app.catalogEvents.changed({ type: 'need', id: other.id, removed: true });
      await t.app.catalogIndex.idle();
      expect((await get(q)).json<SearchPage>().items.map((i) => i.id)).not.toContain(other.id);
      const recs = await get(`/api/scientists/${kiwiSci.id}/matches?kind=need`, kiwiUser);
      expect(recs.json<MatchList>().items.map((i) => i.id)).not.toContain(other.id);
    });

    it('picks up rows written elsewhere through the poll, with the owner profile', async () => {
      const cap = await buildCapabilityRow(db, {
        scientistId: kiwiSci.id,
        title: '猕猴桃果园土壤改良服务',
        description: '测土配方与有机质提升',
      });
      await t.app.catalogIndex.refresh();
      const q = `/api/search?text=${encodeURIComponent('土壤改良')}`;
      const ids = (await get(q)).json<SearchPage>().items.map((i) => i.id);
      expect(ids).toContain(cap.id);
      // The service is part of its owner's multi-document profile too.
      expect(ids).toContain(kiwiSci.id);
      await db.orm.update(capabilities).set({ status: 'closed' }).where(eq(capabilities.id, cap.id));
      await t.app.catalogIndex.refresh();
      const after = (await get(q)).json<SearchPage>().items.map((i) => i.id);
      expect(after).not.toContain(cap.id);
      expect(after).not.toContain(kiwiSci.id);
    });
  });

  describe('with the listings routes', () => {
    it('a need published through /api/needs is searchable at once and gets recommendations', async () => {
      const created = await post('/api/needs', owner, {
        kind: 'rd_problem',
        orgId: org.id,
        title: '猕猴桃溃疡病绿色防控技术',
        summary: '蒲江县猕猴桃基地溃疡病发病率高，寻求绿色防控方案与现场指导。',
        description:
          '我社种植红心猕猴桃 800 亩，近两年春季溃疡病发病率约 25%，希望引进生物防治或综合防控技术，两年内降到 5% 以下。',
        keywords: ['猕猴桃', '溃疡病', '绿色防控'],
        disciplines: ['210'],
        industries: ['A'],
        budgetMin: 100000,
        budgetMax: 300000,
        deadline: '2030-06-30',
        regionCode: '510131',
      });
      expect(created.statusCode).toBe(201);
      const id = created.json().id as string;
      const q = `/api/search?text=${encodeURIComponent('绿色防控')}&kinds=need`;
      expect((await get(q)).json<SearchPage>().items.map((i) => i.id)).not.toContain(id);
      const submitted = await post(`/api/needs/${id}/submit`, owner, {});
      expect(submitted.json().status).toBe('published');
      await t.app.catalogIndex.idle();
      expect((await get(q)).json<SearchPage>().items.map((i) => i.id)).toContain(id);
      const list = (await get(`/api/needs/${id}/matches`, owner)).json<MatchList>();
      expect(list.items.map((i) => i.id)).toContain(kiwiSci.id);
      const closed = await post(`/api/needs/${id}/close`, owner, {});
      expect(closed.statusCode).toBe(200);
      await t.app.catalogIndex.idle();
      expect((await get(q)).json<SearchPage>().items.map((i) => i.id)).not.toContain(id);
    });
  });

  describe('OpenAPI', () => {
    it('lists the search and matching routes', async () => {
      const doc = (await get('/api/openapi.json')).json<{ paths: Record<string, object> }>();
      for (const path of [
        '/api/search',
        '/api/needs/{id}/matches',
        '/api/scientists/{id}/matches',
        '/api/teams/{id}/matches',
        '/api/capabilities/{id}/matches',
        '/api/results/{id}/matches',
        '/api/matches/feedback',
        '/api/matches/outcomes.jsonl',
        '/api/matches/conflicts',
        '/api/needs/assess',
        '/api/saved-searches',
        '/api/saved-searches/{id}',
        '/api/notifications',
        '/api/notifications/unread-count',
      ])
        expect(doc.paths, path).toHaveProperty([path]);
    });
  });

  describe('need quality assistant', () => {
    it('names the terms that match nothing and counts matching scientists', async () => {
      const good = await post('/api/needs/assess', undefined, {
        title: '猕猴桃溃疡病防治',
        description: '猕猴桃果园溃疡病高发，需要防治方案',
      });
      expect(good.statusCode).toBe(200);
      const g = good.json<NeedAssessResponse>();
      expect(g.match.scientists).toBeGreaterThanOrEqual(1);
      expect(g.match.tooVague).toBe(false);
      expect(g.suggestions.map((s) => s.code)).toContain('no_budget');

      const vague = await post('/api/needs/assess', undefined, {
        title: '量子引力波探测器',
        description: '需要量子引力波探测器的相关支持',
      });
      const v = vague.json<NeedAssessResponse>();
      expect(v.match.tooVague).toBe(true);
      expect(v.match.unmatchedTerms.length).toBeGreaterThan(0);
      expect(v.match.unmatchedTerms.join(' ')).toMatch(/量子|引力/);
    });
  });
});

describe('catalog index poll', () => {
  it('sees a row written without an event within seconds', async () => {
    const t = await buildTestApp({ config: { MATCH_INDEX_POLL_MS: 200 } });
    try {
      const sci = await buildScientistProfile(t.db, { skills: ['茶叶加工工艺'] });
      await vi.waitFor(
        async () => {
          const res = await t.app.inject({
            method: 'GET',
            url: `/api/search?text=${encodeURIComponent('茶叶加工')}`,
          });
          expect(res.json<SearchPage>().items.map((i) => i.id)).toContain(sci.id);
        },
        { timeout: 5000, interval: 100 },
      );
    } finally {
      await t.close();
    }
  });
});
