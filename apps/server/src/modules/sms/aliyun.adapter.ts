/**
 * Aliyun SMS (dysmsapi, API version 2017-05-25) `SendSms` over its RPC-style HTTP API, signed
 * with HMAC-SHA1 (see aliyun.signing.ts). Parameters are posted as a form body.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { aliyunSignature, aliyunTimestamp } from './aliyun.signing.ts';
import { callProvider, str, type FetchLike } from './provider-http.ts';
import { SmsDeliveryError, type SmsErrorCode } from './sms.errors.ts';
import { getSmsTemplate, orderedParams } from './sms.templates.ts';
import type { SmsTransport } from './sms.types.ts';

/** Settings of {@link aliyunTransport}. */
export interface AliyunOptions {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** Default `https://dysmsapi.aliyuncs.com`. */
  endpoint: string;
  /** Logical template name → Aliyun TemplateCode (`SMS_123456789`). */
  templateCodes: Record<string, string>;
  fetch?: FetchLike;
  now?: () => Date;
  timeoutMs?: number;
}

// Aliyun error codes (field `Code`) → our codes. Anything else is `sms.provider_error`.
const ERROR_MAP: Record<string, SmsErrorCode> = {
  'isv.BUSINESS_LIMIT_CONTROL': 'sms.rate_limited',
  'isv.DAY_LIMIT_CONTROL': 'sms.rate_limited',
  'isv.MONTH_LIMIT_CONTROL': 'sms.rate_limited',
  Throttling: 'sms.rate_limited',
  'Throttling.User': 'sms.rate_limited',
  'Throttling.Api': 'sms.rate_limited',
  'isv.MOBILE_NUMBER_ILLEGAL': 'sms.invalid_number',
  'isv.MOBILE_COUNT_OVER_LIMIT': 'sms.invalid_number',
  'isv.BLACK_KEY_CONTROL_LIMIT': 'sms.template_rejected',
  SignatureDoesNotMatch: 'sms.auth_failed',
  IncompleteSignature: 'sms.auth_failed',
  SignatureNonceUsed: 'sms.auth_failed',
  'InvalidTimeStamp.Expired': 'sms.auth_failed',
  'InvalidAccessKeyId.NotFound': 'sms.auth_failed',
  'InvalidAccessKeyId.Inactive': 'sms.auth_failed',
  'isv.ACCOUNT_NOT_EXISTS': 'sms.auth_failed',
  'isv.ACCOUNT_ABNORMAL': 'sms.auth_failed',
  'isp.RAM_PERMISSION_DENY': 'sms.auth_failed',
  'Forbidden.RAM': 'sms.auth_failed',
  'isv.SMS_SIGNATURE_ILLEGAL': 'sms.sign_rejected',
  'isv.SMS_SIGN_ILLEGAL': 'sms.sign_rejected',
  'isv.SIGN_NAME_ILLEGAL': 'sms.sign_rejected',
  'isv.SMS_TEMPLATE_ILLEGAL': 'sms.template_rejected',
  'isv.TEMPLATE_MISSING_PARAMETERS': 'sms.template_rejected',
  'isv.TEMPLATE_PARAMS_ILLEGAL': 'sms.template_rejected',
  'isv.INVALID_JSON_PARAM': 'sms.template_rejected',
  'isv.PARAM_LENGTH_LIMIT': 'sms.template_rejected',
  'isv.AMOUNT_NOT_ENOUGH': 'sms.insufficient_balance',
  'isv.OUT_OF_SERVICE': 'sms.insufficient_balance',
};

/** Maps an Aliyun `Code` onto our error codes. */
export function mapAliyunError(code: string): SmsErrorCode {
  return ERROR_MAP[code] ?? 'sms.provider_error';
}

/**
 * Creates the Aliyun transport.
 * @example aliyunTransport({ accessKeyId, accessKeySecret, signName: '天府科技云', endpoint: 'https://dysmsapi.aliyuncs.com', templateCodes: { otp: 'SMS_1234' } })
 */
export function aliyunTransport(opts: AliyunOptions): SmsTransport {
  const fetchFn = opts.fetch ?? ((input, init) => fetch(input, init));
  const now = opts.now ?? (() => new Date());
  return {
    provider: 'aliyun',
    async deliver(message) {
      const template = getSmsTemplate(message.template);
      const templateCode = opts.templateCodes[template.name];
      if (!templateCode)
        throw new SmsDeliveryError('sms.unknown_template', { params: { template: template.name } });
      const values = orderedParams(template, message.params);
      // TemplateParam carries exactly the template's variables (Aliyun rejects unknown ones).
      const templateParam = Object.fromEntries(template.variables.map((v, i) => [v, values[i]]));

      const params: Record<string, string> = {
        AccessKeyId: opts.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        RegionId: 'cn-hangzhou',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        Timestamp: aliyunTimestamp(now()),
        Version: '2017-05-25',
        PhoneNumbers: message.phone,
        SignName: opts.signName,
        TemplateCode: templateCode,
        TemplateParam: JSON.stringify(templateParam),
        // Echoed in delivery receipts: lets a receipt find our row.
        OutId: message.id,
      };
      params.Signature = aliyunSignature('POST', params, opts.accessKeySecret);

      const url = new URL('/', opts.endpoint).toString();
      const { status, json } = await callProvider(
        fetchFn,
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams(params).toString(),
        },
        opts.timeoutMs ?? 10_000,
      );
      const code = str(json, 'Code');
      if (status === 200 && code === 'OK') return { providerMessageId: str(json, 'BizId') ?? null };
      throw new SmsDeliveryError(code ? mapAliyunError(code) : 'sms.provider_error', {
        providerCode: code ?? `HTTP ${status}`,
        providerMessage: str(json, 'Message') ?? null,
      });
    },
  };
}
