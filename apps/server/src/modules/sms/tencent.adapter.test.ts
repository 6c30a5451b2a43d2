import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmsDeliveryError } from './sms.errors.ts';
import type { OutgoingSms } from './sms.types.ts';
import { tencentTransport } from './tencent.adapter.ts';
import { tc3Authorization } from './tencent.signing.ts';
import { startFakeTencent } from './testing/fake-tencent.ts';

const SECRET_ID = 'AKIDtestsecretid';
const SECRET_KEY = 'testSecretKey0123456789';

function message(phone: string): OutgoingSms {
  return {
    id: 'c0ffee00-0000-4000-8000-000000000002',
    phone,
    template: 'otp',
    params: { code: '731904', minutes: '10' },
    purpose: 'register',
    body: '',
    redactedBody: '',
  };
}

async function failure(p: Promise<unknown>): Promise<SmsDeliveryError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(SmsDeliveryError);
    return err as SmsDeliveryError;
  }
  throw new Error('expected the send to fail');
}

describe('TC3-HMAC-SHA256', () => {
  it('builds the Authorization header with scope, signed headers and a hex signature', () => {
    const auth = tc3Authorization(
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', Host: 'sms.tencentcloudapi.com' },
        body: '{}',
        service: 'sms',
        timestamp: 1_700_000_000,
      },
      'AKIDx',
      'key',
    );
    expect(auth).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDx\/2023-11-14\/sms\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/,
    );
  });
});

describe('tencent adapter against a local fake SMS API 3.0', () => {
  let fake: Awaited<ReturnType<typeof startFakeTencent>>;
  const now = () => new Date();
  beforeAll(async () => {
    fake = await startFakeTencent({
      keys: { [SECRET_ID]: SECRET_KEY },
      sdkAppIds: ['1400000001'],
      signNames: ['天府科技云'],
      templates: { '2000001': 2 },
    });
  });
  afterAll(async () => {
    await fake.close();
  });

  const transport = (
    o: {
      secretKey?: string;
      secretId?: string;
      signName?: string;
      template?: string;
      sdkAppId?: string;
      clock?: () => Date;
    } = {},
  ) =>
    tencentTransport({
      secretId: o.secretId ?? SECRET_ID,
      secretKey: o.secretKey ?? SECRET_KEY,
      sdkAppId: o.sdkAppId ?? '1400000001',
      signName: o.signName ?? '天府科技云',
      region: 'ap-guangzhou',
      endpoint: fake.endpoint,
      templateIds: { otp: o.template ?? '2000001' },
      now: o.clock ?? now,
    });

  it('sends a correctly signed SendSms with +86 numbers and positional parameters', async () => {
    const res = await transport().deliver(message('13800000011'));
    expect(res.providerMessageId).toMatch(/^2433:/);
    expect(fake.messages.at(-1)).toMatchObject({
      phone: '+8613800000011',
      signName: '天府科技云',
      templateId: '2000001',
      params: ['731904', '10'],
      sessionContext: 'c0ffee00-0000-4000-8000-000000000002',
    });
  });

  it('maps a wrong key (AuthFailure.SignatureFailure) to sms.auth_failed', async () => {
    const err = await failure(transport({ secretKey: 'wrong' }).deliver(message('13800000012')));
    expect(err).toMatchObject({ code: 'sms.auth_failed', providerCode: 'AuthFailure.SignatureFailure' });
  });

  it('maps an unknown SecretId and a stale timestamp to sms.auth_failed', async () => {
    expect(await failure(transport({ secretId: 'AKIDnope' }).deliver(message('13800000013')))).toMatchObject({
      providerCode: 'AuthFailure.SecretIdNotFound',
      code: 'sms.auth_failed',
    });
    const stale = () => new Date(Date.now() - 10 * 60_000);
    expect(await failure(transport({ clock: stale }).deliver(message('13800000013')))).toMatchObject({
      providerCode: 'AuthFailure.SignatureExpire',
      code: 'sms.auth_failed',
    });
  });

  it('maps a bad number to sms.invalid_number', async () => {
    const err = await failure(transport().deliver(message('1380000001')));
    expect(err).toMatchObject({
      code: 'sms.invalid_number',
      providerCode: 'InvalidParameterValue.IncorrectPhoneNumber',
    });
  });

  it('maps the 30-second limit to sms.rate_limited', async () => {
    await transport().deliver(message('13800000014'));
    const err = await failure(transport().deliver(message('13800000014')));
    expect(err).toMatchObject({
      code: 'sms.rate_limited',
      providerCode: 'LimitExceeded.PhoneNumberThirtySecondLimit',
      retryable: true,
    });
  });

  it('maps unapproved signature/template and a wrong SdkAppId', async () => {
    expect((await failure(transport({ signName: '别人' }).deliver(message('13800000015')))).code).toBe(
      'sms.sign_rejected',
    );
    expect((await failure(transport({ template: '999' }).deliver(message('13800000016')))).code).toBe(
      'sms.template_rejected',
    );
    expect((await failure(transport({ sdkAppId: '1' }).deliver(message('13800000017')))).code).toBe(
      'sms.auth_failed',
    );
  });
});
