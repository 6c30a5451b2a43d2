import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import type { AuditPage } from '@tianfu/contracts';
import { buildTestApp, type TestApp } from './helpers/build-test-app.ts';
import {
  actAsHeaderHook,
  asActor,
  buildAdmin,
  buildEditor,
  buildOfficer,
  buildScientist,
} from './helpers/actors.ts';
import { authorize, deny } from '../src/policy/authorize.ts';

describeEachDb('audit log', (getDb) => {
  let t: TestApp;
  const admin = buildAdmin();
  const sichuan = buildOfficer('51');
  const chengdu = buildOfficer('5101');
  const jinjiang = buildOfficer('510104');
  const scientist = buildScientist();

  beforeAll(async () => {
    t = await buildTestApp({
      db: getDb(),
      beforeReady: (app) => {
        actAsHeaderHook(app);
        app.post('/api/test/forbidden', async (request) => {
          await authorize(
            request,
            deny('test.do', { target: { type: 'need', id: 42 }, regionCode: '510107' }),
          );
          return { ok: true };
        });
      },
    });
    const a = t.app.audit;
    await a.record({
      actor: chengdu,
      action: 'identity.verify',
      outcome: 'success',
      regionCode: '510104',
      target: { type: 'user', id: 'u1' },
    });
    await a.record({
      actor: chengdu,
      action: 'identity.verify',
      outcome: 'success',
      regionCode: '5101',
      target: { type: 'user', id: 'u2' },
    });
    await a.record({
      actor: sichuan,
      action: 'identity.reject',
      outcome: 'success',
      regionCode: '510700',
      target: { type: 'user', id: 'u3' },
    });
    await a.record({
      actor: null,
      action: 'auth.login',
      outcome: 'failure',
      regionCode: null,
      ip: '10.0.0.1',
    });
    await a.record({ actor: admin, action: 'admin.grant', outcome: 'success', regionCode: '440305' });
  });
  afterAll(async () => t.close());

  const search = (actor: object | null, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: actor ? asActor(actor as never) : {} });

  it('strips control characters and caps lengths (log injection)', async () => {
    await t.app.audit.record({
      action: 'test.inject\r\n2026-01-01 admin.grant success',
      outcome: 'success',
      target: { type: 'note', id: 'x'.repeat(500) },
      details: {
        comment: 'line1\nline2\u001b[31m',
        password: 'hunter2',
        phone: '13800000001',
        note: 'call 13912345678',
      },
    });
    const [row] = await getDb()
      .orm.select()
      .from(auditLog)
      .where((await import('drizzle-orm')).like(auditLog.action, 'test.inject%'));
    expect(row!.action).not.toMatch(/[\r\n]/);
    expect(row!.action.length).toBeLessThanOrEqual(100);
    expect(row!.targetId!.length).toBeLessThanOrEqual(128);
    expect(row!.details).toEqual({
      comment: 'line1 line2 [31m',
      password: '[REDACTED]',
      phone: '138****0001',
      note: 'call 139****5678',
    });
  });

  it('is append-only: updates and deletes are rejected by the database', async () => {
    await expect(getDb().query('update audit_log set outcome = $1', ['denied'])).rejects.toThrow(
      /append-only/,
    );
    await expect(getDb().query('delete from audit_log')).rejects.toThrow(/append-only/);
  });

  it('lets administrators see every row, newest first, with pagination', async () => {
    const res = await search(admin, '?pageSize=2&page=1');
    expect(res.statusCode).toBe(200);
    const page = res.json() as AuditPage;
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.id).toBeGreaterThan(page.items[1]!.id);
  });

  it('limits officers to their region subtree', async () => {
    const codes = async (actor: object, q = '') =>
      ((await search(actor, q)).json() as AuditPage).items.map((i) => i.regionCode).sort();
    expect(await codes(chengdu, '?action=identity.verify')).toEqual(['5101', '510104']);
    expect(await codes(jinjiang)).toEqual(['510104']);
    expect(await codes(sichuan, '?outcome=success')).toEqual(['5101', '510104', '5107']);
  });

  it('filters by action, outcome, actor, target and time range', async () => {
    const q = async (query: string) => (await search(admin, query)).json() as AuditPage;
    expect((await q('?action=identity.verify')).total).toBe(2);
    expect((await q('?outcome=failure')).items.map((i) => i.action)).toEqual(['auth.login']);
    expect((await q(`?actorId=${sichuan.userId}`)).items.map((i) => i.action)).toEqual(['identity.reject']);
    expect((await q('?targetType=user&targetId=u2')).items.map((i) => i.regionCode)).toEqual(['5101']);
    expect((await q('?to=2000-01-01T00:00:00Z')).total).toBe(0);
    expect(
      (
        await q(
          `?from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&action=admin.grant`,
        )
      ).total,
    ).toBe(1);
    expect((await q('?regionCode=510100')).items.map((i) => i.regionCode).sort()).toEqual(['5101', '510104']);
  });

  it('rejects bad filters with field messages', async () => {
    const res = await search(admin, '?outcome=maybe&pageSize=1000');
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['outcome', 'pageSize']);
  });

  it('denies and audits: anonymous (401), non-staff (403), officer outside their region (403)', async () => {
    const anon = await search(null);
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('error.unauthorized');
    const sci = await search(scientist);
    expect(sci.statusCode).toBe(403);
    const ed = await search(buildEditor());
    expect(ed.statusCode).toBe(403);
    const outside = await search(chengdu, '?regionCode=5107');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('error.forbidden_region');

    const denied = (
      await search(admin, '?action=audit.search&outcome=denied&pageSize=50')
    ).json() as AuditPage;
    const byRequest = new Map(denied.items.map((i) => [i.requestId, i]));
    expect(byRequest.get(anon.headers['x-request-id'] as string)).toMatchObject({
      actorId: null,
      outcome: 'denied',
    });
    expect(byRequest.get(sci.headers['x-request-id'] as string)).toMatchObject({ actorId: scientist.userId });
    expect(byRequest.get(outside.headers['x-request-id'] as string)).toMatchObject({
      actorId: chengdu.userId,
      regionCode: '5107',
      actorRoles: ['officer:5101'],
      details: { reason: 'error.forbidden_region', method: 'GET', route: '/api/audit' },
    });
  });

  it('audits every denial through authorize(), visible to the officers of that region', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test/forbidden',
      headers: asActor(scientist),
    });
    expect(res.statusCode).toBe(403);
    const seen = (await search(chengdu, '?action=test.do')).json() as AuditPage;
    expect(seen.items).toHaveLength(1);
    expect(seen.items[0]).toMatchObject({
      outcome: 'denied',
      targetType: 'need',
      targetId: '42',
      regionCode: '510107',
      actorId: scientist.userId,
    });
    expect(((await search(jinjiang, '?action=test.do')).json() as AuditPage).items).toHaveLength(0);
  });

  it('purges only rows older than the retention', async () => {
    await getDb()
      .orm.insert(auditLog)
      .values([
        { action: 'old.event', outcome: 'success', at: new Date(Date.now() - 200 * 86_400_000) },
        { action: 'recent.event', outcome: 'success', at: new Date(Date.now() - 170 * 86_400_000) },
      ]);
    const removed = await t.app.audit.purge();
    expect(removed).toBe(1);
    const left = (await search(admin, '?pageSize=100')).json() as AuditPage;
    expect(left.items.map((i) => i.action)).toContain('recent.event');
    expect(left.items.map((i) => i.action)).not.toContain('old.event');
  });
});
