import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import type { SmsOutboxPage } from '@tianfu/contracts';
import { buildTestApp, testConfig, testLogger, type TestApp } from '../../../test/helpers/build-test-app.ts';
import {
  actAsHeaderHook,
  asActor,
  buildAdmin,
  buildOfficer,
  buildScientist,
} from '../../../test/helpers/actors.ts';
import { createSmsSender } from './sms.factory.ts';

describeEachDb('GET /api/admin/sms-outbox', (getDb) => {
  let t: TestApp;
  const admin = buildAdmin();
  const officer = buildOfficer('51');
  const scientist = buildScientist();

  beforeAll(async () => {
    // A clock that ticks a second per call, so "newest first" is well defined.
    let tick = 0;
    const sms = createSmsSender(testConfig(), getDb(), testLogger([]), {
      now: () => new Date(Date.UTC(2026, 0, 1) + 1000 * tick++),
    });
    t = await buildTestApp({ db: getDb(), sms, beforeReady: actAsHeaderHook });
    await sms.send({
      to: '13800002001',
      template: 'otp',
      params: { code: '111111', minutes: '10' },
      purpose: 'register',
    });
    await sms.send({
      to: '13800002002',
      template: 'otp',
      params: { code: '222222', minutes: '10' },
      purpose: 'login',
    });
    await sms.send({
      to: '13800002001',
      template: 'otp',
      params: { code: '333333', minutes: '10' },
      purpose: 'login',
      locale: 'en',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string, actor?: typeof admin) =>
    t.app.inject({ method: 'GET', url, headers: actor ? asActor(actor) : {} });

  it('shows administrators the messages, newest first, phones masked, codes readable', async () => {
    const res = await get('/api/admin/sms-outbox', admin);
    expect(res.statusCode).toBe(200);
    const page = res.json() as SmsOutboxPage;
    expect(page.total).toBe(3);
    expect(page.items[0]).toMatchObject({
      provider: 'outbox',
      phoneMasked: '138****2001',
      purpose: 'login',
      status: 'sent',
      template: 'otp',
      errorCode: null,
    });
    expect(page.items[0]?.body).toContain('333333');
    expect(res.body).not.toContain('13800002001');
  });

  it('filters by phone (any spelling) and purpose', async () => {
    const byPhone = (
      await get('/api/admin/sms-outbox?phone=%2B86%20138-0000-2001', admin)
    ).json() as SmsOutboxPage;
    expect(byPhone.items.map((m) => m.body.match(/\d{6}/)?.[0])).toEqual(['333333', '111111']);
    const both = (
      await get('/api/admin/sms-outbox?phone=13800002001&purpose=register', admin)
    ).json() as SmsOutboxPage;
    expect(both.total).toBe(1);
    // Reads are audited, with the number masked.
    const reads = await getDb().orm.select().from(auditLog).where(eq(auditLog.actorId, admin.userId));
    const filtered = reads.find((r) => r.details.purpose === 'register');
    expect(filtered).toMatchObject({ action: 'sms.outbox.list', outcome: 'allowed' });
    expect(filtered?.details.phone).toBe('138****2001');
    const bad = await get('/api/admin/sms-outbox?phone=123', admin);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['phone']);
  });

  it('refuses officers and everyone else, auditing each denial', async () => {
    expect((await get('/api/admin/sms-outbox', officer)).statusCode).toBe(403);
    expect((await get('/api/admin/sms-outbox', scientist)).statusCode).toBe(403);
    expect((await get('/api/admin/sms-outbox')).statusCode).toBe(401);
    const rows = await getDb().orm.select().from(auditLog).where(eq(auditLog.action, 'sms.outbox.list'));
    expect(rows.map((r) => [r.actorId, r.outcome])).toEqual(
      expect.arrayContaining([
        [officer.userId, 'denied'],
        [scientist.userId, 'denied'],
        [null, 'denied'],
      ]),
    );
  });
});
