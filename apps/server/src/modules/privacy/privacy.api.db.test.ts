import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, consents, realNameIdentities, sessions, smsMessages } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { residentIdCheckChar } from '@tianfu/contracts';
import type { TestApp } from '../../../test/helpers/build-test-app.ts';
import { buildAccountsTestApp, type TestClock } from '../auth/testing/app.ts';
import { registerUser, TestClient, userRow } from '../auth/testing/client.ts';

const ID = (() => {
  const first17 = '51010419920215301';
  return first17 + residentIdCheckChar(first17);
})();

describeEachDb('privacy: consents, export, deletion', (getDb) => {
  let t: TestApp & { clock: TestClock };
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb());
  });
  afterAll(async () => {
    await t.close();
  });

  it('records consents at registration, grants and withdraws only my own', async () => {
    const a = await registerUser(t.app, getDb());
    const b = await registerUser(t.app, getDb());
    const list = (await a.client.get('/api/account/consents')).json().items as {
      purpose: string;
      id: string;
    }[];
    expect(list.map((c) => c.purpose).sort()).toEqual(['privacy_policy', 'terms']);

    const granted = await a.client.post('/api/account/consents', {
      purpose: 'sms_notifications',
      version: '2026-01',
    });
    expect(granted.statusCode).toBe(201);
    const id = granted.json().id;
    // B cannot withdraw A's consent by its id; the attempt is audited.
    const cross = await b.client.post(`/api/account/consents/${id}/withdraw`);
    expect(cross.statusCode).toBe(404);
    const rows = await getDb().orm.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(rows.find((r) => r.action === 'consent.withdraw')).toMatchObject({
      outcome: 'denied',
      actorId: b.userId,
    });

    const w = await a.client.post(`/api/account/consents/${id}/withdraw`);
    expect(w.statusCode).toBe(200);
    expect(w.json().withdrawnAt).toBeTruthy();
    expect((await a.client.post(`/api/account/consents/${id}/withdraw`)).statusCode).toBe(404);
  });

  it('withdrawing the real-name consent deletes the real-name record', async () => {
    const u = await registerUser(t.app, getDb());
    const c = (
      await u.client.post('/api/account/consents', { purpose: 'real_name', version: '2026-01' })
    ).json();
    await u.client.post('/api/account/identity', { fullName: '周七', idNumber: ID });
    await u.client.post(`/api/account/consents/${c.id}/withdraw`);
    expect(
      await getDb().orm.select().from(realNameIdentities).where(eq(realNameIdentities.userId, u.userId)),
    ).toHaveLength(0);
  });

  it('exports all my data as JSON without secrets or unmasked numbers', async () => {
    const u = await registerUser(t.app, getDb());
    await u.client.post('/api/account/consents', { purpose: 'real_name', version: '2026-01' });
    const first17 = '51010419930215302';
    const submitted = await u.client.post('/api/account/identity', {
      fullName: '吴八',
      idNumber: first17 + residentIdCheckChar(first17),
    });
    expect(submitted.statusCode).toBe(201);
    await u.client.post('/api/account/organizations', {
      name: '成都示例科技有限公司',
      uscc: '91350100M000100Y43',
      orgType: 'enterprise',
    });
    const res = await u.client.get('/api/account/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="tianfu-export-/);
    const data = res.json();
    expect(data.profile.id).toBe(u.userId);
    expect(data.profile.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(data.consents.map((c: { purpose: string }) => c.purpose)).toContain('real_name');
    expect(data.identity.idNumberMasked).toMatch(/^5101\*{10}/);
    expect(data.sessions).toHaveLength(1);
    expect(data.organizations[0].uscc).toBe('91350100M000100Y43');
    expect(data.auditAboutMe.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['auth.register', 'identity.submit']),
    );
    expect(data.smsToMe.length).toBeGreaterThanOrEqual(1);
    expect(res.body).not.toContain(u.phone);
    expect(res.body).not.toMatch(/\$argon2id\$/);
    expect(res.body).not.toMatch(/"v1\.[0-9a-f]{8}\./);
  });

  it('deletes the account after re-authentication and anonymizes every trace', async () => {
    const u = await registerUser(t.app, getDb(), { displayName: '将被注销' });
    await u.client.post('/api/account/consents', { purpose: 'real_name', version: '2026-01' });
    const id2 = '51010419800101777';
    await u.client.post('/api/account/identity', {
      fullName: '郑九',
      idNumber: id2 + residentIdCheckChar(id2),
    });
    const other = new TestClient(t.app);
    await other.post('/api/auth/login', { method: 'password', phone: u.phone, password: u.password });

    const wrong = await u.client.del('/api/account', { password: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    expect((await userRow(getDb(), u.userId))!.status).toBe('active');

    const ok = await u.client.del('/api/account', { password: u.password });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ deleted: true });

    const row = (await userRow(getDb(), u.userId))!;
    expect(row).toMatchObject({
      phone: null,
      email: null,
      passwordHash: null,
      status: 'deleted',
      displayName: '已注销用户',
      totpSecretEnc: null,
    });
    expect(await getDb().orm.select().from(sessions).where(eq(sessions.userId, u.userId))).toHaveLength(0);
    expect(
      await getDb().orm.select().from(realNameIdentities).where(eq(realNameIdentities.userId, u.userId)),
    ).toHaveLength(0);
    const kept = await getDb().orm.select().from(consents).where(eq(consents.userId, u.userId));
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.every((c) => c.ip === null && c.userAgent === null)).toBe(true);
    expect(await getDb().orm.select().from(smsMessages).where(eq(smsMessages.phone, u.phone))).toHaveLength(
      0,
    );
    const masked = await getDb()
      .orm.select()
      .from(smsMessages)
      .where(eq(smsMessages.phone, `${u.phone.slice(0, 3)}****${u.phone.slice(-4)}`));
    expect(masked.length).toBeGreaterThanOrEqual(1);
    expect(masked.every((m) => Object.keys(m.params).length === 0)).toBe(true);
    // Audit rows stay, pointing at the anonymized id.
    const audit = await getDb().orm.select().from(auditLog).where(eq(auditLog.actorId, u.userId));
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(u.phone);

    // Both sessions are gone, sign-in fails, and the number can register again.
    expect((await u.client.get('/api/auth/me')).json().user).toBeNull();
    expect((await other.get('/api/auth/me')).json().user).toBeNull();
    const login = await new TestClient(t.app).post('/api/auth/login', {
      method: 'password',
      phone: u.phone,
      password: u.password,
    });
    expect(login.statusCode).toBe(401);
    t.clock.advance(61_000);
    const again = await registerUser(t.app, getDb(), { phone: u.phone });
    expect(again.userId).not.toBe(u.userId);
  });
});
