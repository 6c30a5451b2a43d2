/**
 * GET /api/{needs|capabilities|results}/{id}/history: versions with who (name only), when and
 * which fields changed, status events with reasons; owner, officers of the region and admins
 * only, denials audited.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, type Db } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { buildTestApp, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { actAsHeaderHook, asActor } from '../../../test/helpers/actors.ts';
import type { Actor } from '../../policy/actor.ts';
import { buildListingUser, buildOrg, buildProfile, capabilityBody, needBody } from './listings.factories.ts';

describeEachDb('listings API: history', (getDb) => {
  let t: TestApp;
  let db: Db;
  let owner: Actor & { name: string };
  let officer: Actor & { name: string };
  let otherOfficer: Actor;
  let admin: Actor;
  let stranger: Actor;
  let scientist: Actor & { name: string };
  let orgId: string;

  beforeAll(async () => {
    db = getDb();
    t = await buildTestApp({ db, beforeReady: actAsHeaderHook, config: { MATCH_INDEX_POLL_MS: 0 } });
    owner = await buildListingUser(db, { kind: 'organization', name: '李厂长' });
    orgId = (await buildOrg(db, owner.userId, { regionCode: '510131' })).id;
    officer = await buildListingUser(db, { name: '赵审核', roles: [['officer', '5101']] });
    otherOfficer = await buildListingUser(db, { roles: [['officer', '5107']] });
    admin = await buildListingUser(db, { roles: [['admin', null]] });
    stranger = await buildListingUser(db);
    scientist = await buildListingUser(db, { name: '钱专家' });
    await buildProfile(db, { userId: scientist.userId, name: '钱专家', regionCode: '510104' });
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

  it('lists versions with changed fields and names, and status events with reasons, newest first', async () => {
    expect(
      (await req('PUT', '/api/region-settings/510131', officer, { publishMode: 'review' })).statusCode,
    ).toBe(200);
    const created = await req('POST', '/api/needs', owner, needBody({ orgId }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const edit = await req('PATCH', `/api/needs/${id}`, owner, {
      title: '猕猴桃溃疡病生物防控',
      budgetMax: 400000,
      version: 1,
    });
    expect(edit.statusCode).toBe(200);
    expect((await req('POST', `/api/needs/${id}/submit`, owner, {})).json().status).toBe('submitted');
    const rejected = await req('POST', `/api/review/need/${id}`, officer, {
      decision: 'reject',
      reason: '请补充验收指标',
      version: 2,
    });
    expect(rejected.json().status).toBe('rejected');

    const res = await req('GET', `/api/needs/${id}/history`, owner);
    expect(res.statusCode).toBe(200);
    const h = res.json();
    expect(h).toMatchObject({ type: 'need', id, version: 2 });
    expect(h.versions).toHaveLength(2);
    expect(h.versions[0]).toMatchObject({
      version: 2,
      changedByName: '李厂长',
      changedFields: ['budgetMax', 'title'],
    });
    expect(h.versions[1]).toMatchObject({ version: 1, changedByName: '李厂长', changedFields: [] });
    expect(Date.parse(h.versions[0].createdAt)).not.toBeNaN();
    expect(h.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['rejected', 'submitted', 'draft']);
    expect(h.events[2]).toMatchObject({ fromStatus: null, actorName: '李厂长' });
    expect(h.events[0]).toMatchObject({
      fromStatus: 'submitted',
      reason: '请补充验收指标',
      actorName: '赵审核',
    });
    // Names only: no user ids, phones or snapshots leave the server.
    const text = res.body;
    expect(text).not.toContain(owner.userId);
    expect(text).not.toContain(officer.userId);
    expect(text).not.toContain('"data"');
  });

  it('lets officers of the region and admins read it; refuses others with an audit row', async () => {
    const id = (await req('POST', '/api/needs', owner, needBody({ orgId }))).json().id as string;
    expect((await req('GET', `/api/needs/${id}/history`, officer)).statusCode).toBe(200);
    expect((await req('GET', `/api/needs/${id}/history`, admin)).statusCode).toBe(200);
    expect((await req('GET', `/api/needs/${id}/history`, null)).statusCode).toBe(401);
    const other = await req('GET', `/api/needs/${id}/history`, otherOfficer);
    expect(other.statusCode).toBe(403);
    const str = await req('GET', `/api/needs/${id}/history`, stranger);
    expect(str.statusCode).toBe(403);
    const denied = await db.orm
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'need.history'), eq(auditLog.outcome, 'denied'), eq(auditLog.targetId, id)),
      );
    expect(denied.map((d) => d.actorId).sort()).toEqual([otherOfficer.userId, stranger.userId].sort());
    const missing = await req('GET', '/api/needs/00000000-0000-4000-8000-000000000000/history', owner);
    expect(missing.statusCode).toBe(404);
  });

  it('works for capabilities (and the route is in the OpenAPI document)', async () => {
    const created = await req(
      'POST',
      '/api/capabilities',
      scientist,
      capabilityBody({ ownerType: 'scientist' }),
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await req('PATCH', `/api/capabilities/${id}`, scientist, { price: 25000, version: 1 });
    const h = (await req('GET', `/api/capabilities/${id}/history`, scientist)).json();
    expect(h.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(h.versions[0]).toMatchObject({ changedByName: '钱专家', changedFields: ['price'] });
    expect(h.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['draft']);
    const doc = (await req('GET', '/api/openapi.json')).json();
    for (const p of ['needs', 'capabilities', 'results'])
      expect(Object.keys(doc.paths[`/api/${p}/{id}/history`] ?? {})).toEqual(['get']);
  });
});
