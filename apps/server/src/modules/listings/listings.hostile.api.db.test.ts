/**
 * Hostile-input and abuse cases of the listings API: control characters, bodiless commands,
 * officers reviewing their own listings.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, listingVersions, needs, orgMembers, type Db } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { actAsHeaderHook, asActor } from '../../../test/helpers/actors.ts';
import type { Actor } from '../../policy/actor.ts';
import { buildListingUser, buildOrg, buildProfile, capabilityBody, needBody } from './listings.factories.ts';

describeEachDb('listings API: hostile input', (getDb) => {
  let t: TestApp;
  let db: Db;
  let entOwner: Actor;
  let orgId: string;
  let officer: Actor;
  let otherOfficer: Actor;

  beforeAll(async () => {
    db = getDb();
    t = await buildTestApp({ db, beforeReady: actAsHeaderHook, config: { MATCH_INDEX_POLL_MS: 0 } });
    entOwner = await buildListingUser(db, { kind: 'organization' });
    orgId = (await buildOrg(db, entOwner.userId, { regionCode: '510131' })).id;
    officer = await buildListingUser(db, { roles: [['officer', '5101']] });
    otherOfficer = await buildListingUser(db, { roles: [['officer', '5101']] });
  });
  afterAll(async () => {
    await t.close();
  });

  const req = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    actor?: Actor | null,
    payload?: unknown,
  ) =>
    t.app.inject({
      method,
      url,
      headers: { 'accept-language': 'en', ...(actor ? asActor(actor) : {}) },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  const needsOf = (userId: string) => db.orm.select().from(needs).where(eq(needs.authorId, userId));

  it('answers a NUL or other control character with a 400 on the field, writing nothing', async () => {
    const nul = await req('POST', '/api/needs', entOwner, needBody({ orgId, title: 'ab\u0000cd' }));
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error).toMatchObject({
      code: 'error.validation',
      fields: { title: 'The text contains invisible control characters; please remove them' },
    });
    const kw = await req('POST', '/api/needs', entOwner, needBody({ orgId, keywords: ['ok', 'a\u0000'] }));
    expect(kw.statusCode).toBe(400);
    expect(Object.keys(kw.json().error.fields)).toEqual(['keywords.1']);
    const blank = await req('POST', '/api/needs', entOwner, needBody({ orgId, title: '\u200b\u200b\u200b' }));
    expect(blank.json().error.fields).toEqual({
      title: 'Please write letters or digits, not only blanks or symbols',
    });
    expect(await needsOf(entOwner.userId)).toHaveLength(0);

    const ok = await req('POST', '/api/needs', entOwner, needBody({ orgId }));
    expect(ok.statusCode).toBe(201);
    const edit = await req('PATCH', `/api/needs/${ok.json().id}`, entOwner, {
      description: 'x'.repeat(20) + '\u0000',
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.fields).toHaveProperty('description');
    expect((await needsOf(entOwner.userId)).map((n) => n.version)).toEqual([1]);
    const search = await req('GET', '/api/needs?q=%00');
    expect(search.statusCode).toBe(400);
    expect(search.json().error.fields).toHaveProperty('q');
  });

  it('closes without a request body (the reason is optional)', async () => {
    const id = (await req('POST', '/api/needs', entOwner, needBody({ orgId }))).json().id;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/needs/${id}/close`,
      headers: asActor(entOwner),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'closed' });
    const again = await req('POST', `/api/needs/${id}/close`, entOwner, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('listing.invalid_transition');
  });

  it('refuses an officer reviewing a listing they own, with an audit row; another officer decides', async () => {
    await buildProfile(db, { userId: null, name: '李土专家', regionCode: '510104' }).then(async (p) => {
      // Review mode for the district, then the officer enters a service for a rural expert.
      expect(
        (await req('PUT', '/api/region-settings/510104', officer, { publishMode: 'review' })).statusCode,
      ).toBe(200);
      const created = await req(
        'POST',
        '/api/capabilities',
        officer,
        capabilityBody({ scientistId: p.id, regionCode: '510104' }),
      );
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect((await req('POST', `/api/capabilities/${id}/submit`, officer)).json().status).toBe('submitted');
      const self = await req('POST', `/api/review/capability/${id}`, officer, { decision: 'approve' });
      expect(self.statusCode).toBe(403);
      expect(self.json().error.code).toBe('review.own_listing');
      const denied = await db.orm
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, 'capability.review'),
            eq(auditLog.outcome, 'denied'),
            eq(auditLog.targetId, id),
          ),
        );
      expect(denied).toHaveLength(1);
      expect((await req('GET', `/api/capabilities/${id}`, officer)).json().status).toBe('submitted');
      const other = await req('POST', `/api/review/capability/${id}`, otherOfficer, { decision: 'approve' });
      expect(other.json()).toMatchObject({ status: 'published' });
    });
  });

  it("stops an employee who left the organization from managing the company's needs", async () => {
    const emp = await buildListingUser(db, { kind: 'organization' });
    await db.orm.insert(orgMembers).values({ orgId, userId: emp.userId, role: 'admin' });
    const draft = await req('POST', '/api/needs', emp, needBody({ orgId, confidential: true }));
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id;
    expect((await req('PATCH', `/api/needs/${id}`, emp, { title: '员工修改的标题' })).statusCode).toBe(200);
    const ids = async (url: string, who: Actor) =>
      ((await req('GET', url, who)).json().items as { id: string }[]).map((n) => n.id);
    expect(await ids('/api/mine/listings?pageSize=100', emp)).toContain(id);

    await db.orm
      .delete(orgMembers)
      .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, emp.userId)));
    const edit = await req('PATCH', `/api/needs/${id}`, emp, { title: '离职后修改' });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().error.code).toBe('listing.not_owner');
    expect((await req('POST', `/api/needs/${id}/close`, emp, {})).statusCode).toBe(403);
    // A draft of the company is no longer theirs to see, list or count NDA signers of.
    expect((await req('GET', `/api/needs/${id}`, emp)).statusCode).toBe(404);
    expect((await req('GET', '/api/mine/listings', emp)).json().total).toBe(0);
    expect(await ids('/api/needs?status=draft&pageSize=100', emp)).toEqual([]);
    // The company keeps it.
    expect(await ids('/api/needs?status=draft&pageSize=100', entOwner)).toContain(id);
    expect((await req('PATCH', `/api/needs/${id}`, entOwner, { title: '企业继续维护' })).statusCode).toBe(
      200,
    );
  });

  it('refuses a stale edit or review with 409 (optional version), keeping the other save', async () => {
    const id = (await req('POST', '/api/needs', entOwner, needBody({ orgId, regionCode: '510104' }))).json()
      .id;
    const first = await req('PATCH', `/api/needs/${id}`, entOwner, { title: '第一位编辑的标题', version: 1 });
    expect(first.json().version).toBe(2);
    const stale = await req('PATCH', `/api/needs/${id}`, entOwner, { title: '第二位编辑的标题', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('listing.version_conflict');
    const shown = (await req('GET', `/api/needs/${id}`, entOwner)).json();
    expect(shown).toMatchObject({ title: '第一位编辑的标题', version: 2 });
    const versions = await db.orm.select().from(listingVersions).where(eq(listingVersions.entityId, id));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);

    // Under review: the officer read version 2, the author then changed it.
    await req('PUT', '/api/region-settings/510104', officer, { publishMode: 'review' });
    expect((await req('POST', `/api/needs/${id}/submit`, entOwner)).json().status).toBe('submitted');
    await req('PATCH', `/api/needs/${id}`, entOwner, {
      summary: '提交后又改过的摘要内容，审核人员没有看过这一版。',
    });
    const late = await req('POST', `/api/review/need/${id}`, officer, { decision: 'approve', version: 2 });
    expect(late.statusCode).toBe(409);
    expect((await req('GET', `/api/needs/${id}`, officer)).json().status).toBe('submitted');
    const ok = await req('POST', `/api/review/need/${id}`, officer, { decision: 'approve', version: 3 });
    expect(ok.json()).toMatchObject({ status: 'published', version: 3 });
  });
});
