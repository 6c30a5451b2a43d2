import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { smsMessages } from '@tianfu/db';
import { describeEachDb } from '@tianfu/db/testing';
import { testConfig, testLogger } from '../../../test/helpers/build-test-app.ts';
import { SmsConfigError, SmsDeliveryError } from './sms.errors.ts';
import { createSmsSender } from './sms.factory.ts';
import { startFakeAliyun } from './testing/fake-aliyun.ts';
import { startFakeTencent } from './testing/fake-tencent.ts';

const otp = (to: string, extra: Record<string, string> = {}) => ({
  to,
  template: 'otp',
  params: { code: '246810', minutes: '10' },
  ...extra,
});

describeEachDb('sms delivery log', (getDb) => {
  let aliyun: Awaited<ReturnType<typeof startFakeAliyun>>;
  let tencent: Awaited<ReturnType<typeof startFakeTencent>>;
  beforeAll(async () => {
    aliyun = await startFakeAliyun({
      keys: { KID: 'KSECRET' },
      signNames: ['天府科技云'],
      templates: { SMS_1: ['code', 'minutes'] },
      perMinuteLimit: 1,
    });
    tencent = await startFakeTencent({
      keys: { AKID: 'SKEY' },
      sdkAppIds: ['1400'],
      signNames: ['天府科技云'],
      templates: { '77': 2 },
    });
  });
  afterAll(async () => {
    await aliyun.close();
    await tencent.close();
  });

  const rowsFor = (phone: string) =>
    getDb().orm.select().from(smsMessages).where(eq(smsMessages.phone, phone));

  it('outbox: records the message with its text and prints it (phone masked, code visible in development)', async () => {
    const lines: string[] = [];
    const sms = createSmsSender(testConfig({ NODE_ENV: 'development' }), getDb(), testLogger(lines));
    const res = await sms.send(otp('+86 138-0000-1001', { purpose: 'register' }));
    expect(res).toMatchObject({ status: 'sent', duplicate: false });
    const [row] = await rowsFor('13800001001');
    expect(row).toMatchObject({
      provider: 'outbox',
      status: 'sent',
      purpose: 'register',
      templateCode: 'otp',
      attempts: 1,
    });
    expect(row?.body).toBe('【天府科技云】您的验证码是 246810，10 分钟内有效。请勿将验证码告诉他人。');
    expect(row?.params.code).toBe('246810');
    const line = lines.find((l) => l.includes('SMS outbox'));
    expect(line).toContain('138****1001');
    expect(line).not.toContain('13800001001');
    expect(line).toContain('246810');
  });

  it('outbox in production (explicitly allowed): the log line masks the code, the outbox keeps it', async () => {
    const lines: string[] = [];
    const config = testConfig({
      NODE_ENV: 'production',
      SMS_ALLOW_OUTBOX_IN_PRODUCTION: true,
      TIANFU_SECRET_KEY: 'a'.repeat(64),
    });
    const sms = createSmsSender(config, getDb(), testLogger(lines));
    await sms.send(otp('13800001002', { locale: 'en' }));
    const line = lines.find((l) => l.includes('SMS outbox →'));
    expect(line).toContain('******');
    expect(line).not.toContain('246810');
    const [row] = await rowsFor('13800001002');
    expect(row?.body).toBe(
      '[天府科技云] Your verification code is 246810, valid for 10 minutes. Do not share it with anyone.',
    );
  });

  it('refuses the outbox in production unless allowed, with a readable startup error', () => {
    // loadConfig() already refuses this combination; the factory is the second guard for configs built in code.
    const config = {
      ...testConfig(),
      NODE_ENV: 'production' as const,
      SMS_ALLOW_OUTBOX_IN_PRODUCTION: false,
    };
    expect(() => createSmsSender(config, getDb(), testLogger([]))).toThrow(SmsConfigError);
    expect(() => createSmsSender(config, getDb(), testLogger([]))).toThrow(
      /SMS_ALLOW_OUTBOX_IN_PRODUCTION=true/,
    );
  });

  it('refuses a provider without its keys', () => {
    const config = { ...testConfig(), SMS_PROVIDER: 'tencent' as const };
    expect(() => createSmsSender(config, getDb(), testLogger([]))).toThrow(/TENCENT_SMS_SECRET_ID/);
  });

  it('the same idempotency key never reaches the provider twice', async () => {
    const config = {
      ...testConfig(),
      SMS_PROVIDER: 'aliyun' as const,
      ALIYUN_SMS_ACCESS_KEY_ID: 'KID',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'KSECRET',
      ALIYUN_SMS_ENDPOINT: aliyun.endpoint,
      SMS_SIGN_NAME: '天府科技云',
      SMS_TEMPLATE_OTP: 'SMS_1',
    };
    const sms = createSmsSender(config, getDb(), testLogger([]));
    const before = aliyun.requests;
    const first = await sms.send(otp('13800001003', { idempotencyKey: 'job-42' }));
    const again = await sms.send(otp('13800001003', { idempotencyKey: 'job-42' }));
    expect(first).toMatchObject({ status: 'sent', duplicate: false });
    expect(again).toEqual({ id: first.id, status: 'sent', duplicate: true });
    expect(aliyun.requests - before).toBe(1);
    const rows = await rowsFor('13800001003');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ provider: 'aliyun', status: 'sent' });
    expect(rows[0]?.providerMessageId).toMatch(/\^0$/);
    // Real providers are the delivery channel: the code is not kept in the database.
    expect(rows[0]?.params.code).toBe('******');
    expect(rows[0]?.body).not.toContain('246810');
  });

  it('two concurrent sends with one key reach the provider once', async () => {
    const config = {
      ...testConfig(),
      SMS_PROVIDER: 'aliyun' as const,
      ALIYUN_SMS_ACCESS_KEY_ID: 'KID',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'KSECRET',
      ALIYUN_SMS_ENDPOINT: aliyun.endpoint,
      SMS_SIGN_NAME: '天府科技云',
      SMS_TEMPLATE_OTP: 'SMS_1',
    };
    const a = createSmsSender(config, getDb(), testLogger([]));
    const b = createSmsSender(config, getDb(), testLogger([]));
    const before = aliyun.requests;
    const results = await Promise.all([
      a.send(otp('13800001006', { idempotencyKey: 'race' })),
      b.send(otp('13800001006', { idempotencyKey: 'race' })),
    ]);
    expect(aliyun.requests - before).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
  });

  it('a failed send is recorded with its code and may be retried with the same key', async () => {
    const config = {
      ...testConfig(),
      SMS_PROVIDER: 'tencent' as const,
      TENCENT_SMS_SECRET_ID: 'AKID',
      TENCENT_SMS_SECRET_KEY: 'SKEY',
      TENCENT_SMS_SDK_APP_ID: '1400',
      TENCENT_SMS_ENDPOINT: tencent.endpoint,
      SMS_SIGN_NAME: '天府科技云',
      SMS_TEMPLATE_OTP: '77',
    };
    const sms = createSmsSender(config, getDb(), testLogger([]));
    await sms.send(otp('13800001004'));
    // Second message within 30 s: the provider refuses it.
    const err = await sms.send(otp('13800001004', { idempotencyKey: 'retry-me' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmsDeliveryError);
    expect((err as SmsDeliveryError).code).toBe('sms.rate_limited');
    const [failed] = (await rowsFor('13800001004')).filter((r) => r.idempotencyKey === 'retry-me');
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed?.error).toMatch(/^sms\.rate_limited \(LimitExceeded\.PhoneNumberThirtySecondLimit/);

    // The retry with the same key (here: against a provider whose 30-second window is fresh) goes
    // out and the same row becomes `sent`.
    const fake31 = await startFakeTencent({
      keys: { AKID: 'SKEY' },
      sdkAppIds: ['1400'],
      signNames: ['天府科技云'],
      templates: { '77': 2 },
    });
    try {
      const retried = createSmsSender(
        { ...config, TENCENT_SMS_ENDPOINT: fake31.endpoint },
        getDb(),
        testLogger([]),
      );
      const ok = await retried.send(otp('13800001004', { idempotencyKey: 'retry-me' }));
      expect(ok).toMatchObject({ id: failed?.id, status: 'sent', duplicate: false });
      const [row] = (await rowsFor('13800001004')).filter((r) => r.idempotencyKey === 'retry-me');
      expect(row).toMatchObject({ status: 'sent', attempts: 2, error: null });
    } finally {
      await fake31.close();
    }
  });

  it('rejects a malformed number or missing template variables before recording anything', async () => {
    const sms = createSmsSender(testConfig(), getDb(), testLogger([]));
    await expect(sms.send(otp('12345'))).rejects.toMatchObject({ code: 'sms.invalid_number' });
    await expect(
      sms.send({ to: '13800001005', template: 'otp', params: { code: '1' } }),
    ).rejects.toMatchObject({ code: 'sms.template_params' });
    await expect(sms.send({ to: '13800001005', template: 'nope', params: {} })).rejects.toMatchObject({
      code: 'sms.unknown_template',
    });
    expect(await rowsFor('13800001005')).toHaveLength(0);
  });
});
