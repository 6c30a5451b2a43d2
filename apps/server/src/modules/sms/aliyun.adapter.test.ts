import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliyunTransport } from './aliyun.adapter.ts';
import { aliyunPercentEncode, aliyunSignature } from './aliyun.signing.ts';
import { SmsDeliveryError } from './sms.errors.ts';
import type { OutgoingSms } from './sms.types.ts';
import { startFakeAliyun } from './testing/fake-aliyun.ts';

const KEY_ID = 'LTAI5tTestKeyId';
const SECRET = 'test-secret/with+odd*chars';

function message(phone: string, overrides: Partial<OutgoingSms> = {}): OutgoingSms {
  return {
    id: 'b3a5c1d2-0000-4000-8000-000000000001',
    phone,
    template: 'otp',
    params: { code: '482913', minutes: '10' },
    purpose: 'login',
    body: '',
    redactedBody: '',
    ...overrides,
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

describe('aliyun signing', () => {
  it('percent-encodes like Aliyun (RFC 3986, %20 for space, %2A for *)', () => {
    expect(aliyunPercentEncode("a b*c~d!'()")).toBe('a%20b%2Ac~d%21%27%28%29');
    expect(aliyunPercentEncode('天府')).toBe('%E5%A4%A9%E5%BA%9C');
    expect(aliyunPercentEncode('{"code":"1"}')).toBe('%7B%22code%22%3A%221%22%7D');
  });

  it('signs the documented example string-to-sign shape', () => {
    // Changing any parameter changes the signature; the key is the secret plus '&'.
    const params = { Action: 'SendSms', AccessKeyId: 'id', Timestamp: '2026-01-01T00:00:00Z' };
    const a = aliyunSignature('POST', params, 'secret');
    expect(a).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(aliyunSignature('POST', { ...params, Action: 'SendSmsX' }, 'secret')).not.toBe(a);
    expect(aliyunSignature('GET', params, 'secret')).not.toBe(a);
    expect(aliyunSignature('POST', params, 'secret2')).not.toBe(a);
  });
});

describe('aliyun adapter against a local fake dysmsapi', () => {
  let fake: Awaited<ReturnType<typeof startFakeAliyun>>;
  beforeAll(async () => {
    fake = await startFakeAliyun({
      keys: { [KEY_ID]: SECRET },
      signNames: ['天府科技云'],
      templates: { SMS_480000001: ['code', 'minutes'] },
    });
  });
  afterAll(async () => {
    await fake.close();
  });

  const transport = (
    overrides: {
      secret?: string;
      keyId?: string;
      signName?: string;
      template?: string;
      endpoint?: string;
    } = {},
  ) =>
    aliyunTransport({
      accessKeyId: overrides.keyId ?? KEY_ID,
      accessKeySecret: overrides.secret ?? SECRET,
      signName: overrides.signName ?? '天府科技云',
      endpoint: overrides.endpoint ?? fake.endpoint,
      templateCodes: { otp: overrides.template ?? 'SMS_480000001' },
    });

  it('sends a correctly signed SendSms and returns the BizId', async () => {
    const res = await transport().deliver(message('13800000001'));
    expect(res.providerMessageId).toMatch(/^\d+\^0$/);
    const sent = fake.messages.at(-1);
    expect(sent).toMatchObject({
      phone: '13800000001',
      signName: '天府科技云',
      templateCode: 'SMS_480000001',
      templateParam: { code: '482913', minutes: '10' },
      outId: 'b3a5c1d2-0000-4000-8000-000000000001',
      bizId: res.providerMessageId,
    });
  });

  it('maps a wrong secret (SignatureDoesNotMatch) to sms.auth_failed', async () => {
    const err = await failure(transport({ secret: 'wrong' }).deliver(message('13800000002')));
    expect(err.code).toBe('sms.auth_failed');
    expect(err.providerCode).toBe('SignatureDoesNotMatch');
  });

  it('maps an unknown AccessKeyId to sms.auth_failed', async () => {
    const err = await failure(transport({ keyId: 'LTAI-nope' }).deliver(message('13800000003')));
    expect(err.code).toBe('sms.auth_failed');
    expect(err.providerCode).toBe('InvalidAccessKeyId.NotFound');
  });

  it('maps a bad number to sms.invalid_number', async () => {
    const err = await failure(transport().deliver(message('12000000000')));
    expect(err.code).toBe('sms.invalid_number');
    expect(err.providerCode).toBe('isv.MOBILE_NUMBER_ILLEGAL');
  });

  it('maps the per-minute flow control to sms.rate_limited (retryable)', async () => {
    await transport().deliver(message('13800000004'));
    const err = await failure(transport().deliver(message('13800000004')));
    expect(err.code).toBe('sms.rate_limited');
    expect(err.providerCode).toBe('isv.BUSINESS_LIMIT_CONTROL');
    expect(err.retryable).toBe(true);
  });

  it('maps unapproved signature and template', async () => {
    expect((await failure(transport({ signName: '别人的签名' }).deliver(message('13800000005')))).code).toBe(
      'sms.sign_rejected',
    );
    expect((await failure(transport({ template: 'SMS_0' }).deliver(message('13800000006')))).code).toBe(
      'sms.template_rejected',
    );
  });

  it('reports an unreachable endpoint as sms.unreachable', async () => {
    const closed = await startFakeAliyun({ keys: {}, signNames: [], templates: {} });
    await closed.close();
    const err = await failure(transport({ endpoint: closed.endpoint }).deliver(message('13800000007')));
    expect(err.code).toBe('sms.unreachable');
  });
});
