/**
 * A local stand-in for Tencent Cloud SMS `SendSms` (API 3.0, 2021-01-11), for tests. It checks
 * the TC3-HMAC-SHA256 signature the way the real gateway does — re-implemented here independently
 * of the adapter: the headers named in SignedHeaders, the payload hash, the credential scope and
 * the timestamp window — and answers with real response shapes (`Response.Error` for request
 * errors, `Response.SendStatusSet[]` per number).
 * @module
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { startFakeHttp, type FakeRequest, type FakeResponse, type RunningFake } from './fake-http.ts';

/** What the fake knows (like a Tencent Cloud account's console). */
export interface FakeTencentOptions {
  /** SecretId → SecretKey. */
  keys: Record<string, string>;
  sdkAppIds: string[];
  signNames: string[];
  /** TemplateId → number of parameters. */
  templates: Record<string, number>;
  /** Messages allowed per number per 30 seconds before `LimitExceeded.PhoneNumberThirtySecondLimit` (real default: 1). */
  perThirtySecondLimit?: number;
  now?: () => Date;
}

/** One accepted message. */
export interface FakeTencentMessage {
  phone: string;
  signName: string;
  templateId: string;
  params: string[];
  sessionContext: string;
  serialNo: string;
}

const hex = (s: string) => createHash('sha256').update(s).digest('hex');
const mac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();

const requestError = (code: string, message: string): FakeResponse => ({
  status: 200,
  json: { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } },
});

/** Starts the fake; `messages` lists what it accepted, `requests` counts every call. */
export async function startFakeTencent(
  opts: FakeTencentOptions,
): Promise<RunningFake & { messages: FakeTencentMessage[]; requests: number }> {
  const now = opts.now ?? (() => new Date());
  const recentByPhone = new Map<string, number[]>();
  const messages: FakeTencentMessage[] = [];
  const state = { requests: 0 };

  function verify(req: FakeRequest): FakeResponse | null {
    const auth = String(req.headers.authorization ?? '');
    const m =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
        auth,
      );
    if (!m) return requestError('AuthFailure.InvalidAuthorization', 'Authorization header format error.');
    const [, secretId, date, service, signedHeaders, signature] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const secretKey = opts.keys[secretId];
    if (secretKey === undefined)
      return requestError(
        'AuthFailure.SecretIdNotFound',
        'The SecretId is not found, please ensure that your SecretId is correct.',
      );
    const timestamp = Number(req.headers['x-tc-timestamp']);
    if (!Number.isInteger(timestamp))
      return requestError(
        'MissingParameter',
        'The request is missing a required parameter `X-TC-Timestamp`.',
      );
    if (Math.abs(now().getTime() / 1000 - timestamp) > 300) {
      return requestError(
        'AuthFailure.SignatureExpire',
        'Signature expired. Timestamp and server time cannot differ by more than 5 minutes.',
      );
    }
    const names = signedHeaders.split(';');
    if (!names.includes('content-type') || !names.includes('host')) {
      return requestError(
        'AuthFailure.SignatureFailure',
        'SignedHeaders must include content-type and host.',
      );
    }
    if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date || service !== 'sms') {
      return requestError(
        'AuthFailure.SignatureFailure',
        'The provided credentials could not be validated because of an invalid credential scope.',
      );
    }
    const canonicalHeaders = names
      .map(
        (n) =>
          `${n}:${String(req.headers[n] ?? '')
            .trim()
            .toLowerCase()}\n`,
      )
      .join('');
    const canonicalRequest = `${req.method}\n${req.url.pathname}\n${req.url.search.replace(/^\?/, '')}\n${canonicalHeaders}\n${signedHeaders}\n${hex(req.body)}`;
    const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${hex(canonicalRequest)}`;
    const key = mac(mac(mac('TC3' + secretKey, date), service), 'tc3_request');
    const expected = createHmac('sha256', key).update(stringToSign).digest('hex');
    if (expected !== signature) {
      return requestError(
        'AuthFailure.SignatureFailure',
        'The provided credentials could not be validated. Please check your signature is correct.',
      );
    }
    return null;
  }

  function handle(req: FakeRequest): FakeResponse {
    state.requests += 1;
    if (req.method !== 'POST')
      return requestError('UnsupportedOperation', 'Only POST is supported by this fake.');
    const authError = verify(req);
    if (authError) return authError;
    if (req.headers['x-tc-action'] !== 'SendSms')
      return requestError('InvalidAction', 'The action requested is invalid.');
    if (req.headers['x-tc-version'] !== '2021-01-11')
      return requestError('InvalidParameterValue', 'The version requested is invalid.');
    if (!req.headers['x-tc-region'])
      return requestError('MissingParameter', 'The request is missing a required parameter `X-TC-Region`.');
    let body: {
      PhoneNumberSet?: string[];
      SmsSdkAppId?: string;
      SignName?: string;
      TemplateId?: string;
      TemplateParamSet?: string[];
      SessionContext?: string;
    };
    try {
      body = JSON.parse(req.body) as typeof body;
    } catch {
      return requestError('InvalidParameter', 'The request body is not valid JSON.');
    }
    if (!opts.sdkAppIds.includes(body.SmsSdkAppId ?? ''))
      return requestError('UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'SmsSdkAppId verify failed.');
    if (!opts.signNames.includes(body.SignName ?? ''))
      return requestError(
        'FailedOperation.SignatureIncorrectOrUnapproved',
        'signature format is incorrect or signature is not approved.',
      );
    const paramCount = opts.templates[body.TemplateId ?? ''];
    if (paramCount === undefined)
      return requestError(
        'FailedOperation.TemplateIncorrectOrUnapproved',
        'template format is incorrect or template is not approved.',
      );
    if ((body.TemplateParamSet ?? []).length !== paramCount) {
      return requestError(
        'InvalidParameterValue.TemplateParameterFormatError',
        'the number of template parameters does not match the template.',
      );
    }

    const windowStart = now().getTime() - 30_000;
    const statuses = (body.PhoneNumberSet ?? []).map((phone) => {
      const base = {
        PhoneNumber: phone,
        Fee: 0,
        SessionContext: body.SessionContext ?? '',
        IsoCode: 'CN',
        SerialNo: '',
      };
      if (!/^\+861[3-9]\d{9}$/.test(phone))
        return {
          ...base,
          Code: 'InvalidParameterValue.IncorrectPhoneNumber',
          Message: 'incorrect number format',
          IsoCode: 'DEF',
        };
      const recent = (recentByPhone.get(phone) ?? []).filter((t) => t > windowStart);
      if (recent.length >= (opts.perThirtySecondLimit ?? 1)) {
        return {
          ...base,
          Code: 'LimitExceeded.PhoneNumberThirtySecondLimit',
          Message:
            'the number of SMS messages sent from a single mobile number within 30 seconds exceeds the upper limit',
        };
      }
      recentByPhone.set(phone, [...recent, now().getTime()]);
      const serialNo = `2433:${Math.floor(Math.random() * 1e12)}${Date.now()}`;
      messages.push({
        phone,
        signName: body.SignName!,
        templateId: body.TemplateId!,
        params: body.TemplateParamSet ?? [],
        sessionContext: body.SessionContext ?? '',
        serialNo,
      });
      return { ...base, SerialNo: serialNo, Fee: 1, Code: 'Ok', Message: 'send success' };
    });
    return { status: 200, json: { Response: { SendStatusSet: statuses, RequestId: randomUUID() } } };
  }

  const server = await startFakeHttp(handle);
  return {
    endpoint: server.endpoint,
    close: server.close,
    messages,
    get requests() {
      return state.requests;
    },
  };
}
