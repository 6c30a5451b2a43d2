import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, realNameIdentities } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { residentIdCheckChar } from '@tianfu/contracts';
import { testLogger, type TestApp } from '../../../test/helpers/build-test-app.ts';
import { buildAccountsTestApp, type TestClock } from '../auth/testing/app.ts';
import { registerUser } from '../auth/testing/client.ts';
import { registerStaff } from '../auth/testing/staff.ts';
import { fakeIdentityVerifier } from './testing-fake-verifier.ts';

/** A valid ID number for a county and a birth date (sequence varies the number). */
function residentId(county: string, birth: string, seq: string): string {
  const first17 = `${county}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

const CHENGDU_ID = residentId('510104', '19900307', '123');
const MIANYANG_ID = residentId('510703', '19851111', '045');

describeEachDb('real-name identity', (getDb) => {
  let t: TestApp & { clock: TestClock };
  const logLines: string[] = [];
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb(), { logger: testLogger(logLines) });
  });
  afterAll(async () => {
    await t.close();
  });

  async function citizenWithConsent(region: string) {
    const u = await registerUser(t.app, getDb(), { kind: 'citizen' });
    await u.client.patch('/api/account/profile', { regionCode: region });
    const c = await u.client.post('/api/account/consents', { purpose: 'real_name', version: '2026-01' });
    expect(c.statusCode).toBe(201);
    return u;
  }

  it('refuses real-name data without the separate consent', async () => {
    const u = await registerUser(t.app, getDb());
    const res = await u.client.post('/api/account/identity', { fullName: '张三', idNumber: CHENGDU_ID });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('identity.consent_required');
    expect(
      await getDb().orm.select().from(realNameIdentities).where(eq(realNameIdentities.userId, u.userId)),
    ).toHaveLength(0);
  });

  it('validates the GB 11643 check digit with a localized field message', async () => {
    const u = await citizenWithConsent('510104');
    const wrong = CHENGDU_ID.slice(0, 17) + (CHENGDU_ID.endsWith('1') ? '2' : '1');
    const res = await u.client.req(
      'POST',
      '/api/account/identity',
      { fullName: '张三', idNumber: wrong },
      { headers: { 'accept-language': 'en' } },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.idNumber).toMatch(/check digit/);
  });

  it('stores the ID encrypted, answers masked, and never logs it', async () => {
    const u = await citizenWithConsent('510104');
    const res = await u.client.post('/api/account/identity', { fullName: '张三丰', idNumber: CHENGDU_ID });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'pending',
      idNumberMasked: `${CHENGDU_ID.slice(0, 4)}**********${CHENGDU_ID.slice(-4)}`,
      fullNameMasked: '张**',
    });
    expect(res.body).not.toContain(CHENGDU_ID);
    const [row] = await getDb()
      .orm.select()
      .from(realNameIdentities)
      .where(eq(realNameIdentities.userId, u.userId));
    expect(row!.idNumberEnc).not.toContain(CHENGDU_ID);
    expect(row!.idNumberEnc).not.toContain(CHENGDU_ID.slice(4, 14));
    expect(row!.regionCode).toBe('510104');
    const own = await u.client.get('/api/account/identity');
    expect(own.body).not.toContain(CHENGDU_ID);
    expect(logLines.join('\n')).not.toContain(CHENGDU_ID);
    expect((await u.client.get('/api/auth/me')).json().user.realNameStatus).toBe('pending');
  });

  it('lets only an officer whose region contains the person decide, and audits denials', async () => {
    const person = await citizenWithConsent('510104');
    await person.client.post('/api/account/identity', {
      fullName: '李四',
      idNumber: residentId('510104', '19700101', '777'),
    });
    const chengdu = await registerStaff(t.app, getDb(), 'officer', '5101', () => t.clock.now());
    const mianyang = await registerStaff(t.app, getDb(), 'officer', '5107', () => t.clock.now());
    const stranger = await registerUser(t.app, getDb());

    const listCd = (await chengdu.client.get('/api/identity?status=pending')).json();
    expect(listCd.items.map((i: { userId: string }) => i.userId)).toContain(person.userId);
    expect(JSON.stringify(listCd)).not.toMatch(/\d{17}[\dX]/);
    const listMy = (await mianyang.client.get('/api/identity?status=pending')).json();
    expect(listMy.items.map((i: { userId: string }) => i.userId)).not.toContain(person.userId);
    expect((await stranger.client.get('/api/identity')).statusCode).toBe(403);

    const wrongRegion = await mianyang.client.post(`/api/identity/${person.userId}/verify`);
    expect(wrongRegion.statusCode).toBe(403);
    expect(wrongRegion.json().error.code).toBe('error.forbidden_region');
    const byCitizen = await stranger.client.post(`/api/identity/${person.userId}/verify`);
    expect(byCitizen.statusCode).toBe(403);
    const selfReview = await person.client.post(`/api/identity/${person.userId}/verify`);
    expect(selfReview.statusCode).toBe(403);
    const denied = await getDb()
      .orm.select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'identity.verify'),
          eq(auditLog.outcome, 'denied'),
          eq(auditLog.targetId, person.userId),
        ),
      );
    expect(denied.length).toBe(3);

    const ok = await chengdu.client.post(`/api/identity/${person.userId}/verify`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ userId: person.userId, status: 'verified' });
    expect((await chengdu.client.post(`/api/identity/${person.userId}/verify`)).statusCode).toBe(409);
    expect((await person.client.get('/api/account/identity')).json()).toMatchObject({
      status: 'verified',
      reviewedBy: 'officer',
    });
  });

  it('rejects with a reason shown to the person; a province officer covers every city', async () => {
    const person = await citizenWithConsent('510703');
    await person.client.post('/api/account/identity', { fullName: '王五', idNumber: MIANYANG_ID });
    const province = await registerStaff(t.app, getDb(), 'officer', '51', () => t.clock.now());
    const res = await province.client.post(`/api/identity/${person.userId}/reject`, {
      reason: '照片不清晰，请重新提交',
    });
    expect(res.statusCode).toBe(200);
    const own = (await person.client.get('/api/account/identity')).json();
    expect(own).toMatchObject({ status: 'rejected', rejectReason: '照片不清晰，请重新提交' });
    // A rejected person may submit again: back to pending.
    const again = await person.client.post('/api/account/identity', {
      fullName: '王五',
      idNumber: MIANYANG_ID,
    });
    expect(again.json().status).toBe('pending');
  });
});

describeEachDb('real-name identity with an external verifier', (getDb) => {
  const ok = residentId('510104', '19880808', '201');
  const bad = residentId('510104', '19880808', '202');
  const down = residentId('510104', '19880808', '203');
  const verifier = fakeIdentityVerifier({ verify: [ok], reject: [bad], fail: [down] });
  let t: TestApp & { clock: TestClock };
  beforeAll(async () => {
    t = await buildAccountsTestApp(getDb(), { identityVerifier: verifier });
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes the verifier decision, and leaves the submission pending when it is down', async () => {
    const cases: [string, string][] = [
      [ok, 'verified'],
      [bad, 'rejected'],
      [down, 'pending'],
    ];
    for (const [id, expected] of cases) {
      const u = await registerUser(t.app, getDb());
      await u.client.post('/api/account/consents', { purpose: 'real_name', version: '2026-01' });
      const res = await u.client.post('/api/account/identity', { fullName: '赵六', idNumber: id });
      expect(res.json().status).toBe(expected);
    }
    expect(verifier.calls).toEqual([ok, bad, down]);
    // The same ID number cannot be verified on a second account.
    const dup = await registerUser(t.app, getDb());
    await dup.client.post('/api/account/consents', { purpose: 'real_name', version: '2026-01' });
    const res = await dup.client.post('/api/account/identity', { fullName: '赵六', idNumber: ok });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('identity.id_in_use');
  });
});
