import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachDb } from '@tianfu/db/testing';
import { sessions, otpCodes, users } from '@tianfu/db';
import { buildAccountsTestApp } from './testing/app.ts';
import { TestClient, lastCode, nextPhone, registerUser, requestCode, userRow } from './testing/client.ts';
import type { TestApp } from '../../../test/helpers/build-test-app.ts';
import type { TestClock } from './testing/app.ts';

describeEachDb('auth API: codes, registration, sign-in, sessions, CSRF', (getDb) => {
  let t: TestApp & { clock: TestClock };
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb());
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers with an SMS code, signs in, and never stores the token or code in clear', async () => {
    const phone = nextPhone();
    const client = new TestClient(t.app);
    const otp = await client.post('/api/auth/otp', { phone: `+86 ${phone}`, purpose: 'register' });
    expect(otp.statusCode).toBe(200);
    expect(otp.json()).toMatchObject({
      sent: true,
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      expiresInSeconds: 600,
    });
    const code = await lastCode(getDb(), phone);
    const [stored] = await getDb().orm.select().from(otpCodes).where(eq(otpCodes.phone, phone));
    expect(stored!.codeHash).not.toContain(code);

    const res = await client.post('/api/auth/register', {
      phone,
      code,
      password: 'purple elephants dance',
      kind: 'citizen',
      displayName: '王小明',
      acceptTerms: true,
    });
    expect(res.statusCode).toBe(201);
    const me = res.json();
    expect(me.user).toMatchObject({
      displayName: '王小明',
      kinds: ['citizen'],
      roles: [],
      realNameStatus: 'none',
    });
    expect(me.user.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(res.body).not.toContain(phone);
    expect(me.twoFactor).toEqual({ enabled: false, required: false, mustEnroll: false });

    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/tianfu_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const token = client.cookies.get('tianfu_session')!;
    const rows = await getDb().orm.select().from(sessions).where(eq(sessions.userId, me.user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toBe(token);

    const again = await client.get('/api/auth/me');
    expect(again.json().user.id).toBe(me.user.id);
    // The code is single-use.
    const reuse = await new TestClient(t.app).post('/api/auth/register', {
      phone,
      code,
      password: 'purple elephants dance',
      kind: 'citizen',
      displayName: 'x',
      acceptTerms: true,
    });
    expect(reuse.statusCode).toBe(409);
  });

  it('limits codes to one per minute per number with a localized Retry-After answer', async () => {
    const phone = nextPhone();
    const zh = new TestClient(t.app, 'zh-CN');
    expect((await zh.post('/api/auth/otp', { phone, purpose: 'register' })).statusCode).toBe(200);
    const second = await zh.post('/api/auth/otp', { phone, purpose: 'register' });
    expect(second.statusCode).toBe(429);
    expect(second.json().error.code).toBe('auth.otp_too_frequent');
    expect(second.json().error.message).toMatch(/秒后再试/);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    const en = await new TestClient(t.app, 'en').post('/api/auth/otp', { phone, purpose: 'register' });
    expect(en.json().error.message).toMatch(/try again in \d+ seconds/);
  });

  it('enforces 5 codes per hour and 10 per day per number', async () => {
    const phone = nextPhone();
    const c = new TestClient(t.app);
    for (let i = 0; i < 5; i += 1) {
      expect((await c.post('/api/auth/otp', { phone, purpose: 'register' })).statusCode).toBe(200);
      t.clock.advance(61_000);
    }
    const sixth = await c.post('/api/auth/otp', { phone, purpose: 'register' });
    expect(sixth.json().error.code).toBe('auth.otp_hourly_limit');
    t.clock.advance(3_600_000);
    for (let i = 0; i < 5; i += 1) {
      expect((await c.post('/api/auth/otp', { phone, purpose: 'register' })).statusCode).toBe(200);
      t.clock.advance(61_000);
    }
    t.clock.advance(3_600_000);
    const eleventh = await c.post('/api/auth/otp', { phone, purpose: 'register' });
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.code).toBe('auth.otp_daily_limit');
  });

  it('rejects bad input with field messages, never a stack trace', async () => {
    const c = new TestClient(t.app, 'en');
    const res = await c.post('/api/auth/register', {
      phone: '12345',
      code: 'abc',
      password: '',
      kind: 'wizard',
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.fields.phone).toMatch(/mobile/i);
    expect(error.fields.code).toMatch(/6 digits/);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);

    const phone = nextPhone();
    const code = await requestCode(c, getDb(), phone, 'register');
    const weak = await c.post('/api/auth/register', {
      phone,
      code,
      password: 'password123',
      kind: 'scientist',
      displayName: 'x',
      acceptTerms: true,
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.password).toMatch(/common password/);
  });

  it('signs in with password and with an SMS code; wrong password is a 401', async () => {
    const u = await registerUser(t.app, getDb());
    const c = new TestClient(t.app);
    const bad = await c.post('/api/auth/login', {
      method: 'password',
      phone: u.phone,
      password: 'not it at all',
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('auth.invalid_credentials');
    const ok = await c.post('/api/auth/login', { method: 'password', phone: u.phone, password: u.password });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'ok', me: { user: { id: u.userId } } });

    const sms = new TestClient(t.app);
    t.clock.advance(61_000); // one code per minute per number: the registration code was just sent
    const code = await requestCode(sms, getDb(), u.phone, 'login');
    const viaSms = await sms.post('/api/auth/login', { method: 'sms', phone: u.phone, code });
    expect(viaSms.json().status).toBe('ok');
  });

  it('locks the account after 5 failures for 30 minutes with a 423, then lets it in again', async () => {
    const u = await registerUser(t.app, getDb());
    for (let i = 0; i < 5; i += 1) {
      const c = new TestClient(t.app, 'zh-CN', `10.0.${i}.1`);
      expect(
        (await c.post('/api/auth/login', { method: 'password', phone: u.phone, password: `wrong-${i}-xx` }))
          .statusCode,
      ).toBe(401);
    }
    const c = new TestClient(t.app, 'en', '10.9.9.9');
    const locked = await c.post('/api/auth/login', {
      method: 'password',
      phone: u.phone,
      password: u.password,
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('auth.account_locked');
    expect(locked.json().error.message).toMatch(/locked, try again in 30 minutes/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(1700);
    t.clock.advance(31 * 60_000);
    const after = await c.post('/api/auth/login', {
      method: 'password',
      phone: u.phone,
      password: u.password,
    });
    expect(after.statusCode).toBe(200);
  });

  it('locks an IP after 5 failures across accounts with a 429', async () => {
    const ip = '10.77.0.1';
    for (let i = 0; i < 5; i += 1) {
      const c = new TestClient(t.app, 'zh-CN', ip);
      await c.post('/api/auth/login', { method: 'password', phone: nextPhone(), password: 'whatever-123' });
    }
    const u = await registerUser(t.app, getDb());
    const res = await new TestClient(t.app, 'zh-CN', ip).post('/api/auth/login', {
      method: 'password',
      phone: u.phone,
      password: u.password,
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('auth.ip_locked');
    expect(res.json().error.message).toMatch(/分钟后再试/);
    t.clock.advance(31 * 60_000);
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const u = await registerUser(t.app, getDb());
    const noHeader = await u.client.req('POST', '/api/auth/logout', {}, { csrf: false });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('error.csrf');
    const forged = await u.client.req(
      'POST',
      '/api/auth/logout',
      {},
      { csrf: false, headers: { 'x-csrf-token': 'forged' } },
    );
    expect(forged.statusCode).toBe(403);
    // Anonymous sign-in also needs it (login CSRF).
    const anon = await new TestClient(t.app).req(
      'POST',
      '/api/auth/login',
      { method: 'password', phone: u.phone, password: u.password },
      { csrf: false },
    );
    expect(anon.statusCode).toBe(403);
    const csrf = await u.client.get('/api/auth/csrf');
    expect(csrf.json().token).toBe(u.client.cookies.get('tianfu_csrf'));
    expect((await u.client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await u.client.get('/api/auth/me')).json().user).toBeNull();
  });

  it('lists and revokes only my own sessions', async () => {
    const a = await registerUser(t.app, getDb());
    const b = await registerUser(t.app, getDb());
    const a2 = new TestClient(t.app);
    await a2.post('/api/auth/login', { method: 'password', phone: a.phone, password: a.password });

    const list = (await a.client.get('/api/account/sessions')).json().items as {
      id: string;
      current: boolean;
    }[];
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current)!;

    // B cannot revoke A's session by its id.
    const cross = await b.client.del(`/api/account/sessions/${other.id}`);
    expect(cross.statusCode).toBe(404);
    expect((await a2.get('/api/auth/me')).json().user?.id).toBe(a.userId);

    expect((await a.client.del(`/api/account/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await a2.get('/api/auth/me')).json().user).toBeNull();
    expect((await new TestClient(t.app).get('/api/account/sessions')).statusCode).toBe(401);
  });

  it('changes the password (signing out other sessions) and resets a forgotten one by SMS', async () => {
    const u = await registerUser(t.app, getDb());
    const other = new TestClient(t.app);
    await other.post('/api/auth/login', { method: 'password', phone: u.phone, password: u.password });
    const wrong = await u.client.post('/api/account/password', {
      currentPassword: 'nope nope',
      newPassword: 'green turtles swim',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.currentPassword).toBeTruthy();
    const ok = await u.client.post('/api/account/password', {
      currentPassword: u.password,
      newPassword: 'green turtles swim',
    });
    expect(ok.statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).json().user).toBeNull();
    expect((await u.client.get('/api/auth/me')).json().user.id).toBe(u.userId);

    const anon = new TestClient(t.app);
    t.clock.advance(61_000);
    const code = await requestCode(anon, getDb(), u.phone, 'reset_password');
    const reset = await anon.post('/api/auth/password/reset', {
      phone: u.phone,
      code,
      newPassword: 'blue whales sing',
    });
    expect(reset.statusCode).toBe(200);
    expect((await u.client.get('/api/auth/me')).json().user).toBeNull();
    const login = await anon.post('/api/auth/login', {
      method: 'password',
      phone: u.phone,
      password: 'blue whales sing',
    });
    expect(login.json().status).toBe('ok');
  });

  it('does not reveal unknown numbers when a sign-in code is requested', async () => {
    const phone = nextPhone();
    const res = await new TestClient(t.app).post('/api/auth/otp', { phone, purpose: 'login' });
    expect(res.statusCode).toBe(200);
    await expect(lastCode(getDb(), phone)).rejects.toThrow(/no code/);
  });

  it('verifies the current phone number with a verify_phone code', async () => {
    const u = await registerUser(t.app, getDb());
    await getDb().orm.update(users).set({ phoneVerifiedAt: null }).where(eq(users.id, u.userId));
    expect((await u.client.get('/api/auth/me')).json().user.phoneVerified).toBe(false);
    // Only for my own number.
    const other = await registerUser(t.app, getDb());
    expect(
      (await u.client.post('/api/auth/otp', { phone: other.phone, purpose: 'verify_phone' })).statusCode,
    ).toBe(403);
    t.clock.advance(61_000);
    const code = await requestCode(u.client, getDb(), u.phone, 'verify_phone');
    expect(
      (await u.client.post('/api/account/phone/verify', { code: code === '000000' ? '111111' : '000000' }))
        .statusCode,
    ).toBe(400);
    expect((await u.client.post('/api/account/phone/verify', { code })).statusCode).toBe(200);
    expect((await u.client.get('/api/auth/me')).json().user.phoneVerified).toBe(true);
  });

  it('changes the phone number with a code sent to the new number', async () => {
    const u = await registerUser(t.app, getDb());
    const newPhone = nextPhone();
    const code = await requestCode(u.client, getDb(), newPhone, 'change_phone');
    const res = await u.client.post('/api/account/phone', { newPhone, code });
    expect(res.statusCode).toBe(200);
    expect((await userRow(getDb(), u.userId))!.phone).toBe(newPhone);
    // Someone else's number is refused up front.
    const v = await registerUser(t.app, getDb());
    const taken = await u.client.post('/api/auth/otp', { phone: v.phone, purpose: 'change_phone' });
    expect(taken.statusCode).toBe(409);
  });
});
