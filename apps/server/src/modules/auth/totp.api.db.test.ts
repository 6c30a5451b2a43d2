import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '@tianfu/db/testing';
import type { TestApp } from '../../../test/helpers/build-test-app.ts';
import { buildAccountsTestApp, type TestClock } from './testing/app.ts';
import { grantRole, registerUser, TestClient, userRow } from './testing/client.ts';
import { currentTotp } from './totp.ts';

describeEachDb('TOTP two-factor and staff enforcement', (getDb) => {
  let t: TestApp & { clock: TestClock };
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb());
  });
  afterAll(async () => {
    await t.close();
  });

  it('enrolls with an encrypted secret, then asks for a code at sign-in', async () => {
    const u = await registerUser(t.app, getDb());
    const enroll = await u.client.post('/api/account/totp/enroll');
    expect(enroll.statusCode).toBe(200);
    const { secret, otpauthUrl } = enroll.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUrl).not.toContain(u.phone);
    const stored = await userRow(getDb(), u.userId);
    expect(stored!.totpSecretEnc).toMatch(/^v1\./);
    expect(stored!.totpSecretEnc).not.toContain(secret);

    const wrongConfirm = await u.client.post('/api/account/totp/confirm', {
      code: '000000' === currentTotp(secret, t.clock.now()) ? '111111' : '000000',
    });
    expect(wrongConfirm.statusCode).toBe(400);
    expect(
      (await u.client.post('/api/account/totp/confirm', { code: currentTotp(secret, t.clock.now()) })).json(),
    ).toEqual({ enabled: true });

    const c = new TestClient(t.app);
    const step1 = await c.post('/api/auth/login', {
      method: 'password',
      phone: u.phone,
      password: u.password,
    });
    expect(step1.json()).toEqual({ status: 'totp_required' });
    // Half-signed-in sessions grant nothing.
    expect((await c.get('/api/auth/me')).json().user).toBeNull();
    expect((await c.get('/api/account/sessions')).statusCode).toBe(401);
    const pendingToken = c.cookies.get('tianfu_session');

    const bad = await c.post('/api/auth/login/totp', {
      code: currentTotp(secret, new Date(t.clock.now().getTime() - 300_000)),
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('auth.totp_invalid');
    t.clock.advance(30_000); // the confirm code's time step is used up
    const good = await c.post('/api/auth/login/totp', { code: currentTotp(secret, t.clock.now()) });
    expect(good.statusCode).toBe(200);
    expect(good.json().user.id).toBe(u.userId);
    expect(good.json().twoFactor.enabled).toBe(true);
    // The token is rotated when the second factor completes.
    expect(c.cookies.get('tianfu_session')).not.toBe(pendingToken);

    // A code is accepted once only: replaying it on another pending sign-in fails.
    const replay = new TestClient(t.app);
    await replay.post('/api/auth/login', { method: 'password', phone: u.phone, password: u.password });
    expect(
      (await replay.post('/api/auth/login/totp', { code: currentTotp(secret, t.clock.now()) })).statusCode,
    ).toBe(401);

    // Without a pending session the second step is refused.
    expect((await new TestClient(t.app).post('/api/auth/login/totp', { code: '123456' })).statusCode).toBe(
      401,
    );
  });

  it('withholds staff powers until an officer enrolls, and never lets them turn TOTP off', async () => {
    const officer = await registerUser(t.app, getDb());
    await grantRole(getDb(), officer.userId, 'officer', '5101');
    const me = (await officer.client.get('/api/auth/me')).json();
    expect(me.user.roles).toEqual([{ role: 'officer', regionCode: '5101' }]);
    expect(me.twoFactor).toEqual({ enabled: false, required: true, mustEnroll: true });
    // Staff function (audit search) refused before enrollment.
    const refused = await officer.client.get('/api/audit');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.totp_enrollment_required');

    const { secret } = (await officer.client.post('/api/account/totp/enroll')).json();
    await officer.client.post('/api/account/totp/confirm', { code: currentTotp(secret, t.clock.now()) });
    expect((await officer.client.get('/api/auth/me')).json().twoFactor.mustEnroll).toBe(false);
    expect((await officer.client.get('/api/audit')).statusCode).toBe(200);

    t.clock.advance(30_000);
    const off = await officer.client.post('/api/account/totp/disable', {
      password: officer.password,
      code: currentTotp(secret, t.clock.now()),
    });
    expect(off.statusCode).toBe(403);
    expect(off.json().error.code).toBe('auth.totp_required_for_role');
  });

  it('lets a citizen turn TOTP off with password and code', async () => {
    const u = await registerUser(t.app, getDb(), { kind: 'citizen' });
    const { secret } = (await u.client.post('/api/account/totp/enroll')).json();
    await u.client.post('/api/account/totp/confirm', { code: currentTotp(secret, t.clock.now()) });
    t.clock.advance(30_000);
    const wrongPw = await u.client.post('/api/account/totp/disable', {
      password: 'nope nope',
      code: currentTotp(secret, t.clock.now()),
    });
    expect(wrongPw.statusCode).toBe(400);
    const ok = await u.client.post('/api/account/totp/disable', {
      password: u.password,
      code: currentTotp(secret, t.clock.now()),
    });
    expect(ok.json()).toEqual({ enabled: false });
    expect((await userRow(getDb(), u.userId))!.totpSecretEnc).toBeNull();
  });
});

describeEachDb('password policy mlps over the API', (getDb) => {
  let t: TestApp & { clock: TestClock };
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb(), { config: { PASSWORD_POLICY: 'mlps' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('requires 3 character classes, refuses the last 5 passwords and flags passwords older than 90 days', async () => {
    const u = await registerUser(t.app, getDb(), { password: 'Purple7Elephants' });
    const simple = await u.client.post('/api/account/password', {
      currentPassword: 'Purple7Elephants',
      newPassword: 'all lower case words',
    });
    expect(simple.statusCode).toBe(400);
    expect(simple.json().error.code).toBe('password.too_simple');

    let current = 'Purple7Elephants';
    for (const next of ['Green8Turtles', 'Blue9Whales']) {
      expect(
        (await u.client.post('/api/account/password', { currentPassword: current, newPassword: next }))
          .statusCode,
      ).toBe(200);
      current = next;
    }
    const reuse = await u.client.post('/api/account/password', {
      currentPassword: current,
      newPassword: 'Purple7Elephants',
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error.code).toBe('password.reused');

    expect((await u.client.get('/api/auth/me')).json().passwordChangeRequired).toBe(false);
    t.clock.advance(91 * 86_400_000);
    const fresh = new TestClient(t.app);
    const login = await fresh.post('/api/auth/login', {
      method: 'password',
      phone: u.phone,
      password: current,
    });
    expect(login.json().me.passwordChangeRequired).toBe(true);
  });
});
