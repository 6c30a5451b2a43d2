/**
 * The administration API with real sign-ins (no test header): registration through SMS codes from
 * the outbox, staff roles that only take effect with TOTP, CSRF, and disabling ending a session.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '@tianfu/db/testing';
import type { AdminUserDetail, AdminUserPage, MeResponse, SmsOutboxPage } from '@tianfu/contracts';
import { buildAccountsTestApp } from '../auth/testing/app.ts';
import { grantRole, registerUser, type TestClient } from '../auth/testing/client.ts';
import { currentTotp } from '../auth/totp.ts';
import type { TestApp } from '../../../test/helpers/build-test-app.ts';

async function enrollTotp(client: TestClient): Promise<void> {
  const enroll = await client.post('/api/account/totp/enroll');
  const { secret } = enroll.json() as { secret: string };
  const confirm = await client.post('/api/account/totp/confirm', { code: currentTotp(secret) });
  if (confirm.statusCode !== 200) throw new Error(`TOTP confirm failed: ${confirm.body}`);
}

describeEachDb('admin API with real sessions', (getDb) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb());
  });
  afterAll(async () => {
    await t.close();
  });

  it('an administrator reads the outbox, appoints an officer, and disables an account', async () => {
    const db = getDb();
    const admin = await registerUser(t.app, db, { displayName: '平台管理员' });
    await grantRole(db, admin.userId, 'admin');
    // Staff roles do nothing until TOTP is on.
    expect((await admin.client.get('/api/admin/users')).statusCode).toBe(403);
    await enrollTotp(admin.client);
    expect((await admin.client.get('/api/admin/users')).statusCode).toBe(200);

    const person = await registerUser(t.app, db, { displayName: '待任命专员', kind: 'citizen' });
    const outbox = (
      await admin.client.get(`/api/admin/sms-outbox?phone=${person.phone}`)
    ).json() as SmsOutboxPage;
    expect(outbox.items).toHaveLength(1);
    expect(outbox.items[0]).toMatchObject({ purpose: 'register', provider: 'outbox', status: 'sent' });
    expect(outbox.items[0]?.body).toMatch(/您的验证码是 \d{6}/);

    // State-changing calls need the CSRF header like every other signed-in request.
    const noCsrf = await admin.client.req(
      'POST',
      `/api/admin/users/${person.userId}/roles`,
      { role: 'officer', regionCode: '5101' },
      { csrf: false },
    );
    expect(noCsrf.statusCode).toBe(403);
    const granted = await admin.client.post(`/api/admin/users/${person.userId}/roles`, {
      role: 'officer',
      regionCode: '5101',
    });
    expect(granted.statusCode).toBe(201);
    expect((granted.json() as AdminUserDetail).roles[0]).toMatchObject({
      role: 'officer',
      regionCode: '5101',
    });

    // The new officer sees the grant in /me and must enroll TOTP before acting.
    const me = (await person.client.get('/api/auth/me')).json() as MeResponse;
    expect(me.user?.roles).toEqual([{ role: 'officer', regionCode: '5101' }]);
    expect(me.twoFactor).toMatchObject({ required: true, mustEnroll: true });
    expect((await person.client.get('/api/admin/users')).statusCode).toBe(403);
    await enrollTotp(person.client);
    const scoped = (await person.client.get('/api/admin/users?pageSize=100')).json() as AdminUserPage;
    // Neither account has a region yet, so nothing is inside Chengdu.
    expect(scoped.total).toBe(0);

    const disabled = await admin.client.post(`/api/admin/users/${person.userId}/disable`, { reason: 'test' });
    expect(disabled.statusCode).toBe(200);
    expect((await person.client.get('/api/auth/me')).json()).toMatchObject({ user: null });
    const login = await person.client.post('/api/auth/login', {
      method: 'password',
      phone: person.phone,
      password: person.password,
    });
    expect(login.statusCode).toBe(403);
  });
});
