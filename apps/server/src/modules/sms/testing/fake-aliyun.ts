/**
 * A local stand-in for Aliyun's dysmsapi `SendSms`, for tests. It checks requests the way the real
 * service does — signature (HMAC-SHA1 over the canonicalized parameters, re-implemented here
 * independently of the adapter), AccessKeyId, timestamp window, nonce reuse — and answers with the
 * real response shapes and codes (`OK`, `SignatureDoesNotMatch`, `isv.MOBILE_NUMBER_ILLEGAL`,
 * `isv.BUSINESS_LIMIT_CONTROL`, …).
 * @module
 */
import { createHmac, randomUUID } from 'node:crypto';
import { startFakeHttp, type FakeRequest, type FakeResponse, type RunningFake } from './fake-http.ts';

/** What the fake knows (like an Aliyun account's console). */
export interface FakeAliyunOptions {
  /** AccessKeyId → AccessKeySecret. */
  keys: Record<string, string>;
  /** Approved signatures (SignName). */
  signNames: string[];
  /** Approved templates: TemplateCode → variable names. */
  templates: Record<string, string[]>;
  /** Messages allowed per number per minute before `isv.BUSINESS_LIMIT_CONTROL` (real default: 1). */
  perMinuteLimit?: number;
  now?: () => Date;
}

/** One accepted message. */
export interface FakeAliyunMessage {
  phone: string;
  signName: string;
  templateCode: string;
  templateParam: Record<string, string>;
  outId: string | undefined;
  bizId: string;
}

// Unreserved characters per RFC 3986; everything else is %XX of its UTF-8 bytes.
function encode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function expectedSignature(
  method: string,
  params: Map<string, string>,
  secret: string,
): { signature: string; stringToSign: string } {
  const names = [...params.keys()].filter((n) => n !== 'Signature').sort();
  const query = names.map((n) => `${encode(n)}=${encode(params.get(n) ?? '')}`).join('&');
  const stringToSign = `${method}&${encode('/')}&${encode(query)}`;
  return { signature: createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64'), stringToSign };
}

const fail = (status: number, code: string, message: string): FakeResponse => ({
  status,
  json: {
    RequestId: randomUUID().toUpperCase(),
    Message: message,
    Recommend: 'https://api.aliyun.com/troubleshoot',
    HostId: 'dysmsapi.aliyuncs.com',
    Code: code,
  },
});
const bizFail = (code: string, message: string): FakeResponse => ({
  status: 200,
  json: { Message: message, RequestId: randomUUID().toUpperCase(), Code: code },
});

/** Starts the fake; `messages` lists what it accepted, `requests` counts every call. */
export async function startFakeAliyun(
  opts: FakeAliyunOptions,
): Promise<RunningFake & { messages: FakeAliyunMessage[]; requests: number }> {
  const now = opts.now ?? (() => new Date());
  const usedNonces = new Set<string>();
  const sendsByPhone = new Map<string, number[]>();
  const messages: FakeAliyunMessage[] = [];
  const state = { requests: 0 };

  function handle(req: FakeRequest): FakeResponse {
    state.requests += 1;
    // RPC parameters may come in the query string and/or a form body.
    const params = new Map<string, string>(req.url.searchParams);
    if (
      req.method === 'POST' &&
      String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
    ) {
      for (const [k, v] of new URLSearchParams(req.body)) params.set(k, v);
    }
    for (const required of [
      'AccessKeyId',
      'Signature',
      'SignatureMethod',
      'SignatureNonce',
      'SignatureVersion',
      'Timestamp',
      'Version',
      'Action',
      'Format',
    ]) {
      if (!params.get(required))
        return fail(400, `Missing${required}`, `${required} is mandatory for this action.`);
    }
    if (params.get('SignatureMethod') !== 'HMAC-SHA1')
      return fail(400, 'InvalidSignatureMethod', 'Specified signature method is not supported.');
    if (params.get('SignatureVersion') !== '1.0')
      return fail(400, 'UnsupportedSignatureVersion', 'Specified signature version is not supported.');
    const secret = opts.keys[params.get('AccessKeyId') ?? ''];
    if (secret === undefined)
      return fail(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    const ts = Date.parse(params.get('Timestamp') ?? '');
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(params.get('Timestamp') ?? '') || Number.isNaN(ts)) {
      return fail(
        400,
        'InvalidTimeStamp.Format',
        'Specified time stamp or date value is not well formatted.',
      );
    }
    if (Math.abs(now().getTime() - ts) > 15 * 60_000)
      return fail(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    const { signature, stringToSign } = expectedSignature(req.method, params, secret);
    if (signature !== params.get('Signature')) {
      return fail(
        400,
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
      );
    }
    const nonce = params.get('SignatureNonce') as string;
    if (usedNonces.has(nonce))
      return fail(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    usedNonces.add(nonce);
    if (params.get('Action') !== 'SendSms' || params.get('Version') !== '2017-05-25') {
      return fail(404, 'InvalidVersion', 'Specified parameter Version is not valid.');
    }

    const phone = params.get('PhoneNumbers') ?? '';
    if (!/^1[3-9]\d{9}$/.test(phone)) return bizFail('isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
    const signName = params.get('SignName') ?? '';
    if (!opts.signNames.includes(signName))
      return bizFail('isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名');
    const templateCode = params.get('TemplateCode') ?? '';
    const variables = opts.templates[templateCode];
    if (!variables) return bizFail('isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板');
    let templateParam: Record<string, string>;
    try {
      templateParam = JSON.parse(params.get('TemplateParam') ?? '{}') as Record<string, string>;
    } catch {
      return bizFail('isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
    }
    if (variables.some((v) => typeof templateParam[v] !== 'string'))
      return bizFail('isv.TEMPLATE_MISSING_PARAMETERS', '模板缺少变量');
    const minuteAgo = now().getTime() - 60_000;
    const recent = (sendsByPhone.get(phone) ?? []).filter((t) => t > minuteAgo);
    if (recent.length >= (opts.perMinuteLimit ?? 1))
      return bizFail('isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控Permits:1');
    sendsByPhone.set(phone, [...recent, now().getTime()]);

    const bizId = `${Math.floor(Math.random() * 1e15)}^0`;
    messages.push({ phone, signName, templateCode, templateParam, outId: params.get('OutId'), bizId });
    return {
      status: 200,
      json: { Message: 'OK', RequestId: randomUUID().toUpperCase(), BizId: bizId, Code: 'OK' },
    };
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
